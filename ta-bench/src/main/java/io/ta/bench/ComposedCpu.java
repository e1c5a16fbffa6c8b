package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
import io.ta.kernels.ma.MaType;
import java.util.Locale;

/**
 * Kernels built from other kernels or from two state parts, against TA-Lib's function of the same name, by thread
 * CPU time: the kernels whose step C2 compiles on its own before the batch loop, and then will not inline into it
 * ("already compiled into a big method", docs/performance-log.md). One kernel per JVM, since which batches a JVM has
 * compiled decides how it compiles the next:
 * {@code java -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.ComposedCpu williams_r}, or with
 * {@code -XX:InlineSmallCode=9000} to see the same kernel with its step inlined. Prints the fastest of 30 interleaved
 * rounds over 1M bars of {@link BenchData}, in ns per bar, and ta ÷ TA-Lib.
 */
public final class ComposedCpu {
    private ComposedCpu() {}

    public static void main(String[] args) {
        String kernel = args.length > 0 ? args[0] : "williams_r";
        int n = 1_000_000;
        BenchData d = new BenchData(n);
        double[] h = d.high;
        double[] l = d.low;
        double[] c = d.close;
        double[] a = new double[n];
        double[] b = new double[n];
        Core core = new Core();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        Runnable ta;
        Runnable taLib;
        switch (kernel) {
            case "williams_r" -> {
                ta = () -> Ta.williamsR(h, l, c, 14, a);
                taLib = () -> core.willR(0, n - 1, h, l, c, 14, begin, count, a);
            }
            case "stochf" -> {
                ta = () -> Ta.stochf(h, l, c, 14, 3, MaType.SMA, a, b);
                taLib = () -> core.stochF(0, n - 1, h, l, c, 14, 3, MAType.Sma, begin, count, a, b);
            }
            case "aroon" -> {
                ta = () -> Ta.aroon(h, l, 14, a, b);
                taLib = () -> core.aroon(0, n - 1, h, l, 14, begin, count, a, b);
            }
            case "ultosc" -> {
                ta = () -> Ta.ultosc(h, l, c, 7, 14, 28, a);
                taLib = () -> core.ultOsc(0, n - 1, h, l, c, 7, 14, 28, begin, count, a);
            }
            case "cci" -> {
                ta = () -> Ta.cci(h, l, c, 14, a);
                taLib = () -> core.cci(0, n - 1, h, l, c, 14, begin, count, a);
            }
            default -> throw new IllegalArgumentException(
                    "kernel must be williams_r, stochf, aroon, ultosc or cci, got " + kernel);
        }
        double[] best = CpuTime.fastestInterleaved(new Runnable[] {ta, taLib}, 30, n);
        System.out.printf(Locale.ROOT, "%-10s ta %6.2f  TA-Lib %6.2f  ta / TA-Lib %5.2f%n", kernel, best[0], best[1],
                best[0] / best[1]);
    }
}
