package io.ta.runtime;

import java.util.BitSet;

/**
 * Which bars of a {@link Series} hold a value: a view over the series, derived from {@code NaN}, never stored twice.
 * A value: masks of the same length are equal when the same bars are valid, whatever the values there.
 */
public final class Mask {
    private final double[] values;

    Mask(double[] values) {
        this.values = values;
    }

    public int length() {
        return values.length;
    }

    /**
     * Whether bar {@code i} is valid.
     *
     * @throws io.ta.error.ShapeMismatchException if {@code i} is not a bar of the series
     */
    public boolean get(int i) {
        if (i < 0 || i >= values.length) {
            throw Series.outside(i, values.length);
        }
        return !Double.isNaN(values[i]);
    }

    /** Number of valid bars. */
    public int count() {
        int c = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                c++;
            }
        }
        return c;
    }

    /** A materialized copy, for set algebra. */
    public BitSet toBitSet() {
        BitSet b = new BitSet(values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                b.set(i);
            }
        }
        return b;
    }

    /** Equal to a mask of the same length whose valid bars are the same bars. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Mask m) || m.values.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(m.values[i]) != Double.isNaN(values[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = values.length;
        for (double v : values) {
            h = h * 31 + (Double.isNaN(v) ? 0 : 1);
        }
        return h;
    }

    /** The length, the number of valid bars and the validity of the last few, as {@link Series} prints its values. */
    @Override
    public String toString() {
        int n = values.length;
        StringBuilder sb = new StringBuilder("Mask[").append(n).append(" bars, ").append(count()).append(" valid: ");
        int shown = Math.min(n, 6);
        for (int i = n - shown; i < n; i++) {
            sb.append(i == n - shown ? "" : ", ").append(!Double.isNaN(values[i]));
        }
        return sb.append(n > shown ? " (last " + shown + ")]" : "]").toString();
    }
}
