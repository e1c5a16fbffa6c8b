package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * The sum of the last {@code window} pushed values (missing ones count as 0; see {@link #hasMissing()}), kept so that
 * it cannot drift, in O(1) time per push: the window is the newer part of the previous block plus the current block
 * ({@link BlockWindow}), and its sum is the previous block's total minus the running sum of its values that have left
 * the window, plus the current block's running sum.
 *
 * <p>Why two running sums: the value a push pushes out is the previous block's value at the push's position, so the
 * part of the previous block that has left is one more addition per push, done in the order that block was summed in
 * — it equals that block's running sum up to the window bit for bit. A completed block needs no pass (the suffix sums
 * the other block windows compute when a block completes cost rolling_sum's batch twice a running total's time), and
 * no push stores a sum (storing each running sum, to read it back a window later, cost its batch half as much again).
 * Both sums hold only values of the last two blocks, so the error is the rounding of adding at most {@code 2·window}
 * values of the last two windows, however long the stream, and an outlier's residue is gone once the block after its
 * own completes: at most one window after it left (as {@link AnchoredSum}'s). Unlike a running total, the sum of
 * non-negative values is never below 0 (a running sum of them never decreases, so the total is at least any part of
 * it summed in the same order), and a window of zeros sums to exactly 0 (adding 0 leaves a sum as it was). Contract:
 * at most one push per kernel step.
 *
 * <p>Snapshots hold the previous block's values from its first on (up to {@code 2·window − 2} values), since the
 * sums depend on them; every sum is recomputed on restore by the operations a push uses.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowSum extends BlockWindow {
    /** The current block's running sum. */
    private double prefix;
    /** The running sum of the previous block's values that have left the window since this block began. */
    private double left;
    /** The previous block's total. */
    private double total;

    /** A window of {@code window} values (at least 1). */
    public WindowSum(int window) {
        super(window, 1, 1); // one slot per position, the value: the previous block's is the value leaving
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        int j = next;
        int c = at;
        double[] v = slots;
        if (c + j == v.length) {
            v = growSlots(); // a long window's first block filling, or its first turn
        }
        v[c + j] = x;
        double p = prefix;
        if (finite(x)) {
            p += x;
        } else {
            // Missing: written here, not called (BlockWindow#missingBefore says why).
            missingBefore2 = missingBefore;
            missingBefore = lastMissing;
            lastMissing = seq;
        }
        double o = v[olderAt + j];
        double q = left;
        if (finite(o)) {
            q += o;
        }
        seq++;
        if (j + 1 != window) {
            prefix = p;
            left = q;
            next = j + 1;
        } else {
            // The block turn, written out: C2 leaves a call at a site this rare out of line, and the part (and the
            // kernel holding it) would escape into it and keep its fields in memory across the loop.
            total = p;
            prefix = 0.0;
            left = 0.0;
            next = 0;
            // The block that has just left the window takes the next block's values.
            block ^= 1;
            olderAt = c;
            at = window - c;
        }
    }

    /** The sum of the finite values in the window. Requires {@link #isFull()}. */
    public double sum() {
        return (total - left) + prefix;
    }

    /**
     * The oldest value in the window, as pushed (a missing one as it was): the one the next push takes out. The
     * window is the previous block from the current block's next position on, and the current block before it, so
     * the oldest is the previous block's value at that position (right after a turn, the first of the block just
     * completed). Requires {@link #isFull()}.
     */
    public double oldest() {
        return slots[olderAt + next];
    }

    /** Block {@code b}'s total from its values: a snapshot's read, a window of one's rewind. */
    @Override
    void fold(int b) {
        total = runningSum(slots, b * window, window);
    }

    /** The sum of the finite values among {@code v[from, from + n)}, added in push order, as a push adds them. */
    private static double runningSum(double[] v, int from, int n) {
        double acc = 0.0;
        for (int i = from; i < from + n; i++) {
            double a = v[i];
            if (finite(a)) {
                acc += a; // as a push adds: a missing value leaves even a −0 sum as it was
            }
        }
        return acc;
    }

    /** A new part's or a snapshot's current block: the running sums restart, the other block (if any) is older. */
    @Override
    void open() {
        prefix = 0.0;
        left = 0.0;
        slotOffsets();
    }

    @Override
    void refold() {
        prefix = runningSum(slots, at, next);
        left = runningSum(slots, olderAt, next);
    }

    @Override
    void save(Mark into) {
        into.s0 = prefix;
        into.s1 = total;
        into.s2 = left;
    }

    @Override
    void load(Mark from) {
        prefix = from.s0;
        total = from.s1;
        left = from.s2;
        // A rewind may cross a turn, back into the first block too.
        slotOffsets();
    }
}
