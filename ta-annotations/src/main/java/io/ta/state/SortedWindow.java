package io.ta.state;

import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.Arrays;

/**
 * The last {@code window} pushed values kept in sorted order, for order statistics (median, quantiles). A push is
 * O(window) in the worst case (one removal and one insertion by {@code System.arraycopy}); non-finite values take
 * their place in the window but are not sorted, and {@link #missing()} counts them.
 *
 * <p>Checkpoints stay O(1): a mark records positions and the last push's undo record (the value that left and the
 * value that entered); rewinding one push re-inserts and removes those two values. Contract: at most one push per
 * kernel step.
 *
 * <p>Memory grows with the data (the ring and the sorted array both start small and double). A snapshot holds only
 * the window's values; {@link #read} sorts them again, so the sorted order can never disagree with the window.
 */
public final class SortedWindow implements StatePart<SortedWindow.Mark> {
    private static final int INITIAL = 16;

    private final int window;
    private final DoubleRing values;
    private double[] sorted;
    private int size;
    private int missing;
    private long seq;
    private long undoAt = -1;
    private double undoIn;
    private double undoOut;
    private boolean undoHadOut;

    /** A window of {@code window} values (at least 1). */
    public SortedWindow(int window) {
        this.window = window;
        this.values = new DoubleRing(window);
        this.sorted = new double[Math.min(window, INITIAL)];
    }

    /** Adds {@code x}; when full, the oldest value leaves. */
    public void push(double x) {
        boolean full = values.isFull();
        double out = values.push(x);
        undoAt = seq++;
        undoIn = x;
        undoOut = out;
        undoHadOut = full;
        if (full) {
            remove(out);
        }
        insert(x);
    }

    private void insert(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            missing++;
            return;
        }
        if (size == sorted.length) {
            sorted = Arrays.copyOf(sorted, (int) Math.min(window, 2L * size));
        }
        int i = Arrays.binarySearch(sorted, 0, size, x);
        if (i < 0) {
            i = -i - 1;
        }
        System.arraycopy(sorted, i, sorted, i + 1, size - i);
        sorted[i] = x;
        size++;
    }

    private void remove(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            missing--;
            return;
        }
        int i = Arrays.binarySearch(sorted, 0, size, x);
        if (i < 0) {
            throw new IllegalStateException("SortedWindow: value " + x + " not found");
        }
        System.arraycopy(sorted, i + 1, sorted, i, size - i - 1);
        size--;
    }

    /** Whether the window holds {@code window} values (finite or not). */
    public boolean isFull() {
        return values.isFull();
    }

    /** Non-finite values inside the window. */
    public int missing() {
        return missing;
    }

    /** Finite values inside the window. */
    public int size() {
        return size;
    }

    /** The {@code k}-th smallest finite value, {@code 0 <= k < size()}. */
    public double get(int k) {
        return sorted[k];
    }

    /** The median of the finite values: the middle one, or the mean of the two middle ones. NaN if none. */
    public double median() {
        if (size == 0) {
            return Double.NaN;
        }
        int h = size >>> 1;
        return (size & 1) == 1 ? sorted[h] : (sorted[h - 1] + sorted[h]) * 0.5;
    }

    @Override
    public Mark newMark() {
        return new Mark(values.newMark());
    }

    @Override
    public void mark(Mark m) {
        values.mark(m.ring);
        m.size = size;
        m.missing = missing;
        m.seq = seq;
        m.undoAt = undoAt;
        m.undoIn = undoIn;
        m.undoOut = undoOut;
        m.undoHadOut = undoHadOut;
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq <= 1 : "SortedWindow: more than one push between mark and rewind";
        if (undoAt >= m.seq) {
            remove(undoIn);
            if (undoHadOut) {
                insert(undoOut);
            }
        }
        values.rewind(m.ring);
        size = m.size;
        missing = m.missing;
        seq = m.seq;
        undoAt = m.undoAt;
        undoIn = m.undoIn;
        undoOut = m.undoOut;
        undoHadOut = m.undoHadOut;
    }

    /** The window size (checked on read) and the window's values; the sorted order is derived. */
    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        values.write(out);
    }

    /**
     * Reads the window's values and sorts the finite ones again. The undo record starts empty: a restored stream
     * re-derives its checkpoint by stepping, so nothing rewinds past this point.
     */
    @Override
    public void read(StateReader in) {
        in.expectInt("window", window);
        values.read(in);
        int n = values.size();
        double[] s = new double[Math.max(Math.min(window, INITIAL), n)];
        int finite = 0;
        for (int ago = 0; ago < n; ago++) {
            double v = values.get(ago);
            if (Math.abs(v) <= Double.MAX_VALUE) {
                s[finite++] = v;
            }
        }
        Arrays.sort(s, 0, finite);
        sorted = s;
        size = finite;
        missing = n - finite;
        seq = 0;
        undoAt = -1;
        undoIn = 0.0;
        undoOut = 0.0;
        undoHadOut = false;
    }

    /** A {@link SortedWindow} checkpoint. */
    public static final class Mark implements StatePart.Mark {
        final DoubleRing.Mark ring;
        int size;
        int missing;
        long seq;
        long undoAt;
        double undoIn;
        double undoOut;
        boolean undoHadOut;

        Mark(DoubleRing.Mark ring) {
            this.ring = ring;
        }
    }
}
