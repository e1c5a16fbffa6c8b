package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import java.util.Arrays;

/**
 * The sum of the last {@code window} pushed values (missing ones count as 0; see {@link #hasMissing()}), kept so that
 * it cannot drift, in O(1) time per push: the window is the newer part of the previous block plus the current block
 * ({@link BlockWindow}), and its sum is the previous block's total minus its prefix up to the window, plus the current
 * block's running sum.
 *
 * <p>Why prefixes: every push stores the current block's running sum, so the previous block's part of the window is
 * one subtraction of two sums of that block alone, and a completed block needs no pass (the suffix sums the other
 * block windows compute when a block completes cost rolling_sum's batch twice a running total's time). Both sums hold
 * only values of the last two blocks, so the error is the rounding of adding at most {@code 2·window} values of the
 * last two windows, however long the stream, and an outlier's residue is gone once the block after its own completes:
 * at most one window after it left (as {@link AnchoredSum}'s). Unlike a running total, the sum of non-negative values
 * is never below 0 (a running sum of them never decreases, so the total is at least any of its prefixes), and a window
 * of zeros sums to exactly 0 (adding 0 leaves a prefix as it was). Contract: at most one push per kernel step.
 *
 * <p>Snapshots hold the previous block's values from its first on (up to {@code 2·window − 2} values), since the
 * sums depend on them; every sum is recomputed on restore by the operations a push uses.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowSum extends BlockWindow {
    /** Running sums of block 0 and block 1: slot {@code k} holds the sum of the block's first {@code k} values. */
    private double[] prefixes0;
    private double[] prefixes1;
    /** The current block's running sums, and the previous block's. */
    private double[] current;
    private double[] previous;
    /** The current block's running sum. */
    private double prefix;
    /** The previous block's total: the last of its running sums. */
    private double total;

    /** A window of {@code window} values (at least 1). */
    public WindowSum(int window) {
        super(window, false);
        // The second block from the start (BlockWindow's secondBlock() and open(), written out: a batch builds its
        // kernel once, and C2 leaves a call made once out of line, with the part escaping into it for the loop).
        prefixes0 = current = new double[x0.length + 1];
        if (x0.length == window) {
            x1 = new double[window];
            prefixes1 = new double[window + 1];
        }
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        int j = next;
        if (j == xs.length) {
            growBlock();
        }
        xs[j] = x;
        double p = prefix;
        if (finite(x)) {
            p += x;
        } else {
            pushedMissing();
        }
        double[] c = current;
        c[j + 1] = p;
        seq++;
        if (j + 1 != window) {
            prefix = p;
            next = j + 1;
        } else {
            // The block turn, written out: C2 leaves a call at a site this rare out of line, and the part (and the
            // kernel holding it) would escape into it and keep its fields in memory across the loop.
            total = p;
            prefix = 0.0;
            next = 0;
            int b = block ^ 1;
            block = b;
            xs = b == 0 ? x0 : x1;
            previous = c;
            current = b == 0 ? prefixes0 : prefixes1;
        }
    }

    /**
     * Makes room in the first block (a long window's, or a restored part's) and in its running sums, and gives the
     * second block, once {@link BlockWindow} has allocated it, its running sums too: no turn allocates.
     */
    private void growBlock() {
        grow();
        prefixes0 = current = Arrays.copyOf(current, xs.length + 1);
        if (x1 != null) {
            prefixes(1);
        }
    }

    /** The sum of the finite values in the window. Requires {@link #isFull()}. */
    public double sum() {
        return (total - previous[next]) + prefix;
    }

    /** Block {@code b}'s running sums and total from its values: a snapshot's read, a window of one's rewind. */
    @Override
    void fold(int b) {
        double[] v = b == 0 ? x0 : x1;
        double[] s = prefixes(b);
        double acc = 0.0;
        for (int i = 0; i < window; i++) {
            double a = v[i];
            if (finite(a)) {
                acc += a; // as a push adds: a missing value leaves even a −0 sum as it was
            }
            s[i + 1] = acc;
        }
        total = acc;
    }

    /** Block {@code b}'s running sums, allocated (as long as its value buffer, plus one) on first use. */
    private double[] prefixes(int b) {
        if (b == 0) {
            return prefixes0 = ofLength(prefixes0, x0.length + 1);
        }
        return prefixes1 = ofLength(prefixes1, x1.length + 1);
    }

    /** A new part's or a snapshot's first block: the running sums sized to the buffers, and selected. */
    @Override
    void open() {
        prefix = 0.0;
        current = prefixes(block);
        previous = x1 == null ? null : prefixes(block ^ 1);
    }

    @Override
    void refold() {
        double p = prefix;
        double[] c = current;
        for (int i = 0; i < next; i++) {
            double a = xs[i];
            if (finite(a)) {
                p += a;
            }
            c[i + 1] = p;
        }
        prefix = p;
    }

    @Override
    void save(Mark into) {
        into.s0 = prefix;
        into.s1 = total;
    }

    @Override
    void load(Mark from) {
        prefix = from.s0;
        total = from.s1;
        // A rewind may cross a turn; the arrays keep their sizes.
        current = block == 0 ? prefixes0 : prefixes1;
        previous = block == 0 ? prefixes1 : prefixes0;
    }

    /**
     * The previous block's first push, or the current block's when the next push completes it and the previous block
     * is never read again (two pushes past a checkpoint, an update and a preview, may then have written over it).
     */
    @Override
    long oldestKept(long pushes) {
        return keptFrom(pushes, window);
    }

    static long keptFrom(long pushes, int window) {
        long k = pushes % window;
        return k == window - 1 || pushes < window ? pushes - k : pushes - k - window;
    }
}
