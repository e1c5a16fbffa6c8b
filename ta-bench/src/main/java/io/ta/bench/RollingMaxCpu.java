package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
import io.ta.kernels.stats.RollingMaxStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Rolling max against TA-Lib's MAX by thread CPU time, on the market shapes that decide between them: a random walk
 * (TA-Lib rescans rarely) and a steadily falling series (TA-Lib rescans every bar), and ta's stream updated bar by
 * bar against its batch. Which shapes run in one JVM can matter, since C2 compiles from the profile it has seen, so
 * each shape is best measured in a JVM of its own (docs/performance-log.md, "Rolling max in a falling market").
 *
 * <p>Usage:
 * {@code java -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.RollingMaxCpu walk|falling|all}. Prints the fastest CPU ns per bar of 30 rounds over 1M bars, after 10 warm-up rounds.
 */
public final class RollingMaxCpu {
    private RollingMaxCpu() {}

    public static void main(String[] args) {
        String shape = args.length > 0 ? args[0] : "all";
        int n = 1_000_000;
        double[] walk = new double[n];
        double[] falling = new double[n];
        double[] out = new double[n];
        SplittableRandom r = new SplittableRandom(1);
        double v = 100;
        for (int i = 0; i < n; i++) {
            v += r.nextGaussian();
            walk[i] = v;
            falling[i] = 1e6 - 0.01 * i;
        }
        Core core = new Core();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] names = {"walk 20", "falling 20", "falling 200"};
        double[][] series = {walk, falling, falling};
        int[] periods = {20, 20, 200};
        double[][] best = new double[names.length][3];
        for (double[] b : best) {
            Arrays.fill(b, Double.MAX_VALUE);
        }
        for (int round = 0; round < 40; round++) {
            for (int k = 0; k < names.length; k++) {
                if (!shape.equals("all") && !names[k].startsWith(shape)) {
                    continue;
                }
                for (int lib = 0; lib < 3; lib++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    if (lib == 0) {
                        Ta.rollingMax(series[k], periods[k], out);
                    } else if (lib == 1) {
                        core.max(0, n - 1, series[k], periods[k], begin, count, out);
                    } else {
                        stream(series[k], periods[k], out);
                    }
                    long ns = mx.getCurrentThreadCpuTime() - t0;
                    if (round >= 10) {
                        best[k][lib] = Math.min(best[k][lib], ns / (double) n);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-12s %8s %8s %7s %8s %7s%n", "series", "ta", "TA-Lib", "ratio", "stream",
                "÷ ta");
        for (int k = 0; k < names.length; k++) {
            if (best[k][0] < Double.MAX_VALUE) {
                System.out.printf(Locale.ROOT, "%-12s %8.2f %8.2f %7.2f %8.2f %7.2f%n", names[k], best[k][0],
                        best[k][1], best[k][0] / best[k][1], best[k][2], best[k][2] / best[k][0]);
            }
        }
    }

    /** A fresh stream updated bar by bar, as a live feed calls it. */
    private static void stream(double[] x, int period, double[] out) {
        RollingMaxStream s = Ta.rollingMaxStream(period);
        for (int i = 0; i < x.length; i++) {
            out[i] = s.update(x[i]);
        }
    }
}
