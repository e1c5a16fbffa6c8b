package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Running sum of every valid value so far (laakhay-ta {@code cumsum}, pandas {@code Series.cumsum}), summed in input
 * order — and the building block of every cumulative kernel (obv, ad, vwap).
 *
 * <p>A sum over all history cannot forget, so "exact" means: the output is the exact sum of the history, rounded
 * once, to a relative error that does not grow with the length of the stream. The sum is kept as two doubles, the
 * running total and the exact rounding error of every addition (TwoSum's error, by Fast2Sum), and the output is
 * their sum. A plain running total's error grows with the square root of the number of additions (by a million
 * updates its last few digits are noise); this one's stays at one rounding. Integer-valued inputs (share volumes)
 * sum exactly either way.
 *
 * <p>Recursive state (docs/spec.md §5.2): a missing input outputs NaN and leaves the sum unchanged, so the next valid
 * bar continues from the carried sum (pandas' {@code skipna} behaves the same). A bar whose addition would overflow
 * is treated the same way — NaN, sum unchanged — so one extreme value cannot end the stream with an infinite sum.
 */
@Kernel(
        name = "cumsum",
        aliases = "cumulative_sum",
        family = Family.MATH,
        summary = "Running sum of x, skipping missing values.",
        reference = "laakhay-ta cumsum; R base cumsum",
        scale = Scale.PRICE)
public final class CumSum {
    double sum;
    /** The exact rounding errors of every addition so far, summed. */
    double error;

    public CumSum() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        double s = next(x);
        // Non-finite exactly when x is missing or the sum overflows; either way the bar is skipped.
        if (!Double.isFinite(s)) {
            return Double.NaN;
        }
        return add(x, s);
    }

    /**
     * The running total with x added, rounded, and nothing changed yet: not finite when x is missing or the sum would
     * overflow. For a kernel that keeps several sums and must add a bar to all of them or to none (vwap).
     */
    public double next(double x) {
        return sum + x;
    }

    /** Adds x, given {@link #next}'s running total s; returns the exact sum of the history, rounded once. */
    public double add(double x, double s) {
        double a = sum;
        // The exact rounding error of a + x: Dekker's Fast2Sum with the larger operand first, the same error as
        // TwoSum's, bit for bit, in two subtractions and a comparison where TwoSum takes five operations. The
        // comparison goes the same way on nearly every bar: a running total is larger than its next term.
        error += Math.abs(a) >= Math.abs(x) ? x - (s - a) : a - (s - x);
        sum = s;
        return s + error;
    }

    /** The exact sum of the history so far, rounded once: what {@link #add} last returned, 0 before any. */
    public double total() {
        return sum + error;
    }

    /** Starts the sum again at 0: the first bar of a new period, for a kernel that sums by periods (anchored_vwap). */
    public void clear() {
        sum = 0.0;
        error = 0.0;
    }
}
