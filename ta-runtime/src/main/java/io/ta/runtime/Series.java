package io.ta.runtime;

import io.ta.error.ShapeMismatchException;
import java.util.Arrays;

/**
 * One aligned series: a {@code double[]} with one value per bar, and the bars' close times when they had them. Warm-up and undefined bars are {@code NaN}; the
 * validity {@link Mask} is derived from the values, never stored beside them.
 *
 * <p>A {@code Series} never changes. {@link #of} copies its argument; {@link #wrap} adopts the array (for results the
 * library just computed, or callers that promise not to mutate it) so large histories are not copied twice.
 */
public final class Series {
    private final double[] values;
    private final long[] times;

    private Series(double[] values, long[] times) {
        this.values = values;
        this.times = times;
    }

    /**
     * A series holding a copy of {@code values}.
     *
     * @throws ShapeMismatchException if {@code values} is null
     */
    public static Series of(double... values) {
        return new Series(checked(values).clone(), null);
    }

    /**
     * A series over {@code values} without copying; the caller must not mutate the array afterwards.
     *
     * @throws ShapeMismatchException if {@code values} is null
     */
    public static Series wrap(double[] values) {
        return new Series(checked(values), null);
    }

    /**
     * A series over {@code values} at {@code times} (epoch ms, each bar's close; {@code null} for none), without
     * copying either; the caller must not mutate them afterwards.
     *
     * @throws ShapeMismatchException if {@code values} is null or the lengths differ
     */
    public static Series wrap(double[] values, long[] times) {
        checked(values);
        if (times != null && times.length != values.length) {
            throw new ShapeMismatchException("series", "series: " + values.length + " values but " + times.length + " timestamps");
        }
        return new Series(values, times);
    }

    /** Whether the series carries timestamps. */
    public boolean hasTime() {
        return times != null;
    }

    /**
     * The close time of bar {@code i} in epoch milliseconds.
     *
     * @throws ShapeMismatchException if {@code i} is not a bar of this series, or the series has no timestamps
     */
    public long time(int i) {
        if (i < 0 || i >= values.length) {
            throw outside(i, values.length);
        }
        if (times == null) {
            throw new ShapeMismatchException("series", "series: it has no timestamps (the bars it was computed from had none)");
        }
        return times[i];
    }

    /** A copy of the timestamps, or {@code null}. */
    public long[] times() {
        return times == null ? null : times.clone();
    }

    /** The timestamps themselves, for checks in this package that must not copy them. */
    long[] sharedTimes() {
        return times;
    }

    private static double[] checked(double[] values) {
        if (values == null) {
            throw new ShapeMismatchException("series", "series: values are null");
        }
        return values;
    }

    /** The typed error for a bar index outside {@code [0, length)}. */
    static ShapeMismatchException outside(int i, int length) {
        return new ShapeMismatchException("series", "series: bar " + i + " is outside the series (bars 0 to " + (length - 1)
                + ", length " + length + ")");
    }

    /** Number of bars. */
    public int length() {
        return values.length;
    }

    /**
     * The value at bar {@code i} ({@code NaN} if undefined).
     *
     * @throws ShapeMismatchException if {@code i} is not a bar of this series
     */
    public double get(int i) {
        if (i < 0 || i >= values.length) {
            throw outside(i, values.length);
        }
        return values[i];
    }

    /**
     * Whether bar {@code i} holds a value.
     *
     * @throws ShapeMismatchException if {@code i} is not a bar of this series
     */
    public boolean isValid(int i) {
        return !Double.isNaN(get(i));
    }

    /** The validity mask, computed from the values. */
    public Mask mask() {
        return new Mask(values);
    }

    /** Index of the first valid bar, or {@link #length()} if none. */
    public int firstValid() {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                return i;
            }
        }
        return values.length;
    }

    /** A copy of the values. */
    public double[] toArray() {
        return values.clone();
    }

    /**
     * Copies the values into {@code dst} starting at {@code offset}.
     *
     * @throws ShapeMismatchException if {@code dst} is null or too short from {@code offset}
     */
    public void copyTo(double[] dst, int offset) {
        if (dst == null) {
            throw new ShapeMismatchException("series", "series: the destination array is null");
        }
        if (offset < 0 || offset > dst.length - values.length) {
            throw new ShapeMismatchException("series", "series: " + values.length + " bars do not fit at offset " + offset
                    + " of an array of length " + dst.length);
        }
        System.arraycopy(values, 0, dst, offset, values.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Arrays.equals(s.values, values) && Arrays.equals(s.times, times);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values) * 31 + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        int n = values.length;
        StringBuilder sb = new StringBuilder("Series[").append(n).append(" bars: ");
        int shown = Math.min(n, 6);
        for (int i = n - shown; i < n; i++) {
            sb.append(i == n - shown ? "" : ", ").append(values[i]);
        }
        return sb.append(n > shown ? " (last " + shown + ")]" : "]").toString();
    }
}
