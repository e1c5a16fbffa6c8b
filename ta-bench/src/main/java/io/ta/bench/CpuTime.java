package io.ta.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;

/**
 * Times one benchmark method in thread CPU time, for a shared machine where wall-clock JMH is dominated by the wait for
 * a core: {@code java -cp benchmarks.jar io.ta.bench.CpuTime PlanBench strategyFused}. Calls the method (after its
 * {@code @Setup}) for 20 warm-up rounds, then 20 timed rounds, and prints the median and fastest round in ns per bar
 * ({@code @OperationsPerInvocation} bars per call). One benchmark per JVM, as JMH forks do.
 */
public final class CpuTime {
    private CpuTime() {}

    /** {@code args}: simple class name in this package, method name. */
    public static void main(String[] args) throws Exception {
        Class<?> c = Class.forName(CpuTime.class.getPackageName() + "." + args[0]);
        Object bench = c.getDeclaredConstructor().newInstance();
        c.getMethod("setup").invoke(bench);
        Method m = c.getMethod(args[1]);
        org.openjdk.jmh.annotations.OperationsPerInvocation per = c.getAnnotation(org.openjdk.jmh.annotations.OperationsPerInvocation.class);
        int bars = per == null ? 1 : per.value();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] t = new double[20];
        for (int round = 0; round < 40; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            m.invoke(bench);
            if (round >= 20) {
                t[round - 20] = (double) (mx.getCurrentThreadCpuTime() - t0) / bars;
            }
        }
        Arrays.sort(t);
        System.out.printf(Locale.ROOT, "%s.%s median %.2f fastest %.2f ns/bar (CPU)%n", args[0], args[1], t[10], t[0]);
    }

    /**
     * Warms each task up for 1.5 s of thread CPU time, then runs all of them in {@code rounds} interleaved rounds, so
     * every task meets the same load and JIT history; returns each task's fastest round in CPU ns per bar.
     */
    static double[] fastestInterleaved(Runnable[] tasks, int rounds, int bars) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Runnable task : tasks) {
            long t0 = mx.getCurrentThreadCpuTime();
            while (mx.getCurrentThreadCpuTime() - t0 < 1_500_000_000L) {
                task.run();
            }
        }
        double[] best = new double[tasks.length];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < tasks.length; k++) {
                long t0 = mx.getCurrentThreadCpuTime();
                tasks[k].run();
                best[k] = Math.min(best[k], (double) (mx.getCurrentThreadCpuTime() - t0) / bars);
            }
        }
        return best;
    }
}
