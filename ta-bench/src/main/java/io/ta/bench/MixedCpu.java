package io.ta.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * One kernel's generated batch by thread CPU time, alone in its JVM or after other kernels' batches have run in it:
 * a part's branch profile is shared by every kernel built on it, so what one kernel did decides how C2 compiles the
 * next (docs/performance-log.md, "Kernels next to each other in one JVM"). Runs 25 batches of each kernel in the list,
 * then 90 of the kernel, and prints the fastest of the last 60 in ns per bar ({@value NumericsBench#N} bars, default
 * parameters).
 *
 * <p>Usage, one JVM a row: {@code java -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.MixedCpu
 * williams_r aroon} (after an aroon), or with no list (alone).
 */
public final class MixedCpu {
    private MixedCpu() {}

    public static void main(String[] args) {
        String kernel = args[0];
        boolean mixed = args.length > 1 && !args[1].isEmpty();
        if (mixed) {
            for (String other : args[1].split(",")) {
                if (!other.equals(kernel)) {
                    NumericsBench before = new NumericsBench();
                    before.kernel = other;
                    before.setup();
                    for (int r = 0; r < 25; r++) {
                        before.batch();
                    }
                }
            }
        }
        NumericsBench bench = new NumericsBench();
        bench.kernel = kernel;
        bench.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 90; r++) {
            // Untimed, as in BatchCpu: the outputs then land on pages already touched.
            System.gc();
            long t0 = mx.getCurrentThreadCpuTime();
            bench.batch();
            double ns = (double) (mx.getCurrentThreadCpuTime() - t0) / NumericsBench.N;
            if (r >= 30) {
                best = Math.min(best, ns);
            }
        }
        System.out.printf(Locale.ROOT, "%s %s %.2f ns/bar%n", kernel, mixed ? "after " + args[1] : "alone", best);
    }
}
