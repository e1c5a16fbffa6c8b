package io.ta.runtime;

import java.util.BitSet;

/** Which bars of a {@link Series} hold a value: a view over the series, derived from {@code NaN}, never stored twice. */
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
}
