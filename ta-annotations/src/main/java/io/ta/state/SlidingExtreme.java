package io.ta.state;

import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The maximum (or minimum) of the last {@code window} pushed values in O(1) amortized time per push: a monotonic
 * deque of candidates (value, push index). Ties go to the most recent value. A non-finite push occupies its place in
 * the window but is not a candidate; while one is inside the window {@link #value()} is NaN (CATALOG.md §5.2).
 *
 * <p>Checkpoints stay O(1): a push pops candidates by moving the tail (nothing is erased) and overwrites exactly one
 * slot, whose previous content is kept as an undo record. Contract: at most one push per kernel step.
 */
public final class SlidingExtreme implements StatePart<SlidingExtreme.Mark> {
    private final int window;
    private final double sign;
    private final long[] seqs;
    private final double[] vals;
    private int head;
    private int n;
    private long seq;
    private long lastMissing = Long.MIN_VALUE / 2;
    private long undoAt = -1;
    private int undoSlot;
    private long undoSeq;
    private double undoVal;

    private SlidingExtreme(int window, double sign) {
        if (window < 1) {
            throw new IllegalArgumentException("SlidingExtreme window must be >= 1, got " + window);
        }
        this.window = window;
        this.sign = sign;
        this.seqs = new long[window + 1];
        this.vals = new double[window + 1];
    }

    /** Tracks the maximum of the last {@code window} values. */
    public static SlidingExtreme max(int window) {
        return new SlidingExtreme(window, 1.0);
    }

    /** Tracks the minimum of the last {@code window} values. */
    public static SlidingExtreme min(int window) {
        return new SlidingExtreme(window, -1.0);
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        long s = seq++;
        int len = vals.length;
        if (n > 0 && seqs[head] <= s - window) {
            head = head + 1 == len ? 0 : head + 1;
            n--;
        }
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            lastMissing = s;
            return;
        }
        // Negating turns a minimum into a maximum exactly (IEEE negation is exact, including signed zeros).
        double v = x * sign;
        int tail = head + n;
        if (tail >= len) {
            tail -= len;
        }
        while (n > 0) {
            int last = tail == 0 ? len - 1 : tail - 1;
            if (vals[last] > v) {
                break;
            }
            tail = last;
            n--;
        }
        undoAt = s;
        undoSlot = tail;
        undoSeq = seqs[tail];
        undoVal = vals[tail];
        seqs[tail] = s;
        vals[tail] = v;
        n++;
    }

    /** Pushes so far. */
    public long count() {
        return seq;
    }

    /** Whether {@link #count()} has reached the window size. */
    public boolean isFull() {
        return seq >= window;
    }

    /** Whether a non-finite value is inside the current window. */
    public boolean hasMissing() {
        return seq - 1 - lastMissing < window;
    }

    /** The extreme of the current window; NaN while a non-finite value is inside it or before any push. */
    public double value() {
        if (n == 0 || hasMissing()) {
            return Double.NaN;
        }
        return vals[head] * sign;
    }

    /** Pushes since the extreme was pushed (0 = the newest value). Undefined when {@link #value()} is NaN. */
    public long age() {
        return seq - 1 - seqs[head];
    }

    /** The push index (0-based) of the extreme. Undefined when {@link #value()} is NaN. */
    public long index() {
        return seqs[head];
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.head = head;
        m.n = n;
        m.seq = seq;
        m.lastMissing = lastMissing;
        m.undoAt = undoAt;
        m.undoSlot = undoSlot;
        m.undoSeq = undoSeq;
        m.undoVal = undoVal;
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq <= 1 : "SlidingExtreme: more than one push between mark and rewind";
        if (undoAt >= m.seq) {
            seqs[undoSlot] = undoSeq;
            vals[undoSlot] = undoVal;
        }
        head = m.head;
        n = m.n;
        seq = m.seq;
        lastMissing = m.lastMissing;
        undoAt = m.undoAt;
        undoSlot = m.undoSlot;
        undoSeq = m.undoSeq;
        undoVal = m.undoVal;
    }

    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putDouble(sign);
        out.putInt(head);
        out.putInt(n);
        out.putLong(seq);
        out.putLong(lastMissing);
        out.putLong(undoAt);
        out.putInt(undoSlot);
        out.putLong(undoSeq);
        out.putDouble(undoVal);
        out.putLongs(seqs);
        out.putDoubles(vals);
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("window", window);
        in.expectDouble("direction", sign);
        int h = in.getInt();
        int count = in.getInt();
        if (h < 0 || h >= vals.length || count < 0 || count > window) {
            throw new io.ta.error.SnapshotMismatchException("corrupt snapshot: deque position " + h + "/" + count);
        }
        head = h;
        n = count;
        seq = in.getLong();
        lastMissing = in.getLong();
        undoAt = in.getLong();
        undoSlot = in.getInt();
        undoSeq = in.getLong();
        undoVal = in.getDouble();
        in.getLongs("deque indices", seqs);
        in.getDoubles("deque values", vals);
    }

    /** A {@link SlidingExtreme} checkpoint. */
    public static final class Mark implements StatePart.Mark {
        int head;
        int n;
        long seq;
        long lastMissing;
        long undoAt;
        int undoSlot;
        long undoSeq;
        double undoVal;

        @Override
        public void write(StateWriter out) {
            out.putInt(head);
            out.putInt(n);
            out.putLong(seq);
            out.putLong(lastMissing);
            out.putLong(undoAt);
            out.putInt(undoSlot);
            out.putLong(undoSeq);
            out.putDouble(undoVal);
        }

        @Override
        public void read(StateReader in) {
            head = in.getInt();
            n = in.getInt();
            seq = in.getLong();
            lastMissing = in.getLong();
            undoAt = in.getLong();
            undoSlot = in.getInt();
            undoSeq = in.getLong();
            undoVal = in.getDouble();
        }
    }
}
