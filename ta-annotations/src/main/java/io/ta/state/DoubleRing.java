package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The last {@code capacity} pushed values, for window kernels.
 *
 * <p>Why it is not a bare array: the buffer keeps two slack slots beyond the capacity, so a push never overwrites a
 * value that left the window in the last two steps. A mark is therefore just (head, size), and rewinding one step —
 * for {@code replaceLast}, and again for a {@code preview} on top of it — is O(1) instead of copying the window.
 * Contract: at most one {@link #push} per kernel step.
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.LINEAR)
public final class DoubleRing implements StatePart<DoubleRing.Mark> {
    private static final int SLACK = 2;

    private final int capacity;
    private final double[] buf;
    private int head;
    private int size;

    /** A ring holding at most {@code capacity} values (at least 1). */
    public DoubleRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("DoubleRing capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.buf = new double[capacity + SLACK];
    }

    /** The window size. */
    public int capacity() {
        return capacity;
    }

    /** Values currently held, at most {@link #capacity()}. */
    public int size() {
        return size;
    }

    /** Whether the window holds {@link #capacity()} values. */
    public boolean isFull() {
        return size == capacity;
    }

    /**
     * Appends {@code x}. When the ring was full, returns the value that left the window (the oldest); otherwise
     * returns NaN — check {@link #isFull()} first when a NaN value must be told apart.
     */
    public double push(double x) {
        double evicted = Double.NaN;
        if (size == capacity) {
            evicted = get(capacity - 1);
        } else {
            size++;
        }
        int h = head;
        buf[h] = x;
        head = h + 1 == buf.length ? 0 : h + 1;
        return evicted;
    }

    /** The value pushed {@code ago} pushes ago; {@code 0} is the newest. Requires {@code 0 <= ago < size()}. */
    public double get(int ago) {
        int i = head - 1 - ago;
        if (i < 0) {
            i += buf.length;
        }
        return buf[i];
    }

    /** The newest value. Requires {@code size() > 0}. */
    public double newest() {
        return get(0);
    }

    /** The oldest value in the window. Requires {@code size() > 0}. */
    public double oldest() {
        return get(size - 1);
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.head = head;
        m.size = size;
    }

    @Override
    public void rewind(Mark m) {
        assert Math.floorMod(head - m.head, buf.length) <= 1 : "DoubleRing: more than one push between mark and rewind";
        head = m.head;
        size = m.size;
    }

    @Override
    public void write(StateWriter out) {
        out.putInt(capacity);
        out.putInt(head);
        out.putInt(size);
        out.putDoubles(buf);
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("ring capacity", capacity);
        int h = in.getInt();
        int s = in.getInt();
        if (h < 0 || h >= buf.length || s < 0 || s > capacity) {
            throw new io.ta.error.SnapshotMismatchException("corrupt snapshot: ring position " + h + "/" + s);
        }
        in.getDoubles("ring", buf);
        head = h;
        size = s;
    }

    /** A {@link DoubleRing} position. */
    public static final class Mark implements StatePart.Mark {
        int head;
        int size;

        @Override
        public void write(StateWriter out) {
            out.putInt(head);
            out.putInt(size);
        }

        @Override
        public void read(StateReader in) {
            head = in.getInt();
            size = in.getInt();
        }
    }
}
