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
 * <p>Why it is not a bare array: the buffer keeps at least two slack slots beyond the capacity, so a push never
 * overwrites a value that left the window in the last two steps. A mark is therefore just (head, size), and rewinding
 * one step — for {@code replaceLast}, and again for a {@code preview} on top of it — is O(1) instead of copying the
 * window. Contract: at most one {@link #push} per kernel step.
 *
 * <p>The buffer's length is a power of two and the head counts pushes: push p sits at {@code p & (length − 1)}, a mask
 * C2 knows to be within the buffer, so a push and a read take no range check and no test for the wrap (the wrap was
 * a branch taken once every {@code capacity + 2} pushes, and each read tested it too), as {@link AnchoredSum}'s ring.
 *
 * <p>Memory grows with the data where it is large: a ring of up to {@link AnchoredSum#FULL_UP_TO} slots is allocated
 * in full and never grows (see there for why: a growth the pushes have ever taken costs a stream's every update);
 * a longer one starts small and doubles until it has room for {@code capacity + 2}, so a stream holds
 * O(min(capacity, values pushed)) — ten thousand symbols with a 100,000-bar window allocate nothing like ten thousand
 * full windows until the bars arrive.
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.LINEAR)
public final class DoubleRing implements StatePart<DoubleRing.Mark> {
    private final int capacity;
    private double[] buf;
    /** Pushes so far, modulo 2^32 (the length divides it): the next push's slot, masked. */
    private int head;
    private int size;
    /**
     * The head at which the buffer must grow before the next push: its length while it is short of its full size
     * (it has never wrapped then, so it is full), else -1, which a head reaches only after 2^32 − 1 pushes, and then
     * the growth finds nothing to do. One comparison a push, never true once the buffer is full-sized.
     */
    private int growAt;

    /** A ring holding at most {@code capacity} values (at least 1, at most 2^30 − 2). */
    public DoubleRing(int capacity) {
        if (capacity < 1 || capacity > AnchoredSum.MAX_WINDOW) {
            throw new IllegalArgumentException(
                    "DoubleRing capacity must be in [1, " + AnchoredSum.MAX_WINDOW + "], got " + capacity);
        }
        this.capacity = capacity;
        setBuffer(new double[AnchoredSum.capacity(capacity, 0)]);
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
        double[] b = buf;
        if (size == capacity) {
            evicted = get(capacity - 1);
        } else {
            size++;
        }
        b[h & (b.length - 1)] = x;
        head = h + 1;
        // Tested on every push, so its profile counts every push: with the few dozen counts a test on the filling
        // path had, C2 could not tell that the growth is never taken, compiled its call into the stream's update, and
        // kama's update cost 1.4 times as much in half the JVMs.
        if (h + 1 == growAt) {
            grow();
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

    /** Doubles the buffer: it has never wrapped, so its content is its prefix of {@code head} values. */
    private void grow() {
        if (growAt > 0) {
            setBuffer(Arrays.copyOf(buf, AnchoredSum.capacity(capacity, head)));
        }
    }

    private void setBuffer(double[] b) {
        buf = b;
        growAt = b.length < AnchoredSum.fullLength(capacity) ? b.length : -1;
    }

    /** The value pushed {@code ago} pushes ago; {@code 0} is the newest. Requires {@code 0 <= ago < size()}. */
    public double get(int ago) {
        double[] b = buf;
        return b[(head - 1 - ago) & (b.length - 1)];
    }

    /** The newest value. Requires {@code size() > 0}. */
    public double newest() {
        return get(0);
    }

    /** The oldest value in the window. Requires {@code size() > 0}. */
    public double oldest() {
        return get(size - 1);
    }

    /** Doubles currently allocated for the buffer (grows to the power of two from {@code capacity + 2} up). */
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
        assert head - m.head == 0 || head - m.head == 1 : "DoubleRing: more than one push between mark and rewind";
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
        // Room for s values and the two pushes a stream may make next, as a ring that grew to s values has.
        double[] b = new double[AnchoredSum.capacity(capacity, s)];
        for (int i = 0; i < s; i++) {
            b[i] = in.getDouble();
        }
        setBuffer(b);
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
