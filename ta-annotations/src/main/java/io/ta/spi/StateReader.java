package io.ta.spi;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a {@link StateWriter} wrote, in the same order, and refuses anything a stream could not have written.
 *
 * <p>Two kinds of failure: the stream's parameters ({@link #expectParams}) differ — a valid snapshot taken elsewhere,
 * reported as {@link SnapshotMismatchException} in parameter names ({@code rsi: snapshot was taken with period=14,
 * this stream has period=20}); or a word breaks an invariant — too few or too many words, an array of the wrong length,
 * a fixed field that these parameters do not produce, a value outside its declared range — reported as
 * {@link CorruptSnapshotException} naming the field. Nothing is allocated from a count read here before it is checked
 * against the words that remain.
 */
public final class StateReader {
    private final String kernel;
    private final long[] words;
    private int pos;

    /** A reader over {@code words} of a snapshot of {@code kernel}. */
    public StateReader(String kernel, long[] words) {
        this.kernel = kernel;
        this.words = words;
    }

    /** Words not read yet. */
    public int remaining() {
        return words.length - pos;
    }

    /** A corruption error naming this snapshot's kernel and {@code detail}. */
    public CorruptSnapshotException corrupt(String detail) {
        return new CorruptSnapshotException(kernel + ": corrupt snapshot: " + detail);
    }

    /**
     * Reads {@code part}'s state ({@link StatePart#read}), the field {@code name} of the kernel. A part that trusts a word
     * it should have checked (an index, a length) and so throws a JDK exception has met words no stream wrote: that is
     * reported as a {@link CorruptSnapshotException} naming the part, as the reader's own checks are, so a hostile
     * snapshot restores or is refused whoever wrote the part. The generated restore reads every part through here.
     */
    public void readPart(String name, StatePart<?> part) {
        try {
            part.read(this);
        } catch (SnapshotMismatchException e) {
            throw e;
        } catch (RuntimeException e) {
            CorruptSnapshotException c = corrupt("state part " + name + " (" + part.getClass().getName()
                    + ") could not read its words: " + e);
            c.initCause(e);
            throw c;
        }
    }

    private long next() {
        if (pos >= words.length) {
            throw corrupt("it ends early (" + words.length + " words), before the kernel's state is complete");
        }
        return words[pos++];
    }

    /** The next word. */
    public long getLong() {
        return next();
    }

    /** The next word, which must hold an {@code int}. */
    public int getInt() {
        long v = next();
        if (v != (int) v) {
            throw corrupt("an int field holds " + v);
        }
        return (int) v;
    }

    /** The next word, which must be 0 or 1. */
    public boolean getBoolean() {
        long v = next();
        if (v != 0 && v != 1) {
            throw corrupt("a boolean field holds " + v);
        }
        return v == 1;
    }

    /** The next word as raw double bits. */
    public double getDouble() {
        return Double.longBitsToDouble(next());
    }

    /** An {@code int} field that must lie in {@code [min, max]} (the field's declared range). */
    public int getInt(String field, double min, double max) {
        long v = next();
        if (v != (int) v || v < min || v > max) {
            throw outside(field, Long.toString(v), min, max);
        }
        return (int) v;
    }

    /**
     * The largest count a snapshot may claim: no stream makes 2^62 updates, pushes or bars (146 years at one per
     * nanosecond), and a count up to it can still grow for longer than any stream lives without overflowing. Restored at
     * {@code Long.MAX_VALUE}, a count would overflow on the next update.
     */
    public static final long MAX_COUNT = 1L << 62;

    /** A count of updates, pushes, bars or values: a {@code long} in {@code [0, MAX_COUNT]}. */
    public long getCount(String field) {
        return getLong(field, 0, MAX_COUNT);
    }

    /** A {@code long} field that must lie in {@code [min, max]}, compared exactly. */
    public long getLong(String field, double min, double max) {
        long v = next();
        if (below(v, min) || above(v, max)) {
            throw outside(field, Long.toString(v), min, max);
        }
        return v;
    }

    // A long compared as a double rounds to 53 bits: 2^62 + 158 would pass a bound of 2^62, and a push count that far
    // past its limit lets an index difference overflow. Compared against the bound's whole part instead, which a long
    // holds exactly whenever the bound lies inside the longs' range.
    private static boolean below(long v, double min) {
        return min > -0x1p63 && (min >= 0x1p63 || v < (long) Math.ceil(min));
    }

    private static boolean above(long v, double max) {
        return max < 0x1p63 && (max < -0x1p63 || v > (long) Math.floor(max));
    }

    /** A {@code double} field that must lie in {@code [min, max]}, or be NaN when {@code nan} allows it. */
    public double getDouble(String field, double min, double max, boolean nan) {
        double v = getDouble();
        if (v != v ? !nan : v < min || v > max) {
            throw outside(field, Double.toString(v), min, max);
        }
        return v;
    }

