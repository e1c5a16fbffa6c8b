package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * The sums of two series over the same last {@code window} pushes, for kernels that divide one window sum by another
 * (cmf's money flow by its volume). One part where two {@link WindowSum}s would each count pushes, track missing
 * values, turn blocks and take a checkpoint: a stream's update stores half the bookkeeping. Each sum is the previous
 * block's total minus its running sum up to the window, plus the current block's running sum, so it cannot drift
 * and an outlier's residue is gone at most one window after it left (see {@link WindowSum}).
 *
 * <p>Unlike {@link WindowSum}, each push stores the running sums of the pairs before it, and the window reads the
 * previous block's back: adding up the leaving pair instead (two more loads and finite tests per push, no store) made
 * cmf and mfi no faster and ultosc and vwma 1.1× slower, where it made rolling_sum's batch a third faster.
 *
 * <p>A pair is missing when either value is non-finite: it adds to neither sum, and {@link #hasMissing()} is true while
 * it is inside the window.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowSumPair extends BlockWindow {
    /** Slots per position: the pair, then the running sums of the block's pairs before it. */
    private static final int STRIDE = 4;
    private double prefixX;
    private double prefixY;
    private double totalX;
    private double totalY;

    /** A window of {@code window} pairs (at least 1). */
    public WindowSumPair(int window) {
        super(window, 2, STRIDE);
    }

    /** Adds the next pair; the pair {@code window} pushes back leaves. */
    public void push(double x, double y) {
        int j = next;
        int c = at;
        int i = c + STRIDE * j;
        double[] d = slots;
        if (i == d.length) {
            d = growSlots(); // a long window's first block filling, or its first turn
        }
        double px = prefixX;
        double py = prefixY;
        d[i] = x;
        d[i + 1] = y;
        d[i + 2] = px;
        d[i + 3] = py;
        if (finite(x) && finite(y)) {
            px += x;
            py += y;
        } else {
            // Missing: written here, not called (BlockWindow#missingBefore says why).
            missingBefore2 = missingBefore;
            missingBefore = lastMissing;
            lastMissing = seq;
        }
        seq++;
        if (j + 1 != window) {
            prefixX = px;
            prefixY = py;
            next = j + 1;
        } else {
            // The block turn written out, as in WindowSum.
            totalX = px;
            totalY = py;
            prefixX = 0.0;
            prefixY = 0.0;
            next = 0;
            block ^= 1;
            olderAt = c;
            at = STRIDE * window - c;
        }
    }

    /** The sum of the first series over the window's complete pairs. Requires {@link #isFull()}. */
    public double sumX() {
        return (totalX - slots[olderAt + STRIDE * next + 2]) + prefixX;
    }

    /** The sum of the second series over the window's complete pairs. Requires {@link #isFull()}. */
    public double sumY() {
        return (totalY - slots[olderAt + STRIDE * next + 3]) + prefixY;
    }

    /**
     * Block {@code b}'s running sums and totals from its pairs: a snapshot's read and a window of one's rewind, which
     * both set the current block's prefix afterwards, so it serves here as the accumulator.
     */
    @Override
    void fold(int b) {
        sumFrom(STRIDE * b * window, window);
        totalX = prefixX;
        totalY = prefixY;
    }

    /**
     * The running sums of the {@code n} pairs from slot {@code from}, from 0 and added as a push adds them, stored as a
     * push stores them; the sums of all {@code n} are left in the prefix.
     */
    private void sumFrom(int from, int n) {
        double[] d = slots;
        double ax = 0.0;
        double ay = 0.0;
        for (int i = from; i < from + STRIDE * n; i += STRIDE) {
            d[i + 2] = ax;
            d[i + 3] = ay;
            double x = d[i];
            double y = d[i + 1];
            if (finite(x) && finite(y)) {
                ax += x;
                ay += y;
            }
        }
        prefixX = ax;
        prefixY = ay;
    }

    /** A new part's or a snapshot's current block: the running sums restart, the other block (if any) is older. */
    @Override
    void open() {
        prefixX = 0.0;
        prefixY = 0.0;
        slotOffsets();
    }

    /** The current block's prefix, from its first pair (a snapshot's read opens the block first). */
    @Override
    void refold() {
        sumFrom(at, next);
    }

    @Override
    void save(Mark into) {
        into.s0 = prefixX;
        into.s1 = prefixY;
        into.s2 = totalX;
        into.s3 = totalY;
    }

    @Override
    void load(Mark from) {
        prefixX = from.s0;
        prefixY = from.s1;
        totalX = from.s2;
        totalY = from.s3;
        // A rewind may cross a turn, back into the first block too.
        slotOffsets();
    }
}
