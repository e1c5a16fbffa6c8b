package io.ta.bench;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * One kernel's generated batch ({@link NumericsBench#batch}), alone in its JVM, by thread CPU time: any registered
 * kernel, at its default parameters, over {@value NumericsBench#N} bars. Alone, because which methods a JVM has compiled
 * decides how C2 compiles the next one: with
 * {@code -XX:+UnlockDiagnosticVMOptions -XX:+PrintInlining} it shows whether the batch loop inlined the kernel's step
 * or was refused it ("already compiled into a big method", docs/performance-log.md):
 * {@code java -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.BatchCpu vortex [rounds]}. Prints the
 * fastest of the last two thirds of the rounds (default 40) in ns per bar.
 *
 * <p>Or after other kernels: {@code BatchCpu williams_r 90 aroon,sma} first runs 25 batches of each kernel listed,
 * since a part's branch profile is shared by every kernel built on it (docs/performance-log.md, "Kernels next to each
 * other in one JVM"). {@code BatchCpu --list} prints every registered kernel's name, for scripts that run them all
 * (ta-bench/scripts/loop-calls.sh).
 */
public final class BatchCpu {
    private BatchCpu() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--list")) {
            for (KernelDescriptor d : KernelLoader.load(BatchCpu.class.getClassLoader()).kernels()) {
                System.out.println(d.name());
            }
            return;
        }
        String after = args.length > 2 ? args[2] : "";
        for (String other : after.split(",")) {
            if (!other.isEmpty() && !other.equals(args[0])) {
                NumericsBench before = new NumericsBench();
                before.kernel = other;
                before.setup();
                for (int r = 0; r < 25; r++) {
                    before.batch();
                }
            }
        }
        NumericsBench bench = new NumericsBench();
        bench.kernel = args[0];
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        bench.setup();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rounds; r++) {
            // Untimed, as in NumericsCpu: the outputs then land on pages already touched.
            System.gc();
            long t0 = mx.getCurrentThreadCpuTime();
            bench.batch();
            double ns = (double) (mx.getCurrentThreadCpuTime() - t0) / NumericsBench.N;
            if (r >= rounds / 3) {
                best = Math.min(best, ns);
            }
        }
        System.out.printf(Locale.ROOT, "%s batch fastest %.2f ns/bar%s%n", args[0], best,
                after.isEmpty() ? "" : " after " + after);
    }
}
