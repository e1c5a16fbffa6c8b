package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StateReader;

/**
 * The exact sum of the last {@code window} pushed values (missing ones count as 0; see {@link #hasMissing()}), in
 * O(1) time per push, worst case, and without ever subtracting a value that leaves. It cannot drift and forgets an
 * outlier completely once the outlier has left the window. Contract: at most one push per kernel step.
 *
 * <p>How: pushes are cut into blocks of {@code h = ⌊window/2⌋}, so the window is a suffix of block {@code b−2}, all of
 * block {@code b−1} and a prefix of the current block {@code b}: {@code sum = suffix(b−2)[i] + total(b−1) +
 * prefix(b)}. The prefix is a running sum from the block's start. Block {@code b−2}'s suffix sums were computed during
 * block {@code b−1}, one entry per push, newest to oldest. {@link BlockWindow}'s other parts compute a whole block's
 * suffixes at once when it ends; here every push does the same small, loop-free work, so a batch loop inlines all of
 * it and C2 keeps the part in registers. (The turn of the whole-block form is a call too rare to inline; it takes the
 * part, so the part escaped to the heap and sma ran at 2.5–3.5× TA-Lib's time. A stream also no longer pays
 * O(window) on every {@code window}-th update.)
 *
 * <p>Value buffers and suffix buffers rotate with the block number, four of each (eight for a window of 3, whose
 * blocks hold one value): enough that the two pushes a stream makes past its checkpoint (the update and a preview)
 * overwrite nothing the checkpoint's window still holds, so marks and rewinds are O(1). Results depend
 * only on the push count and the values, so batch and stream agree bit for bit. The first block's buffer grows
 * geometrically and the others are allocated when it is full (memory O(min(window, pushes))). Snapshots are
 * {@link BlockWindow}'s: the push count and the window's values, from which every sum is recomputed.
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.LINEAR)
public final class WindowSum extends BlockWindow {
    private static final int INITIAL_CAPACITY = 16;

    /** Block length, at least 1. */
    private final int h;
    /** {@code sum = ready[filled − 1 + off] + total + prefix}: 1 for an even window, 0 for odd, 2 for a window of 1. */
    private final int off;
    /** Buffer count − 1: the block number's low bits pick its buffers. */
    private final int mask;
    private final double[][] values;
    private final double[][] suffixes;
    // The current block's values; the previous block's values, whose suffix sums this block computes into
    // `building`; the suffix sums of the block before, which the window reads.
    private double[] current;
    private double[] previous;
    private double[] building;
    private double[] ready;
    /** Values in the current block, 1..h once something was pushed (a full block turns on the next push). */
    private int filled;
    /** The current block number's buffer, block & mask. */
    private int slot;
    private double prefix;
    /** The last suffix sum this block computed into {@code building} (0 before the first). */
    private double suffix;
    /** The previous block's sum (0 for a window of 1, which never reaches back). */
    private double total;

    /** A window of {@code window} values (at least 1). */
    public WindowSum(int window) {
        super(window);
        this.h = Math.max(1, window / 2);
        this.off = window == 1 ? 2 : 2 * h - window + 1;
        // A push overwrites the value (mask + 1)·h pushes back, and a checkpoint two pushes back must keep its whole
        // window: (mask + 1)·h > window + 1.
        int buffers = (window + 1) / h < 4 ? 4 : 8;
        this.mask = buffers - 1;
        this.values = new double[buffers][];
        this.suffixes = new double[buffers][];
        // No instance call here: a batch loop's part must not escape from its constructor either.
        if (h > INITIAL_CAPACITY) {
            values[0] = new double[INITIAL_CAPACITY];
        } else {
            allocate(values, suffixes, h);
        }
        current = values[0];
        ready = suffixes[mask - 1]; // block −2's, all zero, as place() would pick
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        int j = filled;
        double[] v = current;
        if (j == v.length) {
            // Written here rather than in a method: a call this rare is not inlined, and the part would escape.
            if (j < h) {
                v = java.util.Arrays.copyOf(v, Math.min(h, 2 * j));
                values[0] = v;
            } else {
                if (values[1] == null) {
                    allocate(values, suffixes, h);
                }
                total = window == 1 ? 0.0 : prefix;
                prefix = 0.0;
                suffix = 0.0;
                j = 0;
                int o = slot;
                int b = (o + 1) & mask;
                slot = b;
                previous = v;
                v = values[b];
                building = suffixes[o];
                ready = suffixes[(o - 1) & mask];
            }
            current = v;
        }
        v[j] = x;
        if (Math.abs(x) <= Double.MAX_VALUE) {
            prefix += x;
        } else {
            lastMissing = seq;
        }
        double[] pv = previous;
        if (pv != null) {
            // The running suffix stays in a register: building[k + 1] read back from memory would put a
            // store-to-load round trip on the loop's critical path.
            int k = h - 1 - j;
            double a = pv[k];
            double acc = suffix + (Math.abs(a) <= Double.MAX_VALUE ? a : 0.0);
            suffix = acc;
            building[k] = acc;
        }
        seq++;
        filled = j + 1;
    }

    /** The sum of the finite values in the window. Requires {@link #isFull()}. */
    public double sum() {
        return ready[filled - 1 + off] + total + prefix;
    }

    @Override
    void save(Mark into) {
        into.s0 = prefix;
        into.s1 = total;
        into.s2 = suffix;
    }

    @Override
    void load(Mark from) {
        prefix = from.s0;
        total = from.s1;
        suffix = from.s2;
    }

    // BlockWindow's whole-block hooks: this layout folds one entry per push (push, restore) and never turns a block.
    @Override
    void fold(int b) {
        throw new AssertionError("WindowSum folds per push");
    }

    @Override
    void open() {
        throw new AssertionError("WindowSum folds per push");
    }

    @Override
    void refold() {
        throw new AssertionError("WindowSum folds per push");
    }

    /** Sets the block position and the buffers' roles from {@link #seq}; the buffers themselves are unchanged. */
    @Override
    void place() {
        long b = seq == 0 ? 0 : (seq - 1) / h;
        filled = seq == 0 ? 0 : (int) ((seq - 1) % h) + 1;
        slot = (int) (b & mask);
        current = values[slot];
        previous = b >= 1 ? values[(int) ((b - 1) & mask)] : null;
        // Block c's suffix sums live in buffer c & mask: block b builds b−1's and reads b−2's.
        building = suffixes[(int) ((b - 1) & mask)];
        ready = suffixes[(int) ((b - 2) & mask)];
    }

    @Override
    double x(long s) {
        return values[(int) ((s / h) & mask)][(int) (s % h)];
    }

    /** Rebuilds every sum by the operations {@code push} uses, so the part continues bit for bit. */
    @Override
    void restore(long s, long from, StateReader in) {
        buffers(s);
        long missing = Long.MIN_VALUE / 2;
        for (long t = from; t < s; t++) {
            double x = in.getDouble();
            values[(int) ((t / h) & mask)][(int) (t % h)] = x;
            if (!(Math.abs(x) <= Double.MAX_VALUE)) {
                missing = t;
            }
        }
        seq = s;
        lastMissing = missing;
        place();
        long b = s == 0 ? 0 : (s - 1) / h;
        // The block before the previous one: its suffix sums from the oldest value still in the window on.
        if (b >= 2) {
            double[] v = values[(int) ((b - 2) & mask)];
            double[] r = ready;
            int lo = (int) Math.max(0, from - (b - 2) * h);
            for (int k = h - 1; k >= lo; k--) {
                r[k] = r[k + 1] + finiteOr0(v[k]);
            }
        }
        // The previous block: its total, and the suffix sums this block has computed so far.
        if (b >= 1) {
            double[] v = previous;
            double p = 0.0;
            for (int k = 0; k < h; k++) {
                if (Math.abs(v[k]) <= Double.MAX_VALUE) {
                    p += v[k];
                }
            }
            total = window == 1 ? 0.0 : p;
            double acc = 0.0;
            for (int k = h - 1; k >= h - filled; k--) {
                acc += finiteOr0(v[k]);
                building[k] = acc;
            }
            suffix = acc;
        } else {
            total = 0.0;
            suffix = 0.0;
        }
        double p = 0.0;
        for (int k = 0; k < filled; k++) {
            if (Math.abs(current[k]) <= Double.MAX_VALUE) {
                p += current[k];
            }
        }
        prefix = p;
    }

    private static double finiteOr0(double a) {
        return Math.abs(a) <= Double.MAX_VALUE ? a : 0.0;
    }

    /** Fresh buffers for {@code pushes} values: the first block's grown as if they had just happened, or all. */
    private void buffers(long pushes) {
        java.util.Arrays.fill(values, null);
        java.util.Arrays.fill(suffixes, null);
        if (pushes <= h && h > INITIAL_CAPACITY) {
            int cap = INITIAL_CAPACITY;
            while (cap < pushes) {
                cap = Math.min(h, cap * 2);
            }
            values[0] = new double[cap];
        } else {
            allocate(values, suffixes, h);
        }
    }

    /**
     * Every buffer at its full size: at construction for a small window, else when the first block is full (static,
     * so that a batch loop's one call here does not make the part escape). Unwritten suffix entries are zero, which is
     * what the blocks before the first contribute; entries h and h+1 stay zero.
     */
    private static void allocate(double[][] values, double[][] suffixes, int h) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].length < h) {
                values[i] = new double[h];
            }
            if (suffixes[i] == null) {
                suffixes[i] = new double[h + 2];
            }
        }
    }
}
