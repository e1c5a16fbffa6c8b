package io.ta.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link NumericsBench} of two builds in one JVM, timed by <em>thread CPU time</em> and interleaved call by call, for
 * machines shared with other work (docs/performance.md, "Exact numerics"). Each build's benchmarks.jar is loaded by a
 * class loader of its own, so both run their own kernels, compiled separately, under the same conditions: a change
 * of load between two JMH forks moves their wall-clock ratio, not this one. It complements {@code numerics-bench.sh}
 * (JMH, wall clock), it does not replace it.
 *
 * <p>Usage: {@code java -cp ta-bench/target/benchmarks.jar io.ta.bench.NumericsCpu BEFORE_JAR AFTER_JAR kernel,kernel
 * [rounds]} (default 15 measured rounds after 8 warm-up rounds; each round calls batch, updateRange and streamUpdate
 * once per build, each over {@value NumericsBench#N} bars). Prints the median CPU ns per bar of each build and the
 * after/before ratio of the medians.
 *
 * <p>Each call is preceded by an untimed {@code System.gc()}, so the batch's output arrays land on heap pages already
 * touched: without it every round allocated on fresh pages, and the page faults (about as costly as the kernel, and
 * the same in both builds) diluted every batch ratio towards 1 (docs/performance-log.md, "Batch ratios diluted by page
 * faults").
 */
public final class NumericsCpu {
    private static final String[] BENCHMARKS = {"batch", "updateRange", "streamUpdate"};

    private NumericsCpu() {}

    public static void main(String[] args) throws Exception {
        String[] kernels = args[2].split(",");
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        try (URLClassLoader before = new URLClassLoader(new URL[] {Path.of(args[0]).toUri().toURL()}, platform);
                URLClassLoader after = new URLClassLoader(new URL[] {Path.of(args[1]).toUri().toURL()}, platform)) {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            System.out.printf(Locale.ROOT, "%-16s %-13s %10s %10s %7s%n", "kernel", "benchmark", "before ns", "after ns", "ratio");
            for (String kernel : kernels) {
                Object[] bench = {instance(before, kernel), instance(after, kernel)};
                double[][][] ns = new double[2][BENCHMARKS.length][rounds];
                for (int r = -8; r < rounds; r++) {
                    for (int b = 0; b < BENCHMARKS.length; b++) {
                        // Alternate which build goes first, so neither always runs on a cache the other warmed.
                        for (int k = 0; k < 2; k++) {
                            int v = (r + b + k) & 1;
                            Object o = bench[v];
                            Method m = o.getClass().getMethod(BENCHMARKS[b]);
                            // Untimed: the batch's outputs then land on pages already touched (see the class comment).
                            System.gc();
                            long start = mx.getCurrentThreadCpuTime();
                            m.invoke(o);
                            long used = mx.getCurrentThreadCpuTime() - start;
                            if (r >= 0) {
                                ns[v][b][r] = (double) used / NumericsBench.N;
                            }
                        }
                    }
                }
                for (int b = 0; b < BENCHMARKS.length; b++) {
                    double x = median(ns[0][b]);
                    double y = median(ns[1][b]);
                    System.out.printf(Locale.ROOT, "%-16s %-13s %10.2f %10.2f %7.2f%n", kernel, BENCHMARKS[b], x, y, y / x);
                }
            }
        }
    }

    private static Object instance(ClassLoader loader, String kernel) throws Exception {
        Class<?> c = Class.forName("io.ta.bench.NumericsBench", true, loader);
        Object o = c.getConstructor().newInstance();
        Field f = c.getDeclaredField("kernel");
        f.setAccessible(true);
        f.set(o, kernel);
        // NumericsBench finds its kernel with KernelLoader over the context class loader.
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            c.getMethod("setup").invoke(o);
            c.getMethod("freshStream").invoke(o);
        } finally {
            t.setContextClassLoader(previous);
        }
        return o;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
