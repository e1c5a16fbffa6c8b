package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * Mean and centred second moment {@code M2 = Σ(x − mean)²} of the last {@code window} pushed values, exact in the
 * sense of {@link BlockWindow}: never updated by subtraction, so they cannot drift or keep an outlier's residue.
 *
 * <p>Why centred: {@code Σx² − (Σx)²/n} cancels catastrophically for prices far from zero (a walk near 1e6 with
 * steps of 0.01 has a variance 1e16 times smaller than {@code Σx²}). Both blocks' sums are taken of {@code x − K}
 * with {@code K} the previous block's newest finite value, which is inside every window the sums serve: the previous
 * block's suffix sums and the current block's prefix sums then add as they are, with no conversion between centres.
 * (A completed block's suffix sums are taken around its own newest value, which the next block's prefix sums share.)
 * With {@code K} inside the window, the cancellation in {@code M2 = S2 − S1²/n} is bounded by the window's own
 * spread, so the relative error of M2 is a few {@code n} ulps at any price level.
 *
 * <p>Zero: a constant window gives exactly 0. An {@code M2} below the rounding bound of its own computation
 * ({@code 4(n + 2)·2⁻⁵³·Σ(x − K)²}) is reported as 0 — a relative test on the scale of the data in the window, never
 * an absolute epsilon, so a window of prices near 1e-6 keeps its real variance. Contract: at most one push per step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowMoments extends BlockWindow {
    private final double zero;
    /**
     * {@code 1/window}: the divisions by the window are multiplications by it. The divider, which also takes square
     * roots, bounded the moments' readers (bbands divided three times a bar; docs/performance-log.md, "Divisions by the
     * window, and one centre for both blocks"). A product is within an ulp of the quotient, and a constant window's
     * mean and moments stay exact, since its centred sums are exactly 0.
     */
    private final double inverse;
    private double[] first0;
    private double[] first1;
    private double[] second0;
    private double[] second1;
    private final double[] shifts = new double[2];
    private double[] previousFirst;
    private double[] previousSecond;
    /**
     * The shift both blocks' sums are taken around: the previous block's newest finite value, inside every window the
     * current block's prefix serves, so its sums and the previous block's suffix sums add without a conversion. The
     * first block's prefix is taken around 0 and never read: its one full window is read after the block turns, from
     * its suffix sums.
     */
    private double previousShift;
    // Prefix: the current block's sums of d = x − previousShift and d².
    private double p1;
    private double p2;

    /** A window of {@code window} values (at least 1). */
    public WindowMoments(int window) {
        super(window, 1);
        this.zero = 4.0 * (window + 2) * 0x1p-53;
        this.inverse = 1.0 / window;
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        int j = next;
        double[] v = xs;
        if (j == v.length) {
            grow();
            v = xs;
        }
        v[j] = x;
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
        advance(j);
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
        return previousFirst[next] + p1;
    }

    /** {@code Σ(x − c)²} over the window, as {@link #sum1()}. */
    private double sum2() {
        return previousSecond[next] + p2;
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

    /** {@code Σ(x − mean)²} over the window; 0 when below its rounding bound. Requires {@link #isFull()}. */
    public double m2() {
        double s1 = sum1();
        double s2 = sum2();
        double m = s2 - s1 * (s1 * inverse);
        return m <= zero * s2 ? 0.0 : m;
    }

    /** The population variance {@code M2/n}. Requires {@link #isFull()}. */
    public double variance() {
        return m2() * inverse;
    }

    @Override
    void fold(int b) {
        double[] v = b == 0 ? x0 : x1;
        if (b == 0 && first0 == null) {
            first0 = new double[window + 1];
            second0 = new double[window + 1];
        } else if (b == 1 && first1 == null) {
            first1 = new double[window + 1];
            second1 = new double[window + 1];
        }
        double[] f = b == 0 ? first0 : first1;
        double[] s = b == 0 ? second0 : second1;
        double k = 0.0;
        for (int i = window - 1; i >= 0; i--) {
            if (finite(v[i])) {
                k = v[i];
                break;
            }
        }
        shifts[b] = k;
        double a1 = 0.0;
        double a2 = 0.0;
        for (int i = window - 1; i >= 0; i--) {
            double x = v[i];
            double d = finite(x) ? x - k : 0.0;
            a1 += d;
            a2 += d * d;
            f[i] = a1;
            s[i] = a2;
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
        for (int i = 0; i < next; i++) {
            double x = xs[i];
            if (finite(x)) {
                double d = x - previousShift;
                p1 += d;
                p2 += d * d;
            }
        }
    }

    private void select() {
        int p = block ^ 1;
        previousFirst = p == 0 ? first0 : first1;
        previousSecond = p == 0 ? second0 : second1;
        previousShift = shifts[p];
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
