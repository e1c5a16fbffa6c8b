package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * Mean and centred second moment {@code M2 = Σ(x − mean)²} of the last {@code window} pushed values, exact in the
 * sense of {@link BlockWindow}: never updated by subtraction, so they cannot drift or keep an outlier's residue.
 *
 * <p>Why centred: {@code Σx² − (Σx)²/n} cancels catastrophically for prices far from zero (a walk near 1e6 with
 * steps of 0.01 has a variance 1e16 times smaller than {@code Σx²}). Each block's sums are taken of {@code x − K}
 * with {@code K} one of the block's own values that is inside every window the sums serve (the first value of the
 * current block, the newest of the previous one); the two are combined exactly around the current {@code K}. With
 * {@code K} inside the window, the cancellation in {@code M2 = S2 − S1²/n} is bounded by the window's own spread,
 * so the relative error of M2 is a few {@code n} ulps at any price level.
 *
 * <p>Zero: a constant window gives exactly 0. An {@code M2} below the rounding bound of its own computation
 * ({@code 4(n + 2)·2⁻⁵³·Σ(x − K)²}) is reported as 0 — a relative test on the scale of the data in the window, never
 * an absolute epsilon, so a window of prices near 1e-6 keeps its real variance. Contract: at most one push per step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowMoments extends BlockWindow {
    private final double zero;
    private double[] first0;
    private double[] first1;
    private double[] second0;
    private double[] second1;
    private final double[] shifts = new double[2];
    private double[] previousFirst;
    private double[] previousSecond;
    private double previousShift;
    // Prefix: the current block's shift (NaN until its first finite value) and its sums of d and d².
    private double shift = Double.NaN;
    private double p1;
    private double p2;
    // The last compute(): Σ(x − s), Σ(x − s)² over the window, and s.
    private double sum1;
    private double sum2;
    private double centre;

    /** A window of {@code window} values (at least 1). */
    public WindowMoments(int window) {
        super(window, false);
        this.zero = 4.0 * (window + 2) * 0x1p-53;
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
            double k = shift;
            if (k != k) {
                shift = k = x;
            }
            double d = x - k;
            p1 += d;
            p2 += d * d;
        } else {
            pushedMissing();
        }
        seq++;
        if (j + 1 == window) {
            turn();
        } else {
            next = j + 1;
        }
    }

    /**
     * Combines the previous block's suffix with the current prefix; {@link #mean()}, {@link #m2()} and
     * {@link #variance()} read the result. Requires {@link #isFull()}; meaningful without {@link #hasMissing()}.
     */
    public void compute() {
        int j = next;
        double s1 = previousFirst[j];
        double s2 = previousSecond[j];
        double kp = previousShift;
        if (j == 0) {
            sum1 = s1;
            sum2 = s2;
            centre = kp;
            return;
        }
        double kb = shift;
        double a = window - j;
        double d = kp - kb;
        sum1 = s1 + a * d + p1;
        sum2 = s2 + d * (2.0 * s1 + a * d) + p2;
        centre = kb;
    }

    /** The window's mean, from the last {@link #compute()}. */
    public double mean() {
        return centre + sum1 / window;
    }

    /** {@code Σ(x − mean)²} over the window, from the last {@link #compute()}; 0 when below its rounding bound. */
    public double m2() {
        double s1 = sum1;
        double s2 = sum2;
        double m = s2 - s1 * s1 / window;
        return m <= zero * s2 ? 0.0 : m;
    }

    /** The population variance {@code M2/n}, from the last {@link #compute()}. */
    public double variance() {
        return m2() / window;
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
        shift = Double.NaN;
        p1 = 0.0;
        p2 = 0.0;
        select();
    }

    @Override
    void refold() {
        for (int i = 0; i < next; i++) {
            double x = xs[i];
            if (finite(x)) {
                double k = shift;
                if (k != k) {
                    shift = k = x;
                }
                double d = x - k;
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
        into.s0 = shift;
        into.s1 = p1;
        into.s2 = p2;
    }

    @Override
    void load(Mark from) {
        shift = from.s0;
        p1 = from.s1;
        p2 = from.s2;
        select();
    }
}
