package io.ta.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link CandleScanBench}'s variants timed by <em>thread CPU time</em>, interleaved round by round, for machines
 * shared with other work: JMH measures wall-clock time one benchmark after another, so when the load changes between
 * two benchmarks their ratio measures the load; CPU time leaves out the time the thread waited for a core, and
 * interleaving gives every variant the same conditions. It complements the JMH run (docs/performance.md), it does not
 * replace it. Prints per variant the median and the minimum over the measured rounds, in ns per bar, and the ratio of
 * medians to TA-Lib's 61 calls.
 *
 * <p>Usage: {@code java -cp ta-bench/target/benchmarks.jar io.ta.bench.CandleScanCpu [rounds]} (default 30, after
 * 10 warm-up rounds).
 */
public final class CandleScanCpu {
    private CandleScanCpu() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        CandleScanBench b = new CandleScanBench();
        b.setup();
        String[] names = {"TA-Lib, 61 calls", "ta, 61 kernels", "ta cdl_scan, blocks of 4096", "ta cdl_scan, 61 full outputs",
            "ta cdl_scan stream, update per bar", "TA-Lib engulfing", "ta engulfing", "ta engulfing stream"};
        Runnable[] variants = {b::talibPatterns, b::taPatterns, b::taScan, b::taScanFull, b::taScanUpdate,
            b::talibEngulfing, b::taEngulfing, b::taEngulfingUpdate};
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] ns = new double[variants.length][rounds];
        for (int r = -10; r < rounds; r++) {
            for (int v = 0; v < variants.length; v++) {
                long start = mx.getCurrentThreadCpuTime();
                variants[v].run();
                if (r >= 0) {
                    ns[v][r] = (double) (mx.getCurrentThreadCpuTime() - start) / CandleScanBench.N;
                }
            }
        }
        double talib = median(ns[0]);
        System.out.println("| variant | median CPU ns/bar | min | / TA-Lib 61 calls (medians) |");
        System.out.println("|---|---:|---:|---:|");
        for (int v = 0; v < variants.length; v++) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %s |%n", names[v], median(ns[v]), Arrays.stream(ns[v]).min().orElseThrow(),
                    v < 5 ? String.format(Locale.ROOT, "%.2f×", median(ns[v]) / talib) : "–");
        }
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
