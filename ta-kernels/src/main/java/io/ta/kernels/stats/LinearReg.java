package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowTrend;

/**
 * Least-squares line through the last n values, evaluated at the newest bar, as TA-Lib LINEARREG: with the oldest
 * value at {@code i = 0}, {@code y = b + m·i} fitted over {@code i = 0..n−1}, output {@code b + m·(n−1)}.
 *
 * <p>This is the one least-squares core of the family: {@link LinearRegIntercept} ({@code b}), {@link Tsf}
 * ({@code b + m·n}), {@link LinearRegSlope} ({@code m}) and {@link LinearRegAngle} ({@code atan(m)} in degrees) hold a
 * {@code LinearReg}, call its step and read {@link #slope} and {@link #intercept}.
 *
 * <p>TA-Lib's {@code m = (n·ΣiY − Σi·ΣY)/(n·Σi² − (Σi)²)} is the co-moment of position and value over the positions'
 * own second moment, {@code m = Σ(i − ī)(y − ȳ) / (n(n²−1)/12)}, and {@code b = ȳ − m·ī}. TA-Lib rescans the window
 * for its sums every bar (O(n)) and, far from zero, loses the slope to cancellation; here the co-moment and mean come
 * from the centred, exact window sums of {@link WindowTrend} — O(1) amortized, no drift, no outlier residue, and the
 * slope keeps its precision at any price level. Results match TA-Lib within a few ulps of the prices on clean data.
 * TA-Lib computes {@code Σi²} in 32-bit int arithmetic, which overflows for n > 1024; here it is exact for every n.
 *
 * <p>Missing values make the output NaN while they are inside the window; after they leave it is exact again.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "linearreg",
        family = Family.STATISTIC,
        summary = "Least-squares line over the last period values, evaluated at the newest bar.",
        reference = "TA-Lib LINEARREG",
        scale = Scale.PRICE)
public final class LinearReg {
    final int period;
    final double centre;
    final double positionMoment;
    final WindowTrend window;
    /** {@code m} of the last step; NaN when it had no valid fit. Read by the sibling kernels. */
    double slope;
    /** {@code b} of the last step (the line's value at the oldest bar); NaN when it had no valid fit. */
    double intercept;

    public LinearReg(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.period = period;
        this.centre = (period - 1) * 0.5;
        this.positionMoment = (double) period * ((double) period * period - 1.0) / 12.0;
        this.window = new WindowTrend(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        WindowTrend w = window;
        w.push(x);
        if (!w.isFull() || w.hasMissing()) {
            slope = Double.NaN;
            intercept = Double.NaN;
            return Double.NaN;
        }
        w.compute();
        double m = w.comoment() / positionMoment;
        double b = w.mean() - m * centre;
        slope = m;
        intercept = b;
        return b + m * (period - 1);
    }
}
