package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * Mean and centred second moment {@code M2 = Σ(x − mean)²} of the last {@code window} pushed values, exact in the
 * sense of {@link BlockWindow}: never updated by subtraction, so they cannot drift or keep an outlier's residue.
 *
 * <p>Why centred: {@code Σx² − (Σx)²/n} cancels catastrophically for prices far from zero (a walk near 1e6 with
 * steps of 0.01 has a variance 1e16 times smaller than {@code Σx²}). Both blocks' sums are taken of {@code x − K}
 * with {@code K} the previous block's newest value, which is inside every window the sums serve: the previous
 * block's suffix sums and the current block's prefix sums then add as they are, with no conversion between centres.
 * (A completed block's suffix sums are taken around its own newest value, which the next block's prefix sums share.)
 * With {@code K} inside the window, the cancellation in {@code M2 = S2 − S1²/n} is bounded by the window's own
 * spread, so the relative error of M2 is a few {@code n} ulps at any price level.
 *
 * <p>Zero: a constant window gives exactly 0. An {@code M2} below the rounding bound of its own computation
 * ({@code 4(n + 2)·2⁻⁵³·Σ(x − K)²}) is reported as 0 — a relative test on the scale of the data in the window, never
 * an absolute epsilon, so a window of prices near 1e-6 keeps its real variance. Squares that sum beyond the largest
 * double leave M2 unknown: NaN, not 0 (docs/contracts.md, "Extreme values"). Contract: at most one push per step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowMoments extends BlockWindow {
    /**
     * Slots per position: the value, then (once its block is complete) the block's suffix sums of {@code d} and
     * {@code d²} from that position on.
     */
    private static final int STRIDE = 3;

    private final double zero;
    /**
     * {@code 1/window}: the divisions by the window are multiplications by it. The divider, which also takes square
     * roots, bounded the moments' readers (bbands divided three times a bar; docs/performance-log.md, "Divisions by the
     * window, and one centre for both blocks"). A product is within an ulp of the quotient, and a constant window's
     * mean and moments stay exact, since its centred sums are exactly 0.
     */
    private final double inverse;
    /**
     * The shift both blocks' sums are taken around: the previous block's newest value, inside every window the
     * current block's prefix serves (missing, it makes the sums NaN while it is inside the window, and only then), so
     * its sums and the previous block's suffix sums add without a conversion. The first block's prefix is taken around
     * 0 and never read: its one full window is read after the block turns, from its suffix sums.
     */
    private double previousShift;
    // Prefix: the current block's sums of d = x − previousShift and d².
    private double p1;
    private double p2;

    /** A window of {@code window} values (at least 1). */
    public WindowMoments(int window) {
        super(window, 1, STRIDE, false);
        this.zero = 4.0 * (window + 2) * 0x1p-53;
        this.inverse = 1.0 / window;
    }

    /**
     * Adds the next value; the value {@code window} pushes back leaves. A push that completes a block folds the
     * block's suffix sums in a loop of its own ({@link #fold} is the same loop, for a rewind or a snapshot's read): a
     * call there, which C2 leaves out of line at a site taken once a block, made the kernel's loop keep its state in
     * memory or on the stack (docs/performance-log.md, "A turn without a call"). It must stay under the 325 bytes of
     * bytecode C2 inlines, and stores no reference, whose barriers would take the push's code over what C2 inlines
     * into a batch loop under G1.
     */
    public void push(double x) {
        int j = next;
        int c = at;
        double[] v = slots;
        int o = c + STRIDE * j;
        if (o == v.length) {
            v = growSlots(); // a long window's first block filling, or its first turn
        }
        v[o] = x;
        if (finite(x)) {
            double d = x - previousShift;
            p1 += d;
            p2 += d * d;
        } else {
            // Missing: written here, not called (BlockWindow#missingBefore says why).
            missingBefore2 = missingBefore;
            missingBefore = lastMissing;
            lastMissing = seq;
        }
        seq++;
        if (j + 1 != window) {
            next = j + 1;
            return;
        }
        // The fold, around the block's newest value. No test for missing values: a sum one spoils (a missing newest
        // value spoils them all) is read only by windows that hold it. It steps by the field, which C2 folds to
        // STRIDE only where the part is scalar-replaced (in a batch loop, where the loop is worth unrolling):
        // compiled on its own, the loop is one copy, not four and a pre- and post-loop, and a step holding two such
        // parts stays nearer what C2 inlines into a batch loop (2,500 bytes of code).
        double a1 = 0.0;
        double a2 = 0.0;
        for (int i = o; i >= c; i -= stride) {
            double d = v[i] - x;
            a1 += d;
            a2 += d * d;
            v[i + 1] = a1;
            v[i + 2] = a2;
        }
        previousShift = x;
        block ^= 1;
        olderAt = c;
        at = STRIDE * window - c;
        next = 0;
        p1 = 0.0;
        p2 = 0.0;
    }

    /**
     * Does nothing: {@link #mean()}, {@link #m2()} and {@link #variance()} read the window as it stands.
     *
     * @deprecated not needed. The readers once read what this stored; storing it cost a stream three stores per
     *     update (docs/performance-log.md, "Moments read where they are").
     */
    @Deprecated(since = "0.1")
    public void compute() {}

    /**
     * {@code Σ(x − c)} over the window, with {@code c} the previous block's shift ({@link #centre()}): the previous
     * block's suffix plus the current prefix, both taken around it (the prefix is 0 when the window is that block).
     */
    private double sum1() {
        return slots[olderAt + STRIDE * next + 1] + p1;
    }

    /** {@code Σ(x − c)²} over the window, as {@link #sum1()}. */
    private double sum2() {
        return slots[olderAt + STRIDE * next + 2] + p2;
    }

    /** The shift both sums are taken around: the previous block's. */
    private double centre() {
        return previousShift;
    }

    /**
     * The window's mean. Requires {@link #isFull()}; meaningful without {@link #hasMissing()}. Each reader reads the
     * window as it stands, not a result stored by an earlier call: a stream's update would store it, and a bar that
     * needs two readers costs C2 the same loads once.
     */
    public double mean() {
        return centre() + sum1() * inverse;
    }

    /**
     * {@code Σ(x − mean)²} over the window; 0 when below its rounding bound, NaN when the squares sum beyond the
     * largest double (values near ±1e155 or more apart). Requires {@link #isFull()}.
     */
    public double m2() {
        double s1 = sum1();
        double s2 = sum2();
        double m = s2 - s1 * (s1 * inverse);
        // An infinite s2 is under any bound: 0·s2 makes it NaN there, where 0 would read as a flat window (a standard
        // deviation of 0 for ticks of 1e200 and −1e200), and is +0 for every finite s2.
        return m <= zero * s2 ? 0.0 * s2 : m;
    }

    /** The population variance {@code M2/n}. Requires {@link #isFull()}. */
    public double variance() {
        return m2() * inverse;
    }

    /**
     * Block {@code b}'s suffix sums, by the loop a push that completes the block runs: newest to oldest, around the
     * block's newest value.
     */
    @Override
    void fold(int b) {
        double[] v = slots;
        int c = STRIDE * window * b;
        double k = v[c + STRIDE * (window - 1)];
        double a1 = 0.0;
        double a2 = 0.0;
        for (int i = c + STRIDE * (window - 1); i >= c; i -= STRIDE) {
            double d = v[i] - k;
            a1 += d;
            a2 += d * d;
            v[i + 1] = a1;
            v[i + 2] = a2;
        }
    }

    @Override
    void open() {
        p1 = 0.0;
        p2 = 0.0;
        select();
    }

    @Override
    void refold() {
        for (int i = at; i < at + STRIDE * next; i += STRIDE) {
            double x = slots[i];
            if (finite(x)) {
                double d = x - previousShift;
                p1 += d;
                p2 += d * d;
            }
        }
    }

    /** The blocks' offsets from the push count and the block number, and the previous block's shift from its values. */
    private void select() {
        slotOffsets();
        // The previous block's shift is its newest value, in every window that reads the block's sums (and kept by
        // a window of one's mark); before the first turn there is none, and the prefix is taken around 0.
        previousShift = seq >= window ? slots[olderAt + STRIDE * (window - 1)] : 0.0;
    }

    @Override
    void save(Mark into) {
        into.s0 = p1;
        into.s1 = p2;
    }

    @Override
    void load(Mark from) {
        p1 = from.s0;
        p2 = from.s1;
        select();
    }
}
