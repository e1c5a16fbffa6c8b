package io.ta.runtime;

import java.util.Arrays;

/**
 * One aligned series: a {@code double[]} with one value per bar. Warm-up and undefined bars are {@code NaN}; the
 * validity {@link Mask} is derived from the values, never stored beside them.
 *
 * <p>A {@code Series} never changes. {@link #of} copies its argument; {@link #wrap} adopts the array (for results the
 * library just computed, or callers that promise not to mutate it) so large histories are not copied twice.
 */
public final class Series {
    private final double[] values;

    private Series(double[] values) {
        this.values = values;
    }

    /** A series holding a copy of {@code values}. */
    public static Series of(double... values) {
        return new Series(values.clone());
    }

    /** A series over {@code values} without copying; the caller must not mutate the array afterwards. */
    public static Series wrap(double[] values) {
        if (values == null) {
            throw new io.ta.error.ShapeMismatchException("series", "series: values are null");
        }
        return new Series(values);
    }

    /** Number of bars. */
    public int length() {
        return values.length;
    }

    /** The value at bar {@code i} ({@code NaN} if undefined). */
    public double get(int i) {
        return values[i];
    }

    /** Whether bar {@code i} holds a value. */
    public boolean isValid(int i) {
        return !Double.isNaN(values[i]);
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

    /** Copies the values into {@code dst} starting at {@code offset}. */
    public void copyTo(double[] dst, int offset) {
        System.arraycopy(values, 0, dst, offset, values.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
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