    private CorruptSnapshotException outside(String field, String value, double min, double max) {
        return corrupt(field + " holds " + value + ", outside its range [" + bound(min) + ", " + bound(max) + "]");
    }

    private static String bound(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * A count of values that follow, at most {@code max} and at most what remains: a state part reads its contents'
     * length with this before it allocates or fills anything.
     */
    public int getSize(String field, int max) {
        long n = next();
        if (n < 0 || n > max || n > remaining()) {
            throw corrupt(field + " claims " + n + " values (at most " + Math.min(max, remaining()) + " possible)");
        }
        return (int) n;
    }

    private void length(String field, int expected) {
        long n = next();
        if (n != expected) {
            throw corrupt("array '" + field + "' has " + n + " elements, this kernel's has " + expected);
        }
        if (n > remaining()) {
            throw corrupt("array '" + field + "' runs past the end of the snapshot");
        }
    }

    /** Fills a fixed-length array (its length is checked first). */
    public void getDoubles(String field, double[] into) {
        length(field, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = Double.longBitsToDouble(next());
        }
    }

    /** Fills a fixed-length array (its length is checked first). */
    public void getInts(String field, int[] into) {
        length(field, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = getInt();
        }
    }

    /** Fills a fixed-length array (its length is checked first). */
    public void getLongs(String field, long[] into) {
        length(field, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = next();
        }
    }

    /** Fills a fixed-length array (its length is checked first). */
    public void getBooleans(String field, boolean[] into) {
        length(field, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = getBoolean();
        }
    }

    /**
     * Checks the parameters written by {@link StateWriter#putParams} against this stream's.
     *
     * @throws SnapshotMismatchException naming every parameter that differs, in catalog names
     * @throws CorruptSnapshotException if a word is not a value the parameter can take
     */
    public void expectParams(ParamValues mine) {
        StateWriter own = new StateWriter();
        own.putParams(mine);
        long[] ownWords = own.toArray();
        List<String> theirs = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            ParamSpec s = mine.specs().get(i);
            long w = next();
            String snap = decode(s, w);
            if (w != ownWords[i]) {
                String here = show(mine.get(i));
                if (snap.equals(here)) {
                    // Values that print alike but differ in their bits (0.0 and -0.0): show the bits' doubles.
                    snap = Double.toString(Double.longBitsToDouble(w));
                    here = Double.toString(Double.longBitsToDouble(ownWords[i]));
                }
                theirs.add(s.name() + "=" + snap);
                ours.add(s.name() + "=" + here);
            }
        }
        if (!theirs.isEmpty()) {
            throw new SnapshotMismatchException(kernel + ": snapshot was taken with " + String.join(", ", theirs)
                    + ", this stream has " + String.join(", ", ours));
        }
    }

    private String decode(ParamSpec s, long w) {
        Object v = switch (s.type()) {
            case INT -> w == (int) w && s.inRange(w) ? (Object) (int) w : null;
            case REAL -> {
                double d = Double.longBitsToDouble(w);
                yield Double.isFinite(d) && s.inRange(d) ? (Object) d : null;
            }
            case BOOL -> w == 0 || w == 1 ? (Object) (w == 1) : null;
            case CHOICE -> w >= 0 && w < s.choices().size() ? s.choices().get((int) w) : null;
        };
        if (v == null) {
            throw corrupt("parameter " + s.name() + " holds " + w + ", not a valid value (" + s.rangeText() + ")");
        }
        return show(v);
    }

    private static String show(Object v) {
        return v instanceof Double d ? ParamSpec.number(d) : String.valueOf(v);
    }

    /** Checks a fixed {@code int} field (derived from the parameters) against this stream's value. */
    public void expectInt(String field, int actual) {
        long v = next();
        if (v != actual) {
            throw fixed(field, Long.toString(v), Integer.toString(actual));
        }
    }

    /** Checks a fixed {@code long} field against this stream's value. */
    public void expectLong(String field, long actual) {
        long v = next();
        if (v != actual) {
            throw fixed(field, Long.toString(v), Long.toString(actual));
        }
    }

    /** Checks a fixed {@code boolean} field against this stream's value. */
    public void expectBoolean(String field, boolean actual) {
        long v = next();
        if (v != (actual ? 1 : 0)) {
            throw fixed(field, Long.toString(v), actual ? "1" : "0");
        }
    }

    /** Checks a fixed {@code double} field bit for bit. */
    public void expectDouble(String field, double actual) {
        long v = next();
        if (v != Double.doubleToRawLongBits(actual)) {
            throw fixed(field, Double.toString(Double.longBitsToDouble(v)), Double.toString(actual));
        }
    }

    private CorruptSnapshotException fixed(String field, String snap, String here) {
        return corrupt("fixed field " + field + " holds " + snap + ", but these parameters give " + here);
    }

    /** Fails unless every word was read. */
    public void end() {
        if (pos != words.length) {
            throw corrupt((words.length - pos) + " words left over after the kernel's state");
        }
    }
}
