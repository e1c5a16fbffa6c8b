package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.Arrays;

/**
 * The last {@code capacity} pushed values, for window kernels.
 *
 * <p>Why it is not a bare array: the buffer keeps two slack slots beyond the capacity, so a push never overwrites a
 * value that left the window in the last two steps. A mark is therefore just (head, size), and rewinding one step —
 * for {@code replaceLast}, and again for a {@code preview} on top of it — is O(1) instead of copying the window.
 * Contract: at most one {@link #push} per kernel step.
 *
 * <p>Memory grows with the data where it is large: a ring of up to {@link AnchoredSum#FULL_UP_TO} slots is allocated
 * in full and never grows (see there for why: a growth the pushes have ever taken costs a stream's every update);
 * a longer one starts small and doubles until it reaches {@code capacity + 2}, so a stream holds O(min(capacity,
 * values pushed)) — ten thousand symbols with a 100,000-bar window allocate nothing like ten thousand full windows
 * until the bars arrive.
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.LINEAR)
public final class DoubleRing implements StatePart<DoubleRing.Mark> {
    private static final int SLACK = 2;

    private final int capacity;
    private double[] buf;
    private int head;
    private int size;

    /** A ring holding at most {@code capacity} values (at least 1). */
    public DoubleRing(int capacity) {
        if (capacity < 1 || capacity > Integer.MAX_VALUE - SLACK) {
            throw new IllegalArgumentException("DoubleRing capacity must be in [1, " + (Integer.MAX_VALUE - SLACK) + "], got " + capacity);
        }
        this.capacity = capacity;
        this.buf = new double[length(AnchoredSum.firstLength(capacity + SLACK), capacity)];
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
        int h = head;
        if (size == capacity) {
            evicted = get(capacity - 1);
        } else {
            size++;
        }
        double[] b = buf;
        b[h] = x;
        if (h + 1 == b.length) {
            // The head wraps, or a ring still short of its full size doubles (only while a ring longer than
            // FULL_UP_TO fills). Tested where every wrap counts it, not on the path that fills the ring: with a few
            // dozen counts C2 cannot tell that the growth is never taken, compiles the call into the stream's update,
            // and kama's update cost 1.4 times as much in half the JVMs.
            if (b.length != capacity + SLACK) {
                grow();
                head = h + 1;
            } else {
                head = 0;
            }
        } else {
            head = h + 1;
        }
        return evicted;
    }

    /**
     * Forgets every value, as a new ring holds none. The head stays where it is, so the next push writes the slot it
     * would have written anyway and a mark taken before still rewinds to the values it saw.
     */
    public void clear() {
        size = 0;
    }

    /** Doubles the buffer (the head has never wrapped yet, so its prefix is the whole content). */
    private void grow() {
        buf = Arrays.copyOf(buf, length(2L * buf.length, capacity));
    }

    /**
     * The buffer length for at least {@code wanted} slots: {@code wanted} while that leaves room to fill up to the
     * capacity, else the full {@code capacity + 2} — so the ring is full-sized before it is full, and every wrap
     * keeps its two slack slots.
     */
    private static int length(long wanted, int capacity) {
        return wanted > capacity ? capacity + SLACK : (int) wanted;
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

    /** Doubles currently allocated for the buffer (grows to {@code capacity + 2}). */
    public int allocated() {
        return buf.length;
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

    /** The capacity (checked on read), the size, then the values oldest first. */
    @Override
    public void write(StateWriter out) {
        out.putInt(capacity);
        out.putInt(size);
        for (int ago = size - 1; ago >= 0; ago--) {
            out.putDouble(get(ago));
        }
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("ring capacity", capacity);
        int s = in.getSize("ring size", capacity);
        // Room for s values and the next push, as a ring that grew to s values has (the full buffer once full).
        long grown = Math.max(AnchoredSum.firstLength(capacity + SLACK), 2L * Integer.highestOneBit(s));
        double[] b = new double[length(grown, capacity)];
        for (int i = 0; i < s; i++) {
            b[i] = in.getDouble();
        }
        buf = b;
        head = s;
        size = s;
    }

    /** A {@link DoubleRing} position. */
    public static final class Mark implements StatePart.Mark {
        int head;
        int size;

        /** Only {@link DoubleRing#newMark()} makes one. */
        Mark() {}
    }
}
