package io.ta.runtime.resample;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.runtime.Bars;
import io.ta.runtime.time.Timeframe;
import io.ta.spi.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Changing timeframes (docs/spec.md §2.10, §3.10). These are series transforms, not aligned kernels: their outputs have
 * another length than their inputs. Timestamps are epoch milliseconds marking each bar's close, strictly ascending,
 * anywhere in the {@code long} range: timestamp arithmetic is exact (no overflow near ±9.2e18), and a result that
 * would not fit — a series longer than an array can hold, a period end beyond {@code Long.MAX_VALUE} — is refused
 * with a typed error naming the sizes, before anything is allocated.
 *
 * <p>No look-ahead: an aggregated bar is stamped with the moment it closes — the close of its last input bar (by
 * count) or the end of its period (by time) — and {@link #sync} with {@link Fill#FFILL} shows a slow bar on a fast
 * timeline only from that moment. The partial last bucket is provisional: it changes as bars arrive. A partial count
 * has not closed (it closes at its {@code factor}-th bar), so it is stamped with the earliest moment it can: one
 * millisecond per missing bar after its last bar. {@code sync} then never shows it on the bars it was made from, as
 * the plan's {@code close@5} never shows its forming bucket. {@link Fill#LINEAR} reads the next slow bar and is
 * therefore look-ahead, for batch research only.
 *
 * <p>Values: ±Infinity is missing, as everywhere in {@code ta}; outputs carry NaN for it and never an infinity (an
 * aggregate that overflows is NaN too).
 */
public final class Resample {
    /** The longest series this class produces: the JDK's largest safe array length. */
    public static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private Resample() {}

    /** How a bucket's values are combined. */
    public enum Agg {
        FIRST, LAST, MEAN, SUM, MAX, MIN
    }

    /** How {@link #sync} fills reference times between source points. */
    public enum Fill {
        /** The last source value at or before the reference time (NaN before the first). Causal. */
        FFILL,
        /** Linear interpolation between the bracketing source points, clamped outside. Look-ahead: batch only. */
        LINEAR
    }

    /**
     * A series with its timestamps.
     *
     * @param time epoch milliseconds, strictly ascending
     * @param values one value per timestamp
     */
    public record Timed(long[] time, double[] values) {
        /** Number of points. */
        public int length() {
            return values.length;
        }

        /** Equal to a series with the same times and values (by content). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Timed t && Arrays.equals(t.time, time) && Arrays.equals(t.values, values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(time) * 31 + Arrays.hashCode(values);
        }

        /** The length and the last few points, as {@code Series} prints its last values. */
        @Override
        public String toString() {
            int length = values == null ? 0 : values.length;
            int n = Math.min(time == null ? 0 : time.length, length);
            StringBuilder sb = new StringBuilder("Timed[").append(length).append(" points: ");
            int shown = Math.min(n, 6);
            for (int i = n - shown; i < n; i++) {
                sb.append(i == n - shown ? "" : ", ").append(time[i]).append('=').append(values[i]);
            }
            return sb.append(n > shown ? " (last " + shown + ")]" : "]").toString();
        }
    }

    private static void factor(String kernel, int factor) {
        Checks.intParam(kernel, "factor", factor, 1, 1_000_000, false, false);
    }

    private static <T> T choice(String kernel, String param, T value) {
        if (value == null) {
            throw new InvalidParameterException(kernel, List.of(param), "non-null", kernel + ": " + param + " must not be null");
        }
        return value;
    }

    private static double[] values(String kernel, String name, double[] x) {
        if (x == null) {
            throw new ShapeMismatchException(kernel, kernel + ": input '" + name + "' is null");
        }
        return x;
    }

    private static Bars bars(String kernel, Bars bars) {
        if (bars == null) {
            throw new ShapeMismatchException(kernel, kernel + ": bars are null");
        }
        return bars;
    }

    private static void ascending(String kernel, String name, long[] time, int n, String valuesName) {
        if (time == null) {
            throw new ShapeMismatchException(kernel, kernel + ": timestamps '" + name + "' are required");
        }
        if (time.length != n) {
            throw new ShapeMismatchException(kernel, kernel + ": input lengths differ: " + name + "=" + time.length + ", "
                    + valuesName + "=" + n);
        }
        for (int i = 1; i < time.length; i++) {
            if (time[i] <= time[i - 1]) {
                throw new ShapeMismatchException(kernel, kernel + ": timestamps must be strictly ascending, but bar " + i + " ("
                        + time[i] + ") is not after bar " + (i - 1) + " (" + time[i - 1] + ")");
            }
        }
    }

    /**
     * Buckets of {@code factor} consecutive values from index 0 (the last may be partial), each aggregated and
     * stamped with its last timestamp — a partial last bucket, which has not closed, with the earliest time it can
     * close: its last timestamp plus one millisecond per missing value. A bucket containing a missing value (NaN,
     * ±Inf) gives NaN for MEAN, SUM, MAX and MIN; FIRST and LAST give NaN when that value is missing.
     *
     * @throws InvalidParameterException for a factor outside [1, 1000000] or a null aggregation
     * @throws ShapeMismatchException for null, ragged or non-ascending inputs, or a partial last bucket that could not
     *     close before {@code Long.MAX_VALUE}
     */
    public static Timed downsample(long[] time, double[] x, int factor, Agg agg) {
        factor("downsample", factor);
        choice("downsample", "agg", agg);
        values("downsample", "x", x);
        ascending("downsample", "time", time, x.length, "x");
        int n = x.length;
        int m = buckets(n, factor);
        long[] t = new long[m];
        double[] v = new double[m];
        for (int b = 0; b < m; b++) {
            int from = b * factor; // b <= (n - 1) / factor, so this stays below n
            int to = (int) Math.min(n, (long) from + factor);
            t[b] = closes("downsample", time, from, to, factor);
            v[b] = aggregate(x, from, to, agg);
        }
        return new Timed(t, v);
    }

    /**
     * The moment the bucket of bars {@code [from, to)} closes: its last bar's time when it holds {@code factor} bars;
     * else, since it closes only at its {@code factor}-th bar and times are strictly ascending, the earliest time that
     * bar can have. Stamped with its last bar's time, a forming bucket was shown by {@link #sync} at that bar, where
     * the plan's {@code close@5} shows the previous bucket.
     */
    private static long closes(String kernel, long[] time, int from, int to, int factor) {
        long missing = (long) from + factor - to;
        long last = time[to - 1];
        if (missing == 0) {
            return last;
        }
        if (last > Long.MAX_VALUE - missing) {
            throw new ShapeMismatchException(kernel, kernel + ": the last " + (to - from) + " bars (to " + last
                    + ") are a bucket of " + factor + " that would close after the largest timestamp (" + Long.MAX_VALUE
                    + ")");
        }
        return last + missing;
    }

    /** {@code ceil(n / factor)} without the overflow of {@code n + factor - 1}. */
    private static int buckets(int n, int factor) {
        return n == 0 ? 0 : (n - 1) / factor + 1;
    }

    static double aggregate(double[] x, int from, int to, Agg agg) {
        Aggregator a = new Aggregator();
        for (int i = from; i < to; i++) {
            a.add(x[i]);
        }
        return a.value(agg);
    }

    /**
     * OHLCV bars aggregated {@code factor} at a time: open first, high max, low min, close last, volume sum; stamped
     * as {@link #downsample(long[], double[], int, Agg)} stamps its buckets.
     *
     * @throws InvalidParameterException for a factor outside [1, 1000000]
     * @throws ShapeMismatchException if {@code bars} is null, or its partial last bucket could not close before
     *     {@code Long.MAX_VALUE}
     */
    public static Bars downsample(Bars bars, int factor) {
        factor("downsample", factor);
        return byCount("downsample", bars("downsample", bars), factor);
    }

    /** Buckets of {@code factor} bars from the first, the last one partial and stamped as {@link #closes} says. */
    private static Bars byCount(String kernel, Bars bars, int factor) {
        long[] time = bars.hasTime() ? bars.times() : null;
        int n = bars.length();
        int m = buckets(n, factor);
        int[] ends = new int[m];
        long[] stamps = new long[m];
        for (int b = 0; b < m; b++) {
            int from = b * factor; // b <= (n - 1) / factor, so this stays below n
            ends[b] = (int) Math.min(n, (long) from + factor);
            stamps[b] = bars.hasTime() ? closes(kernel, time, from, ends[b], factor) : 0;
        }
        return aggregate(bars, ends, stamps);
    }

    /**
     * OHLCV bars aggregated by time: period {@code k} holds the bars closing in {@code ((k-1)·p, k·p]} (epoch-aligned)
     * and is stamped {@code k·p}, the moment it closes. Periods without bars are omitted.
     *
     * @throws InvalidParameterException for a period below 1 ms
     * @throws ShapeMismatchException for null bars, bars without timestamps, or a bar whose period would end after
     *     {@code Long.MAX_VALUE}
     */
    public static Bars resample(Bars bars, long periodMillis) {
        if (periodMillis <= 0) {
            throw new InvalidParameterException("resample", List.of("period"), "> 0",
                    "resample: period must be > 0 milliseconds, got " + periodMillis);
        }
        bars("resample", bars);
        if (!bars.hasTime()) {
            throw new ShapeMismatchException("resample", "resample: resampling by time needs timestamps");
        }
        long[] time = bars.times();
        List<Integer> ends = new ArrayList<>();
        List<Long> stamps = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            long k = Math.ceilDiv(time[i], periodMillis); // exact for every long, unlike floorDiv(t - 1, p) + 1
            if (i + 1 == time.length || Math.ceilDiv(time[i + 1], periodMillis) != k) {
                ends.add(i + 1);
                long end;
                try {
                    end = Math.multiplyExact(k, periodMillis);
                } catch (ArithmeticException e) {
                    throw new ShapeMismatchException("resample", "resample: bar " + i + " (" + time[i] + ") falls in a period of "
                            + periodMillis + " ms that ends after the largest timestamp (" + Long.MAX_VALUE + ")");
                }
                stamps.add(end);
            }
        }
        long[] st = new long[stamps.size()];
        int[] en = new int[ends.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = stamps.get(i);
            en[i] = ends.get(i);
        }
        return aggregate(bars, en, st);
    }

    /**
     * OHLCV bars aggregated by a {@link Timeframe}: a number of bars (as {@link #downsample(Bars, int)}, up to the
     * timeframe's largest count rather than the factor's), a fixed
     * duration (as {@link #resample(Bars, long)}), or a calendar day, week (starting Monday), month, quarter or year in
     * {@code zone}. A period holds the bars closing in {@code (start, end]} and is stamped with its end — the moment
     * it closes — except a count of bars, stamped with its last bar's time (a partial last count with the earliest
     * time it can close, as {@link #downsample(long[], double[], int, Agg)} says). Periods without bars are omitted.
     * This is
     * the history form of the DSL's {@code x@1w}: the plan's timeframe operator forms the same coarse bars bar by bar.
     *
     * @throws InvalidParameterException if {@code timeframe} or {@code zone} is null
     * @throws ShapeMismatchException for null bars, bars without timestamps (except for a count of bars), or a
     *     period ending outside the range of timestamps
     */
    public static Bars resample(Bars bars, Timeframe timeframe, java.time.ZoneId zone) {
        choice("resample", "timeframe", timeframe);
        choice("resample", "zone", zone);
        bars("resample", bars);
        if (timeframe.kind() == Timeframe.Kind.BARS) {
            // Any count a timeframe takes, as the plan's close@5000000 does, not downsample's factor limit.
            return byCount("resample", bars, (int) timeframe.size());
        }
        if (!bars.hasTime()) {
            throw new ShapeMismatchException("resample", "resample: resampling by time needs timestamps");
        }
        long[] time = bars.times();
        List<Integer> ends = new ArrayList<>();
        List<Long> stamps = new ArrayList<>();
        long end = Long.MIN_VALUE;
        for (int i = 0; i < time.length; i++) {
            if (i == 0 || time[i] > end) {
                end = timeframe.end(time[i], zone);
            }
            if (i + 1 == time.length || time[i + 1] > end) {
                ends.add(i + 1);
                stamps.add(end);
            }
        }
        long[] st = new long[stamps.size()];
        int[] en = new int[ends.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = stamps.get(i);
            en[i] = ends.get(i);
        }
        return aggregate(bars, en, st);
    }

    /**
     * How a column is aggregated into a coarser bar by default: open first, high max, low min, volume sum, else last.
     *
     * @throws InvalidParameterException if {@code column} is null
     */
    public static Agg aggregation(String column) {
        return switch (choice("resample", "column", column)) {
            case "open" -> Agg.FIRST;
            case "high" -> Agg.MAX;
            case "low" -> Agg.MIN;
            case "volume" -> Agg.SUM;
            default -> Agg.LAST;
        };
    }

    private static Bars aggregate(Bars bars, int[] ends, long[] stamps) {
        int m = ends.length;
        Bars.Builder out = Bars.builder();
        for (String column : bars.columns()) {
            Agg agg = aggregation(column);
            double[] x = bars.column(column);
            double[] v = new double[m];
            int from = 0;
            for (int b = 0; b < m; b++) {
                v[b] = aggregate(x, from, ends[b], agg);
                from = ends[b];
            }
            out.column(column, v);
        }
        return out.time(bars.hasTime() ? stamps : null).build();
    }

    /**
     * Each value repeated {@code factor} times, except the last; inserted timestamps are
     * {@code t_i + floor(j·(t_{i+1} − t_i)/factor)}, {@code j = 1..factor−1}, computed exactly. Bars must be at least
     * {@code factor} ms apart so that every inserted timestamp is distinct and the output stays strictly ascending.
     *
     * @throws InvalidParameterException for a factor outside [1, 1000000], a factor larger than the gap between two
     *     bars, or an output longer than {@link #MAX_LENGTH}
     * @throws ShapeMismatchException for null, ragged or non-ascending inputs
     */
    public static Timed upsample(long[] time, double[] x, int factor) {
        factor("upsample", factor);
        values("upsample", "x", x);
        ascending("upsample", "time", time, x.length, "x");
        int n = x.length;
        if (n == 0) {
            return new Timed(new long[0], new double[0]);
        }
        long size = (long) (n - 1) * factor + 1;
        if (size > MAX_LENGTH) {
            throw new InvalidParameterException("upsample", List.of("factor"), "(bars - 1) * factor + 1 <= " + MAX_LENGTH,
                    "upsample: " + n + " bars with factor " + factor + " would give " + size + " bars, more than the "
                            + MAX_LENGTH + " a series can hold");
        }
        for (int i = 0; i + 1 < n; i++) {
            long gap = time[i + 1] - time[i]; // exact as an unsigned number: 0 < gap < 2^64
            if (Long.compareUnsigned(gap, factor) < 0) {
                throw new InvalidParameterException("upsample", List.of("factor"), "<= the gap between bars",
                        "upsample: factor " + factor + " needs bars at least " + factor + " ms apart, but bars " + i + " (" + time[i]
                                + ") and " + (i + 1) + " (" + time[i + 1] + ") are " + Long.toUnsignedString(gap)
                                + " ms apart; inserted timestamps would repeat");
            }
        }
        int m = (int) size;
        long[] t = new long[m];
        double[] v = new double[m];
        for (int i = 0; i < n - 1; i++) {
            long gap = time[i + 1] - time[i];
            // floor(j * gap / factor) = j * q + floor(j * r / factor) with gap = q * factor + r: every term fits in
            // 64 unsigned bits (j * q < gap, j * r < factor^2), and the sum lands between t_i and t_(i+1).
            long q = Long.divideUnsigned(gap, factor);
            long r = Long.remainderUnsigned(gap, factor);
            double value = Checks.finiteOrNaN(x[i]);
            for (int j = 0; j < factor; j++) {
                t[i * factor + j] = time[i] + j * q + (j * r) / factor;
                v[i * factor + j] = value;
            }
        }
        t[m - 1] = time[n - 1];
        v[m - 1] = Checks.finiteOrNaN(x[n - 1]);
        return new Timed(t, v);
    }

    /**
     * The source series seen at each reference time: {@link Fill#FFILL} takes the last source value with timestamp
     * {@code <=} the reference (NaN if none) — a slow bar appears on the fast timeline once it has closed;
     * {@link Fill#LINEAR} interpolates (look-ahead). Missing source values (NaN, ±Inf) are NaN.
     *
     * @throws InvalidParameterException for a null fill
     * @throws ShapeMismatchException for null, ragged or non-ascending inputs
     */
    public static double[] sync(long[] sourceTime, double[] source, long[] referenceTime, Fill fill) {
        choice("sync_timeframe", "fill", fill);
        values("sync_timeframe", "source", source);
        ascending("sync_timeframe", "source_time", sourceTime, source.length, "source");
        if (referenceTime == null) {
            throw new ShapeMismatchException("sync_timeframe", "sync_timeframe: timestamps 'reference_time' are required");
        }
        ascending("sync_timeframe", "reference_time", referenceTime, referenceTime.length, "reference_time");
        double[] out = new double[referenceTime.length];
        Arrays.fill(out, Double.NaN);
        int j = -1;
        for (int i = 0; i < referenceTime.length; i++) {
            long r = referenceTime[i];
            while (j + 1 < sourceTime.length && sourceTime[j + 1] <= r) {
                j++;
            }
            if (fill == Fill.FFILL) {
                out[i] = j < 0 ? Double.NaN : Checks.finiteOrNaN(source[j]);
            } else if (source.length > 0) {
                if (j < 0) {
                    out[i] = Checks.finiteOrNaN(source[0]);
                } else if (j == source.length - 1 || sourceTime[j] == r) {
                    out[i] = Checks.finiteOrNaN(source[j]);
                } else {
                    // Both differences are positive and below 2^64: exact as unsigned, then converted.
                    double w = unsigned(r - sourceTime[j]) / unsigned(sourceTime[j + 1] - sourceTime[j]);
                    double a = source[j];
                    double b = source[j + 1];
                    double v = a + (b - a) * w;
                    if (!(Math.abs(v) <= Double.MAX_VALUE) && Double.isFinite(a) && Double.isFinite(b)) {
                        // Only b - a overflowed (values of opposite sign near the largest double): a point between
                        // two finite values is finite (docs/contracts.md, "Extreme values"), so it is taken at half
                        // scale, exact here, for the bits a wider exponent gives: -MAX_VALUE to MAX_VALUE meet at 0.
                        v = (a * 0.5 + (b * 0.5 - a * 0.5) * w) * 2.0;
                    }
                    out[i] = Checks.finiteOrNaN(v);
                }
            }
        }
        return out;
    }

    /** An unsigned 64-bit value as the nearest double. */
    private static double unsigned(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }
}
