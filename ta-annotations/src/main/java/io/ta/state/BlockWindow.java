package io.ta.state;

import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.Arrays;

/**
 * The machinery shared by the exact window aggregates ({@link WindowMoments}, {@link WindowComoments},
 * {@link WindowTrend}): sums over the last {@code window} pushed values that are never updated by subtraction, so
 * nothing can drift with the length of a stream and nothing stays behind when an outlier leaves the window. The
 * window sums ({@link WindowSum}, {@link WindowSumPair}, {@link WindowSumTriple}) use the same blocks another way:
 * see {@link WindowSum}.
 *
 * <p>Why: a running total ({@code total += entering − leaving}) carries the rounding residue of every value that ever
 * passed through it. A value of 1e20 leaves ~1e4 behind for good; ten million updates of prices near 1e6 leave a
 * random walk of residues. This is van Herk / Gil-Werman (the idea {@link SlidingExtreme} uses for maxima) applied to
 * sums: pushes are cut into blocks of {@code window}; the window is a suffix of the previous block plus a prefix of
 * the current one. The prefix is a plain running sum from the block's start; the suffix sums of the previous block
 * are computed once, when it completes (one pass, newest to oldest). Every window aggregate is therefore a fresh sum of
 * values that are all inside the window — exact up to the rounding of summing at most {@code window} values — at
 * O(1) amortized cost and with no periodic latency beyond one pass per {@code window} pushes.
 *
 * <p>Blocks alternate between the two halves of {@link #slots}, so the two pushes a stream may make past a checkpoint
 * (an update, then a preview) never overwrite the checkpoint's window — except for a window of one value, which its
 * mark keeps: marks and rewinds are O(1). Results depend only on the push count and the values, so batch and stream
 * agree bit for bit. A window of up to {@link AnchoredSum#FULL_UP_TO} values has its blocks in full from the start; a
 * longer one's grow geometrically while the first block fills (memory O(min(window, pushes))).
 *
 * <p>Non-finite pushes are missing values: they take their place in the window, and {@link #hasMissing()} is true
 * while one is inside (docs/spec.md §5.2). The window sums add nothing for one; a moment part's sums that hold one are
 * NaN, which no kernel reads, since they are read only by the windows that hold it.
 *
 * <p>Snapshots hold only the push count and the raw values of the window (for the window sums, of the previous block
 * from its first value on: {@link #oldestKept}); every derived sum is recomputed on restore by the same operations, so
 * a snapshot restores bit for bit and no derived number is ever taken on trust.
 */
