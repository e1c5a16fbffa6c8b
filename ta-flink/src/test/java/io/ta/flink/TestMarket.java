package io.ta.flink;

import io.ta.runtime.Bars;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seeded synthetic OHLCV minute bars for many symbols: a geometric random walk per symbol with realistic ranges, a few
 * missing closes (NaN) and volumes (NaN, +Infinity), so the plans meet docs/spec.md §5.2 inputs too. The bars are
 * evenly spaced ({@link #of}, from {@link #T0}) or follow an exchange's trading hours ({@link #sessions}).
 * Deterministic for a given (symbols, bars, seed), and shared within the JVM: the MiniCluster runs jobs in the test's JVM, so sources read
 * bars from here by index instead of shipping them inside the job graph.
 */
final class TestMarket {
    /** Bar spacing: one minute. */
    static final long STEP = 60_000L;
    /** The first bar's close: 2024-01-02T14:31Z. */
    static final long T0 = 1_704_205_860_000L;

    /** The exchange zone of {@link #sessions}. */
    static final ZoneId EXCHANGE = ZoneId.of("Australia/Sydney");

    private static final Map<String, TestMarket> CACHE = new ConcurrentHashMap<>();

    final int symbols;
    final int bars;
    /** The bars' close times, shared by every symbol. */
    private final long[] times;
    private final double[][] open;
    private final double[][] high;
    private final double[][] low;
    private final double[][] close;
    private final double[][] volume;

    private TestMarket(int symbols, int bars, long seed, long[] times) {
        this.symbols = symbols;
        this.bars = bars;
        this.times = times;
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

    /** Evenly spaced minute bars from {@link #T0}: bar {@code i} closes at {@link #time}{@code (i)}. */
    static TestMarket of(int symbols, int bars, long seed) {
        return CACHE.computeIfAbsent(symbols + "x" + bars + "@" + seed, k -> {
            long[] t = new long[bars];
            for (int i = 0; i < bars; i++) {
                t[i] = time(i);
            }
            return new TestMarket(symbols, bars, seed, t);
        });
    }

    /**
     * Minute bars of the Sydney exchange's session, 10:01 to 16:00 local time on weekdays from Wednesday 2024-04-03 —
     * across the weekend on which Sydney left daylight saving time: before it the session opens at 23:01 UTC, so a
     * Sydney trading day spans two UTC days, after it at 00:01 UTC — with about one minute in fifty missing
     * market-wide, so some hours have no bar at their end and are closed by a later bar. Timeframes and sessions meet
     * overnight and weekend gaps, a DST change, a zone whose day is not UTC's, and irregular spacing.
     */
    static TestMarket sessions(int symbols, int bars, long seed) {
        return CACHE.computeIfAbsent("sessions " + symbols + "x" + bars + "@" + seed, k -> {
            SplittableRandom r = new SplittableRandom(seed ^ 0x5E55_1045L);
            long[] t = new long[bars];
            int n = 0;
            for (LocalDate day = LocalDate.of(2024, 4, 3); n < bars; day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                long open = ZonedDateTime.of(day, LocalTime.of(10, 0), EXCHANGE).toInstant().toEpochMilli();
                for (int m = 1; m <= 360 && n < bars; m++) {
                    if (m > 1 && r.nextDouble() < 0.02) {
                        continue;
                    }
                    t[n++] = open + m * STEP;
                }
            }
            return new TestMarket(symbols, bars, seed, t);
        });
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

    /** The close of bar {@code i} of an evenly spaced market ({@link #of}). */
    static long time(int i) {
        return T0 + i * STEP;
    }

    /**
     * The close of bar {@code i} of this market; past the last bar, one minute per bar further (for a feed that asks
     * when the bar after the last would close).
     */
    long timeOf(int i) {
        return i < bars ? times[i] : times[bars - 1] + (i - bars + 1L) * STEP;
    }

    /** The bar of an evenly spaced market ({@link #of}) that closes at {@code time}. */
    static int index(long time) {
        return (int) ((time - T0) / STEP);
    }

    /** Bar {@code i} of symbol {@code s}, closed. */
    Bar bar(int s, int i) {
        return Bar.of(symbol(s), timeOf(i), open[s][i], high[s][i], low[s][i], close[s][i], volume[s][i]);
    }

    /** A wrong version of bar {@code i}: what a feed sends before correcting it. */
    Bar wrong(int s, int i) {
        return Bar.of(symbol(s), timeOf(i), open[s][i] * 1.01, high[s][i] * 1.02, low[s][i] * 0.97, close[s][i] * 0.99, volume[s][i] + 7);
    }

    /** The whole history of symbol {@code s}, for the batch executor. */
    Bars history(int s) {
        return Bars.ohlcv(times.clone(), open[s], high[s], low[s], close[s], volume[s]);
    }
}
