package io.ta.runtime.resample;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.runtime.Bars;
import io.ta.spi.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Changing timeframes (CATALOG.md §2.10, §3.10). These are series transforms, not aligned kernels: their outputs have
 * another length than their inputs. Timestamps are epoch milliseconds marking each bar's close, strictly ascending.
 *
 * <p>No look-ahead: an aggregated bar is stamped with the close of its last input bar (by count) or with the end of
 * its period (by time), and {@link #sync} with {@link Fill#FFILL} shows a slow bar on a fast timeline only from the
 * moment it closed. The partial last bucket is provisional: it changes as bars arrive. {@link Fill#LINEAR} reads the
 * next slow bar and is therefore look-ahead, for batch research only.
 */
public final class Resample {
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

    /** A series with its timestamps. */
    public record Timed(long[] time, double[] values) {
        public int length() {
            return values.length;
        }
    }

    private static void factor(String kernel, int factor) {
        Checks.intParam(kernel, "factor", factor, 1, 1_000_000, false, false);
    }

    private static void ascending(String kernel, long[] time, int n) {
        if (time == null) {
            throw new ShapeMismatchException(kernel, kernel + ": timestamps are required");
        }
        if (time.length != n) {
            throw new ShapeMismatchException(kernel, kernel + ": input lengths differ: time=" + time.length + ", x=" + n);
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
     * stamped with its last timestamp. A bucket containing NaN gives NaN for MEAN, SUM, MAX and MIN.
     */
    public static Timed downsample(long[] time, double[] x, int factor, Agg agg) {
        factor("downsample", factor);
        ascending("downsample", time, x.length);
        int n = x.length;
        int m = (n + factor - 1) / factor;
        long[] t = new long[m];
        double[] v = new double[m];
        for (int b = 0; b < m; b++) {
            int from = b * factor;
            int to = Math.min(n, from + factor);
            t[b] = time[to - 1];
            v[b] = aggregate(x, from, to, agg);
        }
        return new Timed(t, v);
    }

    static double aggregate(double[] x, int from, int to, Agg agg) {
        switch (agg) {
            case FIRST:
                return x[from];
            case LAST:
                return x[to - 1];
            default:
                break;
        }
        double acc = agg == Agg.MAX ? Double.NEGATIVE_INFINITY : agg == Agg.MIN ? Double.POSITIVE_INFINITY : 0;
        for (int i = from; i < to; i++) {
            double v = x[i];
            if (!Double.isFinite(v)) {
                return Double.NaN;
            }
            acc = switch (agg) {
                case MAX -> Math.max(acc, v);
                case MIN -> Math.min(acc, v);
                default -> acc + v;
            };
        }
        return agg == Agg.MEAN ? acc / (to - from) : acc;
    }

    /** OHLCV bars aggregated {@code factor} at a time: open first, high max, low min, close last, volume sum. */
    public static Bars downsample(Bars bars, int factor) {
        factor("downsample", factor);
        long[] time = bars.hasTime() ? bars.times() : indices(bars.length());
        List<Integer> ends = new ArrayList<>();
        for (int end = factor; end < bars.length() + factor; end += factor) {
            ends.add(Math.min(end, bars.length()));
        }
        return aggregate(bars, time, ends, null);
    }

    /**
     * OHLCV bars aggregated by time: period {@code k} holds the bars closing in {@code ((k-1)·p, k·p]} (epoch-aligned)
     * and is stamped {@code k·p}, the moment it closes. Periods without bars are omitted.
     */
    public static Bars resample(Bars bars, long periodMillis) {
        if (periodMillis <= 0) {
            throw new InvalidParameterException("resample", List.of("period"), "> 0",
                    "resample: period must be > 0 milliseconds, got " + periodMillis);
        }
        if (!bars.hasTime()) {
            throw new ShapeMismatchException("resample", "resample: resampling by time needs timestamps");
        }
        long[] time = bars.times();
        List<Integer> ends = new ArrayList<>();
        List<Long> stamps = new ArrayList<>();
        for (int i = 0; i < time.length; i++) {
            long k = Math.floorDiv(time[i] - 1, periodMillis) + 1;
            if (i + 1 == time.length || Math.floorDiv(time[i + 1] - 1, periodMillis) + 1 != k) {
                ends.add(i + 1);
                stamps.add(k * periodMillis);
            }
        }
        long[] st = new long[stamps.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = stamps.get(i);
        }
        return aggregate(bars, time, ends, st);
    }

    private static Bars aggregate(Bars bars, long[] time, List<Integer> ends, long[] stamps) {
        int m = ends.size();
        long[] t = new long[m];
        Bars.Builder out = Bars.builder();
        for (String column : bars.columns()) {
            Agg agg = switch (column) {
                case "open" -> Agg.FIRST;
                case "high" -> Agg.MAX;
                case "low" -> Agg.MIN;
                case "volume" -> Agg.SUM;
                default -> Agg.LAST;
            };
            double[] x = bars.column(column);
            double[] v = new double[m];
            int from = 0;
            for (int b = 0; b < m; b++) {
                v[b] = aggregate(x, from, ends.get(b), agg);
                from = ends.get(b);
            }
            out.column(column, v);
        }
        for (int b = 0; b < m; b++) {
            t[b] = stamps != null ? stamps[b] : time[ends.get(b) - 1];
        }
        return out.time(bars.hasTime() ? t : null).build();
    }

    /**
     * Each value repeated {@code factor} times, except the last; inserted timestamps are
     * {@code t_i + j·(t_{i+1} − t_i)/factor} (integer division), {@code j = 1..factor−1}.
     */
    public static Timed upsample(long[] time, double[] x, int factor) {
        factor("upsample", factor);
        ascending("upsample", time, x.length);
        int n = x.length;
        if (n == 0) {
            return new Timed(new long[0], new double[0]);
        }
        int m = (n - 1) * factor + 1;
        long[] t = new long[m];
        double[] v = new double[m];
        for (int i = 0; i < n - 1; i++) {
            long step = time[i + 1] - time[i];
            for (int j = 0; j < factor; j++) {
                t[i * factor + j] = time[i] + j * step / factor;
                v[i * factor + j] = x[i];
            }
        }
        t[m - 1] = time[n - 1];
        v[m - 1] = x[n - 1];
        return new Timed(t, v);
    }

    /**
     * The source series seen at each reference time: {@link Fill#FFILL} takes the last source value with timestamp
     * {@code <=} the reference (NaN if none) — a slow bar appears on the fast timeline once it has closed;
     * {@link Fill#LINEAR} interpolates (look-ahead).
     */
    public static double[] sync(long[] sourceTime, double[] source, long[] referenceTime, Fill fill) {
        ascending("sync_timeframe", sourceTime, source.length);
        ascending("sync_timeframe", referenceTime, referenceTime.length);
        double[] out = new double[referenceTime.length];
        Arrays.fill(out, Double.NaN);
        int j = -1;
        for (int i = 0; i < referenceTime.length; i++) {
            long r = referenceTime[i];
            while (j + 1 < sourceTime.length && sourceTime[j + 1] <= r) {
                j++;
            }
            if (fill == Fill.FFILL) {
                out[i] = j < 0 ? Double.NaN : source[j];
            } else if (source.length > 0) {
                if (j < 0) {
                    out[i] = source[0];
                } else if (j == source.length - 1 || sourceTime[j] == r) {
                    out[i] = source[j];
                } else {
                    double w = (double) (r - sourceTime[j]) / (sourceTime[j + 1] - sourceTime[j]);
                    out[i] = source[j] + (source[j + 1] - source[j]) * w;
                }
            }
        }
        return out;
    }

    private static long[] indices(int n) {
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = i;
        }
        return t;
    }
}
