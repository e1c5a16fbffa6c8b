package io.ta.spi;

import io.ta.error.SnapshotMismatchException;

/**
 * Reads what a {@link StateWriter} wrote, in the same order. Fixed parts of the state (parameters, array lengths)
 * are checked against the receiving stream with the {@code expect} methods, so a snapshot never silently lands in a
 * stream with other parameters.
 */
public final class StateReader {
    private final String kernel;
    private final long[] words;
    private int pos;

    public StateReader(String kernel, long[] words) {
        this.kernel = kernel;
        this.words = words;
    }

    private long next() {
        if (pos >= words.length) {
            throw new SnapshotMismatchException(kernel + ": snapshot is shorter than this kernel's state");
        }
        return words[pos++];
    }

    public long getLong() {
        return next();
    }

    public int getInt() {
        long v = next();
        if (v != (int) v) {
            throw new SnapshotMismatchException(kernel + ": corrupt snapshot (int field holds " + v + ")");
        }
        return (int) v;
    }

    public boolean getBoolean() {
        long v = next();
        if (v != 0 && v != 1) {
            throw new SnapshotMismatchException(kernel + ": corrupt snapshot (boolean field holds " + v + ")");
        }
        return v == 1;
    }

    public double getDouble() {
        return Double.longBitsToDouble(next());
    }

    private void length(String field, int expected) {
        long n = next();
        if (n != expected) {
            throw new SnapshotMismatchException(
                    kernel + ": snapshot field '" + field + "' has " + n + " elements, this stream has " + expected
                            + " (different parameters?)");
        }
    }

    public void getDoubles(String field, double[] into) {
        length(field, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = Double.longBitsToDouble(next());
        }
    }

    public void getInts(String field, int[] into) {
        length(field, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = getInt();
        }
    }

    public void getLongs(String field, long[] into) {
        length(field, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = next();
        }
    }

    public void getBooleans(String field, boolean[] into) {
        length(field, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = getBoolean();
        }
    }

    /** Checks a fixed {@code int} field (a parameter or a size) against this stream's value. */
    public void expectInt(String field, int actual) {
        int v = getInt();
        if (v != actual) {
            throw mismatch(field, Integer.toString(v), Integer.toString(actual));
        }
    }

    public void expectLong(String field, long actual) {
        long v = next();
        if (v != actual) {
            throw mismatch(field, Long.toString(v), Long.toString(actual));
        }
    }

    public void expectBoolean(String field, boolean actual) {
        boolean v = getBoolean();
        if (v != actual) {
            throw mismatch(field, Boolean.toString(v), Boolean.toString(actual));
        }
    }

    /** Checks a fixed {@code double} field bit for bit. */
    public void expectDouble(String field, double actual) {
        double v = getDouble();
        if (Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(actual)) {
            throw mismatch(field, Double.toString(v), Double.toString(actual));
        }
    }

    private SnapshotMismatchException mismatch(String field, String snap, String here) {
        return new SnapshotMismatchException(
                kernel + ": snapshot has " + field + "=" + snap + " but this stream has " + field + "=" + here);
    }

    /** Fails unless every word was read. */
    public void end() {
        if (pos != words.length) {
            throw new SnapshotMismatchException(kernel + ": snapshot is longer than this kernel's state");
        }
    }
}
