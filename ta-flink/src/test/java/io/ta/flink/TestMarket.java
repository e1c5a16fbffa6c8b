package io.ta.flink;

import io.ta.runtime.Bars;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seeded synthetic OHLCV minute bars for many symbols: a geometric random walk per symbol with realistic ranges, a few
 * missing closes (NaN) and volumes (NaN, +Infinity), so the plans meet CATALOG.md §5.2 inputs too. Deterministic for a
 * given (symbols, bars, seed), and shared within the JVM: the MiniCluster runs jobs in the test's JVM, so sources read
 * bars from here by index instead of shipping them inside the job graph.
 */
final class TestMarket {
    /** Bar spacing: one minute. */
    static final long STEP = 60_000L;
    /** The first bar's close: 2024-01-02T14:31Z. */
    static final long T0 = 1_704_205_860_000L;

    private static final Map<String, TestMarket> CACHE = new ConcurrentHashMap<>();

    final int symbols;
    final int bars;
    private final double[][] open;
    private final double[][] high;
    private final double[][] low;
    private final double[][] close;
    private final double[][] volume;

    private TestMarket(int symbols, int bars, long seed) {
        this.symbols = symbols;
        this.bars = bars;
        open = new double[symbols][bars];
        high = new double[symbols][bars];
        low = new double[symbols][bars];
        close = new double[symbols][bars];
        volume = new double[symbols][bars];
        for (int s = 0; s < symbols; s++) {
            SplittableRandom r = new SplittableRandom(seed * 1_000_003L + s);
            double price = 10 + r.nextDouble() * 990;
            double vol = 0.0005 + r.nextDouble() * 0.003;
            for (int i = 0; i < bars; i++) {
                double o = price;
                price *= Math.exp(vol * gaussian(r));
                double c = price;
                open[s][i] = o;
                close[s][i] = c;
                high[s][i] = Math.max(o, c) * (1 + Math.abs(gaussian(r)) * vol * 0.5);
                low[s][i] = Math.min(o, c) * (1 - Math.abs(gaussian(r)) * vol * 0.5);
                volume[s][i] = Math.floor(100 + r.nextDouble() * 10_000);
                double u = r.nextDouble();
                if (u < 0.002) {
                    close[s][i] = Double.NaN;
                } else if (u < 0.003) {
                    volume[s][i] = Double.NaN;
                } else if (u < 0.0035) {
                    volume[s][i] = Double.POSITIVE_INFINITY;
                }
            }
        }
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller on SplittableRandom, whose sequence is specified, unlike Random#nextGaussian across JDKs.
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static TestMarket of(int symbols, int bars, long seed) {
        return CACHE.computeIfAbsent(symbols + "x" + bars + "@" + seed, k -> new TestMarket(symbols, bars, seed));
    }

    private static final String[] SYMBOLS = new String[1000];

    static {
        for (int s = 0; s < SYMBOLS.length; s++) {
            SYMBOLS[s] = String.format("S%03d", s);
        }
    }

    /** The name of symbol {@code s} (0..999), shared, so building a bar costs what a feed's decoder would. */
    static String symbol(int s) {
        return SYMBOLS[s];
    }

    static int symbolIndex(String symbol) {
        return Integer.parseInt(symbol.substring(1));
    }

    static long time(int i) {
        return T0 + i * STEP;
    }

    static int index(long time) {
        return (int) ((time - T0) / STEP);
    }

    /** Bar {@code i} of symbol {@code s}, closed. */
    Bar bar(int s, int i) {
        return Bar.of(symbol(s), time(i), open[s][i], high[s][i], low[s][i], close[s][i], volume[s][i]);
    }

    /** A wrong version of bar {@code i}: what a feed sends before correcting it. */
    Bar wrong(int s, int i) {
        return Bar.of(symbol(s), time(i), open[s][i] * 1.01, high[s][i] * 1.02, low[s][i] * 0.97, close[s][i] * 0.99, volume[s][i] + 7);
    }

    /** The whole history of symbol {@code s}, for the batch executor. */
    Bars history(int s) {
        long[] t = new long[bars];
        for (int i = 0; i < bars; i++) {
            t[i] = time(i);
        }
        return Bars.ohlcv(t, open[s], high[s], low[s], close[s], volume[s]);
    }
}
