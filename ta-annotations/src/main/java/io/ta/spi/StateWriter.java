package io.ta.spi;

import java.util.Arrays;

/** Appends state as 64-bit words; used by generated snapshot code and by {@link StatePart}s. */
public final class StateWriter {
    private long[] words = new long[16];
    private int size;

    private void add(long w) {
        if (size == words.length) {
            words = Arrays.copyOf(words, size * 2);
        }
        words[size++] = w;
    }

    public void putLong(long v) {
        add(v);
    }

    public void putInt(int v) {
        add(v);
    }

    public void putBoolean(boolean v) {
        add(v ? 1 : 0);
    }

    /** Raw bits, so every NaN payload and signed zero survives. */
    public void putDouble(double v) {
        add(Double.doubleToRawLongBits(v));
    }

    public void putDoubles(double[] a) {
        add(a.length);
        for (double v : a) {
            add(Double.doubleToRawLongBits(v));
        }
    }

    public void putInts(int[] a) {
        add(a.length);
        for (int v : a) {
            add(v);
        }
    }

    public void putLongs(long[] a) {
        add(a.length);
        for (long v : a) {
            add(v);
        }
    }

    public void putBooleans(boolean[] a) {
        add(a.length);
        for (boolean v : a) {
            add(v ? 1 : 0);
        }
    }

    /** The words written so far. */
    public long[] toArray() {
        return Arrays.copyOf(words, size);
    }
}
