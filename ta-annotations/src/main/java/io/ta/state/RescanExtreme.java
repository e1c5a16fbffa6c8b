package io.ta.state;

import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The position of the maximum (or minimum) of the last {@code window} pushed values under TA-Lib's tie rule
 * (MAXINDEX, MININDEX, MINMAXINDEX), in O(1) amortized time per push.
 *
 * <p>TA-Lib holds one extreme. A new value equal to (or beyond) the held one takes over, so a tie goes to the newest
 * value; but when the held value leaves the window TA-Lib rescans the window oldest-first with a strict comparison,
 * so that tie goes to the <em>oldest</em> equal value — which then stays held until a new equal value arrives or it
 * leaves. {@link SlidingExtreme} always reports the newest of equal values, so on ties it names another bar than
 * TA-Lib; this part reproduces TA-Lib's index exactly.
 *
 * <p>How: the held index and value are kept exactly as TA-Lib keeps them; only TA-Lib's O(window) rescan is
 * replaced by a query answered in O(1): the oldest extreme of the current window, from the same incremental van
 * Herk / Gil-Werman blocks as {@link SlidingExtreme} but with ties resolved towards the older value (prefix maxima of
 * the current block, suffix maxima of the previous block computed once per completed block). The two blocks
 * alternate, so a push never overwrites what a checkpoint may return to, and marks and rewinds are O(1).
 *
 * <p>The held extreme exists from the first full window on (as in TA-Lib, whose first output rescans the first
 * window). A non-finite push occupies its place but never wins; while one is inside the window {@link #hasMissing()}
 * is true and the index names the extreme of the finite values. Contract: at most one push per kernel step.
 */
public final class RescanExtreme implements StatePart<RescanExtreme.Mark> {
    private final int window;
    private final double sign;
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
    private double heldValue = Double.NEGATIVE_INFINITY;
    private long heldIndex = -1;

    /** Tracks the maximum ({@code max = true}) or minimum of the last {@code window} values. */
    public RescanExtreme(int window, boolean max) {
        if (window < 1) {
            throw new IllegalArgumentException("RescanExtreme window must be >= 1, got " + window);
        }
        this.window = window;
        this.sign = max ? 1.0 : -1.0;
        this.blockValue = new double[2 * window];
        this.suffixValue = new double[2 * window];
        this.suffixIndex = new long[2 * window];
    }

    /** The value as compared: negated for a minimum (exact; TA-Lib's {@code <=} becomes {@code >=}), −∞ if missing. */
    private double key(double x) {
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
        if (next == 0 || v > prefixValue) { // on ties the older prefix extreme stays
            prefixValue = v;
            prefixIndex = s;
        }
        if (++next == window) {
            suffixes(blockValue, suffixValue, suffixIndex, block * window, window, s - window + 1);
            next = 0;
            block = 1 - block;
        }
        if (seq < window) {
            return; // TA-Lib holds nothing before the first full window
        }
        if (heldIndex < seq - window) {
            // The held extreme left (or there is none yet): TA-Lib rescans oldest-first, strict comparison.
            rescan();
        } else if (v >= heldValue) {
            heldValue = v;
            heldIndex = s;
        }
    }

    /** The oldest extreme of the current (full) window. */
    private void rescan() {
        int base = (1 - block) * window;
        if (next == 0) {
            // the window is exactly the block just completed: its suffix from position 0
            heldValue = suffixValue[base];
            heldIndex = suffixIndex[base];
            return;
        }
        double s = suffixValue[base + next];
        if (s >= prefixValue) { // the previous block's part is older: it wins ties
            heldValue = s;
            heldIndex = suffixIndex[base + next];
        } else {
            heldValue = prefixValue;
            heldIndex = prefixIndex;
        }
    }

    /**
     * The suffix maxima of the block just filled, newest to oldest, the older value winning ties. Static for the
     * same reason as in {@link SlidingExtreme}: it keeps {@link #push}'s hot fields free for escape analysis.
     */
    private static void suffixes(double[] bv, double[] sv, long[] si, int base, int window, long first) {
        double m = Double.NEGATIVE_INFINITY;
        long mi = first + window - 1;
        for (int j = window - 1; j >= 0; j--) {
            double v = bv[base + j];
            if (v >= m) {
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
     * The push index (0-based) of the extreme TA-Lib holds. Defined once {@link #isFull()}; names a finite value only
     * while {@link #hasMissing()} is false.
     */
    public long index() {
        return heldIndex;
    }

    /** The held extreme's value; NaN before the window is full or while a missing value is inside it. */
    public double value() {
        if (!isFull() || hasMissing()) {
            return Double.NaN;
        }
        return heldValue * sign;
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
        m.heldValue = heldValue;
        m.heldIndex = heldIndex;
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq <= 1 : "RescanExtreme: more than one push between mark and rewind";
        block = m.block;
        next = m.next;
        seq = m.seq;
        prefixValue = m.prefixValue;
        prefixIndex = m.prefixIndex;
        lastMissing = m.lastMissing;
        heldValue = m.heldValue;
        heldIndex = m.heldIndex;
    }

    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putDouble(sign);
        out.putInt(block);
        out.putInt(next);
        out.putLong(seq);
        out.putDouble(prefixValue);
        out.putLong(prefixIndex);
        out.putLong(lastMissing);
        out.putDouble(heldValue);
        out.putLong(heldIndex);
        out.putDoubles(blockValue);
        out.putDoubles(suffixValue);
        out.putLongs(suffixIndex);
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("window", window);
        in.expectDouble("direction", sign);
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
        heldValue = in.getDouble();
        heldIndex = in.getLong();
        in.getDoubles("block values", blockValue);
        in.getDoubles("suffix values", suffixValue);
        in.getLongs("suffix indices", suffixIndex);
    }

    /** A {@link RescanExtreme} checkpoint. */
    public static final class Mark implements StatePart.Mark {
        int block;
        int next;
        long seq;
        double prefixValue;
        long prefixIndex;
        long lastMissing;
        double heldValue;
        long heldIndex;

        @Override
        public void write(StateWriter out) {
            out.putInt(block);
            out.putInt(next);
            out.putLong(seq);
            out.putDouble(prefixValue);
            out.putLong(prefixIndex);
            out.putLong(lastMissing);
            out.putDouble(heldValue);
            out.putLong(heldIndex);
        }

        @Override
        public void read(StateReader in) {
            block = in.getInt();
            next = in.getInt();
            seq = in.getLong();
            prefixValue = in.getDouble();
            prefixIndex = in.getLong();
            lastMissing = in.getLong();
            heldValue = in.getDouble();
            heldIndex = in.getLong();
        }
    }
}
