package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The maximum (or minimum) of the last {@code window} pushed values, and its position, in O(1) amortized time per
 * push. Ties go to the most recent value, or to the oldest with {@link #oldestWins}. A non-finite push occupies its
 * place in the window but never wins; while one is inside the window {@link #value()} is NaN (CATALOG.md §5.2).
 *
 * <p>Why not a monotonic deque: its pop loop runs a data-dependent number of times, so on real prices the branch
 * mispredicts constantly. This is van Herk / Gil-Werman made incremental: pushes are cut into blocks of
 * {@code window}; a window is the suffix of the previous block plus the prefix of the current one. The prefix
 * maximum is a running value; the previous block's suffix maxima are computed once, when that block completes
 * (one pass over a plain array, every {@code window} pushes). Blocks alternate between two buffers (values and
 * suffixes), so a push never overwrites anything a checkpoint may return to: marks and rewinds stay O(1).
 * Contract: at most one push per kernel step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class SlidingExtreme implements StatePart<SlidingExtreme.Mark> {
    private final int window;
    private final double sign;
    private final boolean newestWins;
    // Two blocks, block-major: block b occupies [b * window, (b + 1) * window).
    private final double[] blockValue;
    private final double[] suffixValue;
    private final long[] suffixIndex;
    private int block;
    private int next;
    private long seq;
    private double prefixValue = Double.NEGATIVE_INFINITY;
    private long prefixIndex = -1;
    private long lastMissing = Long.MIN_VALUE / 2;

    /**
     * Tracks the maximum ({@code max = true}) or minimum of the last {@code window} values. A plain constructor
     * with flat arrays on purpose: small enough for the JIT to inline into a kernel's constructor, so escape analysis
     * can keep this object's fields in registers during a batch.
     */
    public SlidingExtreme(int window, boolean max) {
        this(window, max, true);
    }

    private SlidingExtreme(int window, boolean max, boolean newestWins) {
        if (window < 1) {
            throw new IllegalArgumentException("SlidingExtreme window must be >= 1, got " + window);
        }
        this.window = window;
        this.sign = max ? 1.0 : -1.0;
        this.newestWins = newestWins;
        this.blockValue = new double[2 * window];
        this.suffixValue = new double[2 * window];
        this.suffixIndex = new long[2 * window];
    }

    /** Like {@link #SlidingExtreme(int, boolean)}, but equal values go to the oldest of them. */
    public static SlidingExtreme oldestWins(int window, boolean max) {
        return new SlidingExtreme(window, max, false);
    }

    /** The value as this structure compares it: negated for a minimum (exact), −∞ when missing. */
    public double key(double x) {
        return Math.abs(x) <= Double.MAX_VALUE ? x * sign : Double.NEGATIVE_INFINITY;
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        long s = seq++;
        double v = key(x);
        if (v == Double.NEGATIVE_INFINITY) {
            lastMissing = s;
        }
        blockValue[block * window + next] = v;
        if (next == 0 || v > prefixValue || (newestWins && v == prefixValue)) {
            prefixValue = v;
            prefixIndex = s;
        }
        if (++next == window) {
            suffixes(blockValue, suffixValue, suffixIndex, block * window, window, s - window + 1, newestWins);
            next = 0;
            block = 1 - block;
        }
    }

    /**
     * The suffix maxima of the block just filled, scanned newest to oldest: a strict comparison keeps the newer of
     * equal values, {@code >=} takes the older. Static on purpose: it is too big to inline, and passing {@code this}
     * to it would stop escape analysis from keeping the hot fields of {@link #push} in registers.
     */
    private static void suffixes(double[] bv, double[] sv, long[] si, int base, int window, long first, boolean newestWins) {
        double m = Double.NEGATIVE_INFINITY;
        long mi = first + window - 1;
        for (int j = window - 1; j >= 0; j--) {
            double v = bv[base + j];
            if (v > m || (!newestWins && v == m)) {
                m = v;
                mi = first + j;
            }
            sv[base + j] = m;
            si[base + j] = mi;
        }
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

    /**
     * The extreme of the current window (of everything pushed, before the window is full); NaN while a non-finite
     * value is inside it or before any push.
     */
    public double value() {
        if (seq == 0 || hasMissing()) {
            return Double.NaN;
        }
        return extremeKey() * sign;
    }

    /** Pushes since the extreme was pushed (0 = the newest value). Undefined when {@link #value()} is NaN. */
    public long age() {
        return seq - 1 - index();
    }

    /** The push index (0-based) of the extreme. Undefined when {@link #value()} is NaN. */
    public long index() {
        if (next == 0 || seq < window) {
            return prefixIndex; // the window is exactly the current (or first) block
        }
        int at = (1 - block) * window + next;
        double suffix = suffixValue[at];
        // The prefix part of the window is newer than the suffix part.
        boolean prefix = prefixValue > suffix || (newestWins && prefixValue == suffix);
        return prefix ? prefixIndex : suffixIndex[at];
    }

    /** The extreme of the finite values in the current window, even while a missing one is inside; NaN if none. */
    public double finiteExtreme() {
        double k = seq == 0 ? Double.NEGATIVE_INFINITY : extremeKey();
        return k == Double.NEGATIVE_INFINITY ? Double.NaN : k * sign;
    }

    private double extremeKey() {
        if (next == 0 || seq < window) {
            return prefixValue; // the window is exactly the block just completed (or the first, partial one)
        }
        double s = suffixValue[(1 - block) * window + next];
        return prefixValue >= s ? prefixValue : s;
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.block = block;
        m.next = next;
        m.seq = seq;
        m.prefixValue = prefixValue;
        m.prefixIndex = prefixIndex;
        m.lastMissing = lastMissing;
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq <= 1 : "SlidingExtreme: more than one push between mark and rewind";
        block = m.block;
        next = m.next;
        seq = m.seq;
        prefixValue = m.prefixValue;
        prefixIndex = m.prefixIndex;
        lastMissing = m.lastMissing;
    }

    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putDouble(sign);
        out.putBoolean(newestWins);
        out.putInt(block);
        out.putInt(next);
        out.putLong(seq);
        out.putDouble(prefixValue);
        out.putLong(prefixIndex);
        out.putLong(lastMissing);
        out.putDoubles(blockValue);
        out.putDoubles(suffixValue);
        out.putLongs(suffixIndex);
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("window", window);
        in.expectDouble("direction", sign);
        in.expectBoolean("tie rule", newestWins);
        int f = in.getInt();
        int n = in.getInt();
        if ((f != 0 && f != 1) || n < 0 || n >= window) {
            throw new io.ta.error.SnapshotMismatchException("corrupt snapshot: extreme position " + f + "/" + n);
        }
        block = f;
        next = n;
        seq = in.getLong();
        prefixValue = in.getDouble();
        prefixIndex = in.getLong();
        lastMissing = in.getLong();
        in.getDoubles("block values", blockValue);
        in.getDoubles("suffix values", suffixValue);
        in.getLongs("suffix indices", suffixIndex);
    }

    /** A {@link SlidingExtreme} checkpoint. */
    public static final class Mark implements StatePart.Mark {
        int block;
        int next;
        long seq;
        double prefixValue;
        long prefixIndex;
        long lastMissing;

        @Override
        public void write(StateWriter out) {
            out.putInt(block);
            out.putInt(next);
            out.putLong(seq);
            out.putDouble(prefixValue);
            out.putLong(prefixIndex);
            out.putLong(lastMissing);
        }

        @Override
        public void read(StateReader in) {
            block = in.getInt();
            next = in.getInt();
            seq = in.getLong();
            prefixValue = in.getDouble();
            prefixIndex = in.getLong();
            lastMissing = in.getLong();
        }
    }
}
