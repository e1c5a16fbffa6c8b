package io.ta.spi;

import java.util.Arrays;

/** Appends state as 64-bit words; used by generated snapshot code and by {@link StatePart}s. */
public final class StateWriter {
    private long[] words = new long[16];
    private int size;

    /** An empty writer. */
    public StateWriter() {}

    private void add(long w) {
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
        }
        words[size++] = w;
    }

    /** Appends a {@code long}. */
    public void putLong(long v) {
        add(v);
    }

    /** Appends an {@code int} (one word). */
    public void putInt(int v) {
        add(v);
    }

    /** Appends a {@code boolean} as 0 or 1. */
    public void putBoolean(boolean v) {
        add(v ? 1 : 0);
    }

    /** Raw bits, so every NaN payload and signed zero survives. */
    public void putDouble(double v) {
        add(Double.doubleToRawLongBits(v));
    }

    /** Appends the length, then every element. */
    public void putDoubles(double[] a) {
        add(a.length);
        for (double v : a) {
            add(Double.doubleToRawLongBits(v));
        }
    }

    /** Appends the length, then every element. */
    public void putInts(int[] a) {
        add(a.length);
        for (int v : a) {
            add(v);
        }
    }

    /** Appends the length, then every element. */
    public void putLongs(long[] a) {
        add(a.length);
        for (long v : a) {
            add(v);
        }
    }

    /** Appends the length, then every element as 0 or 1. */
    public void putBooleans(boolean[] a) {
        add(a.length);
        for (boolean v : a) {
            add(v ? 1 : 0);
        }
    }

    /**
     * Appends a stream's parameters, one word each: an {@code int} as itself, a real as raw bits, a boolean as 0/1, a
     * choice as its index among the declared choices. {@link StateReader#expectParams} reads them back.
     */
    public void putParams(ParamValues params) {
        for (int i = 0; i < params.size(); i++) {
            ParamSpec s = params.specs().get(i);
            switch (s.type()) {
                case INT -> putInt(params.intValue(i));
                case REAL -> putDouble(params.realValue(i));
                case BOOL -> putBoolean(params.boolValue(i));
                case CHOICE -> putInt(s.choices().indexOf(params.choice(i)));
            }
        }
    }

    /** The words written so far. */
    public long[] toArray() {
        return Arrays.copyOf(words, size);
    }
}