public abstract sealed class BlockWindow implements StatePart<BlockWindow.Mark>
        permits WindowSum, WindowSumPair, WindowSumTriple, WindowMoments, WindowComoments, WindowTrend {
    final int window;
    /** How many series are pushed together: 1, 2 ({@code y}) or 3 ({@code y} and {@code z}). */
    final int series;
    /** Slots per position in {@link #slots}: the part's values (one per series), then whatever it keeps beside them. */
    final int stride;
    /**
     * Whether a snapshot holds the previous block from its first value on ({@link #oldestKept}): the window sums,
     * whose running sums depend on all of it. The moment parts on slots need only the window's values.
     */
    private final boolean keepsPreviousBlock;
    /**
     * Both blocks in one array, {@link #stride} slots per position (a part's values, then whatever it stores beside
     * them: a moment part's suffix sums), block {@code b} at {@code [b·stride·window, (b + 1)·stride·window)}, read through offsets that a
     * turn flips. Not two arrays swapped at every turn: a reference stored in a push carries the collector's barriers,
     * several hundred bytes of code under G1, which took kama's and vwma's steps over the size C2 inlines into their
     * batch loops (docs/performance-log.md, "Blocks chosen by number"). A long window's first block grows in place,
     * and the second comes with the first turn.
     */
    double[] slots;
    /** Where the current block starts in {@link #slots}. */
    int at;
    /**
     * Where the previous block starts in {@link #slots}. Until the first turn there is none, and this is the current
     * block itself; what a push reads there then is never used (a turn resets the sums, which are read only once the
     * window is full).
     */
    int olderAt;
    long seq;
    /** Position of the next push in the current block: {@code seq mod window}. */
    int next;
    /** The current block's half of {@link #slots}: {@code (seq / window) mod 2}. */
    int block;
    long lastMissing = AnchoredSum.NEVER;
    /**
     * The values {@code lastMissing} had before the last two pushes that set it, newest first: what rewinds of those
     * pushes put back (two pushes may pass a checkpoint: an update, then a preview's). A mark then need not save
     * {@code lastMissing}, which few pushes change, as {@link AnchoredSum}'s does not.
     *
     * <p>Each part's push shifts the three itself where a value is missing, as {@link AnchoredSum#push} does, rather
     * than calling a method of this class: C2 left such a call out of line once a kernel had pushed missing values
     * ("low call site frequency"), the part escaped into it, and kama's batch after a chop took 7.4 ns/bar instead of
     * 4.9 (docs/performance-log.md, "Sixty-one kernels next to each other").
     */
    long missingBefore = AnchoredSum.NEVER;
    long missingBefore2 = AnchoredSum.NEVER;

    /** A window sum: {@code stride} slots per position, and snapshots that hold the whole previous block. */
    BlockWindow(int window, int series, int stride) {
        this(window, series, stride, true);
    }

    /**
     * A part of {@code window} values, {@code stride} slots per position, both blocks allocated from the start up to
     * {@link AnchoredSum#FULL_UP_TO} values (so that no turn allocates: a loop that has seen a turn's allocation taken
     * compiles it as a call the part escapes into); {@code keepsPreviousBlock} for one whose snapshots hold the whole
     * previous block.
     */
    BlockWindow(int window, int series, int stride, boolean keepsPreviousBlock) {
        this.keepsPreviousBlock = keepsPreviousBlock;
        if (window < 1) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " window must be >= 1, got " + window);
        }
        this.window = window;
        this.series = series;
        this.stride = stride;
        int positions = window <= AnchoredSum.FULL_UP_TO ? 2 * window : AnchoredSum.firstLength(window);
        slots = new double[stride * positions];
    }

    /** The window size. */
    public final int window() {
        return window;
    }

    /** Pushes so far. */
    public final long count() {
        return seq;
    }

    /** Whether {@code window} values have been pushed. */
    public final boolean isFull() {
        return seq >= window;
    }

    /** Whether a missing (non-finite) value is inside the current window. */
    public final boolean hasMissing() {
        return seq - 1 - lastMissing < window;
    }

    /**
     * Doubles the first block's slots up to its full size, then makes room for the second: a long window's first
     * block filling, or its first turn. Returns the new slots.
     */
    final double[] growSlots() {
        int n = slots.length / stride;
        return slots = Arrays.copyOf(slots, stride * (n < window ? Math.min(window, 2 * n) : 2 * window));
    }

    /** The slot offsets of the current and the previous block, from the block number and the push count. */
    final void slotOffsets() {
        at = stride * block * window;
        olderAt = seq >= window ? stride * window - at : at;
    }

    /** Computes block {@code b}'s sums from its values: a snapshot's read, a window of one's rewind. */
    abstract void fold(int b);

    /**
     * The oldest push a snapshot holds, for a part that has had {@code pushes}: the window's oldest for most parts.
     * The window sums read the whole previous block, so they hold its first push on; or the current block's,
     * when the next push completes it and the previous block is never read again (two pushes past a checkpoint, an
     * update and a preview, may then have written over it).
     */
    final long oldestKept(long pushes) {
        if (!keepsPreviousBlock) {
            return Math.max(0, pushes - window);
        }
        long k = pushes % window;
        return k == window - 1 || pushes < window ? pushes - k : pushes - k - window;
    }

    /** Resets the prefix aggregates for a new, empty block. */
    abstract void open();

    /** Recomputes the prefix aggregates of positions {@code [0, next)} of the current block, in push order. */
    abstract void refold();

    /** Records the prefix scalars in a mark. */
    abstract void save(Mark into);

    /** Restores the prefix scalars from a mark. */
    abstract void load(Mark from);

    static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    @Override
    public final Mark newMark() {
        return new Mark();
    }

    @Override
    public final void mark(Mark m) {
        m.seq = seq;
        if (window == 1 && seq > 0) {
            // A window of one value is the whole previous block, and the second push after this mark (an update,
            // then a preview) refills that block: the mark keeps the value so a rewind gives the window back intact.
            int b = block ^ 1;
            m.x = valueAt(b, 0, 0);
            if (series > 1) {
                m.y = valueAt(b, 0, 1);
            }
            if (series > 2) {
                m.z = valueAt(b, 0, 2);
            }
        }
        save(m);
    }

    @Override
    public final void rewind(Mark m) {
        assert seq - m.seq <= 1 && seq >= m.seq : "BlockWindow: more than one push between mark and rewind";
        if (seq != m.seq && lastMissing == m.seq) {
            // The push undone was missing: the newest missing value before it comes back.
            lastMissing = missingBefore;
            missingBefore = missingBefore2;
        }
        seq = m.seq;
        place();
        if (window == 1 && seq > 0) {
            int b = block ^ 1;
            setValue(b, 0, 0, m.x);
            if (series > 1) {
                setValue(b, 0, 1, m.y);
            }
            if (series > 2) {
                setValue(b, 0, 2, m.z);
            }
            fold(b);
        }
        load(m);
    }

    /** Sets the block and position from {@link #seq}. */
    private void place() {
        next = (int) (seq % window);
        block = (int) ((seq / window) & 1);
    }

    /**
     * The window (checked on read), the push count, then the values from {@link #oldestKept} on, oldest first (pairs
     * or triples for a part of two or three series): the logical content. The block layout and every sum are derived
     * from it.
     */
    @Override
    public final void write(StateWriter out) {
        out.putInt(window);
        out.putLong(seq);
        for (long t = oldestKept(seq); t < seq; t++) {
            int b = (int) ((t / window) & 1);
            int pos = (int) (t % window);
            for (int s = 0; s < series; s++) {
                out.putDouble(valueAt(b, pos, s));
            }
        }
    }

    /** Value {@code pos} of block {@code b} of series {@code s} (0 for x, 1 for y, 2 for z). */
    final double valueAt(int b, int pos, int s) {
        return slots[stride * (b * window + pos) + s];
    }

    /** Sets value {@code pos} of block {@code b} of series {@code s}: a snapshot's read, a window of one's rewind. */
    final void setValue(int b, int pos, int s, double v) {
        slots[stride * (b * window + pos) + s] = v;
    }

    /**
     * Reads the push count and the values from {@link #oldestKept} on and recomputes every aggregate by the
     * operations {@code push} and {@code turn} use, so the part continues bit for bit. Older values are not stored: a
     * restored stream re-derives its checkpoint by stepping, so nothing rewinds past this point.
     */
    @Override
    public final void read(StateReader in) {
        in.expectInt("window", window);
        long s = in.getCount("window push count");
        long from = oldestKept(s);
        if ((s - from) * series > in.remaining()) {
            throw in.corrupt("a window of " + (s - from) + " values runs past the end of the snapshot");
        }
        // Slots for what the stored pushes need: the first block grown as if they had just happened, both blocks once
        // it is full.
        int cap = window;
        if (s < window) {
            cap = AnchoredSum.firstLength(window);
            while (cap < s) {
                cap = Math.min(window, cap * 2);
            }
        }
        slots = new double[stride * (cap < window ? cap : 2 * window)];
        long missing = AnchoredSum.NEVER;
        for (long t = from; t < s; t++) {
            int pos = (int) (t % window);
            int b = (int) ((t / window) & 1);
            boolean ok = true;
            for (int i = 0; i < series; i++) {
                double v = in.getDouble();
                setValue(b, pos, i, v);
                ok &= finite(v);
            }
            if (!ok) {
                missing = t;
            }
        }
        seq = s;
        lastMissing = missing;
        missingBefore = AnchoredSum.NEVER;
        missingBefore2 = AnchoredSum.NEVER;
        block = (int) ((s / window) & 1);
        next = (int) (s % window);
        // The completed block the window reaches into: its suffix aggregates, then the current prefix.
        if (s >= window) {
            fold(block ^ 1);
        }
        open();
        refold();
    }

    /**
     * A {@link BlockWindow} checkpoint: the push count and the prefix aggregates (up to six scalars, as fields: a
     * stream marks before every update, and fields save an array's load and bounds check), and for a window of one
     * value that value (pair, triple).
     */
    public static final class Mark implements StatePart.Mark {
        long seq;
        double x;
        double y;
        double z;
        double s0;
        double s1;
        double s2;
        double s3;
        double s4;
        double s5;

        Mark() {}
    }
}
