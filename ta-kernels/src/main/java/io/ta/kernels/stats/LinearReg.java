package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * Least-squares line through the last n values, evaluated at the newest bar, as TA-Lib LINEARREG: with the oldest
 * value at {@code i = 0}, {@code y = b + m·i} fitted over {@code i = 0..n−1}, output {@code b + m·(n−1)}.
 *
 * <p>This is the one least-squares core of the family: {@link LinearRegIntercept} ({@code b}), {@link Tsf}
 * ({@code b + m·n}), {@link LinearRegSlope} ({@code m}) and {@link LinearRegAngle} ({@code atan(m)} in degrees) hold a
 * {@code LinearReg}, call its step and read {@link #slope} and {@link #intercept}.
 *
 * <p>TA-Lib's formulas and operation order, with x counted in bars ago: {@code SumX = n(n−1)/2},
 * {@code SumXSqr = n(n−1)(2n−1)/6}, {@code Divisor = SumX² − n·SumXSqr}, {@code m = (n·SumXY − SumX·SumY)/Divisor},
 * {@code b = (SumY − m·SumX)/n}. TA-Lib rescans the window for {@code SumY} and {@code SumXY} on every bar (O(n) per
 * bar). Here both are kept in O(1) with the sliding identity ({@code SumXY += SumY − n·leaving}, every retained value
 * one bar older), and recomputed exactly — TA-Lib's rescan, oldest first — on the first full window and then every n
 * bars, so rounding drift cannot build up (the identity alone would integrate {@code SumY}'s residue forever). Cost:
 * O(1) amortized. On rescan bars the result equals TA-Lib bit for bit; in between it differs by a few ulps of the
 * sums (the goldens stay within 2e-11 relative of TA-Lib). Deliberate difference: TA-Lib computes {@code SumXSqr}
 * in 32-bit int arithmetic, which overflows for n > 1024; here it is exact for every n.
 *
 * <p>Missing values count as 0 in the sums and make the output NaN while they are inside the window; after they
 * leave the sums are exact again.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "linearreg",
        family = Family.STATISTIC,
        summary = "Least-squares line over the last period values, evaluated at the newest bar.",
        reference = "TA-Lib LINEARREG")
public final class LinearReg {
    final int period;
    final double sumX;
    final double divisor;
    final DoubleRing window;
    double sumY;
    double sumXY;
    int missing;
    int sinceRescan;
    /** {@code m} of the last step; NaN when it had no valid fit. Read by the sibling kernels. */
    double slope;
    /** {@code b} of the last step (the line's value at the oldest bar); NaN when it had no valid fit. */
    double intercept;

    public LinearReg(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.period = period;
        this.sumX = (double) period * (period - 1) * 0.5;
        double sumXSqr = (double) ((long) period * (period - 1) * (2L * period - 1) / 6);
        this.divisor = sumX * sumX - period * sumXSqr;
        this.window = new DoubleRing(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        boolean full = window.isFull();
        double left = window.push(x);
        boolean finite = Math.abs(x) <= Double.MAX_VALUE;
        if (!finite) {
            missing++;
        }
        double leaving = 0.0;
        if (full) {
            if (Math.abs(left) <= Double.MAX_VALUE) {
                leaving = left;
            } else {
                missing--;
            }
        }
        slope = Double.NaN;
        intercept = Double.NaN;
        if (!window.isFull()) {
            return Double.NaN;
        }
        if (!full || ++sinceRescan == period) {
            rescan();
        } else {
            sumXY = sumXY + sumY - period * leaving;
            sumY = sumY - leaving + (finite ? x : 0.0);
        }
        if (missing > 0) {
            return Double.NaN;
        }
        double m = (period * sumXY - sumX * sumY) / divisor;
        double b = (sumY - m * sumX) / period;
        slope = m;
        intercept = b;
        return b + m * (period - 1);
    }

    /** TA-Lib's per-bar sums, oldest value first, weight = bars ago; missing cells add nothing. */
    private void rescan() {
        double sy = 0.0;
        double sxy = 0.0;
        for (int ago = period - 1; ago >= 0; ago--) {
            double v = window.get(ago);
            if (Math.abs(v) <= Double.MAX_VALUE) {
                sy += v;
                sxy += ago * v;
            }
        }
        sumY = sy;
        sumXY = sxy;
        sinceRescan = 0;
    }
}
