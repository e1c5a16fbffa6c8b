package io.ta.bench;

import io.ta.kernels.Ta;
import io.ta.kernels.momentum.MacdStream;
import io.ta.kernels.trend.AdxStream;
import io.ta.kernels.volatility.BbandsStream;
import java.util.Locale;

/**
 * A multi-output kernel's stream update against its batch, by thread CPU time in one JVM: the ratio issue 10 bounds by
 * 1.5, for the kernels whose checkpoint skips their results (docs/performance-log.md, "Outputs that are results, not
 * state").
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.MultiOutputStreamCpu
 * macd|bbands|adx}, one kernel per JVM. Prints the fastest of 300 interleaved rounds ({@code CpuTime.fastestInterleaved})
 * over 100,000 bars of {@link BenchData}'s geometric walk, for each.
 */
public final class MultiOutputStreamCpu {
    private static final int N = 100_000;
    private static final int ROUNDS = 300;
    /** Keeps each stream reachable, as a live feed's is. */
    static Object keep;
    /** What the timed calls return, summed so that C2 cannot drop them. */
    static double sink;

    private static final BenchData DATA = new BenchData(N);
    private static final double[] HIGH = DATA.high;
    private static final double[] LOW = DATA.low;
    private static final double[] CLOSE = DATA.close;
    private static final double[] OUT1 = new double[N];
    private static final double[] OUT2 = new double[N];
    private static final double[] OUT3 = new double[N];

    private MultiOutputStreamCpu() {}

    public static void main(String[] args) {
        String kernel = args.length > 0 ? args[0] : "macd";
        double[] best = CpuTime.fastestInterleaved(new Runnable[] {
            () -> sink += batch(kernel), () -> sink += stream(kernel)
        }, ROUNDS, N);
        System.out.printf(Locale.ROOT, "%-7s batch %6.2f ns/bar, stream update %6.2f, ratio %.2f%s%n", kernel, best[0],
                best[1], best[1] / best[0], sink == 42 ? " " : "");
    }

    private static double batch(String kernel) {
        switch (kernel) {
            case "macd" -> Ta.macd(CLOSE, 12, 26, 9, OUT1, OUT2, OUT3);
            case "bbands" -> Ta.bbands(CLOSE, 20, 2.0, OUT1, OUT2, OUT3);
            case "adx" -> Ta.adx(HIGH, LOW, CLOSE, 14, OUT1, OUT2, OUT3);
            default -> throw new IllegalArgumentException("kernel must be macd, bbands or adx: " + kernel);
        }
        return OUT1[N - 1];
    }

    /** A fresh stream updated bar by bar, reading every output, as a live feed does. */
    private static double stream(String kernel) {
        double acc = 0;
        switch (kernel) {
            case "macd" -> {
                MacdStream s = Ta.macdStream(12, 26, 9);
                keep = s;
                for (double c : CLOSE) {
                    s.update(c);
                    acc += s.macd() + s.signal() + s.histogram();
                }
            }
            case "bbands" -> {
                BbandsStream s = Ta.bbandsStream(20, 2.0);
                keep = s;
                for (double c : CLOSE) {
                    s.update(c);
                    acc += s.upper() + s.middle() + s.lower();
                }
            }
            case "adx" -> {
                AdxStream s = Ta.adxStream(14);
                keep = s;
                for (int i = 0; i < N; i++) {
                    s.update(HIGH[i], LOW[i], CLOSE[i]);
                    acc += s.adx() + s.plusDi() + s.minusDi();
                }
            }
            default -> throw new IllegalArgumentException("kernel must be macd, bbands or adx: " + kernel);
        }
        return acc;
    }
}
