package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Coefficient of determination of the least-squares line through the last n values (the {@link LinearReg} fit): the
 * share of the window's variance the straight line explains, {@code r² = m²·Sₜₜ/Sₓₓ} with m the fitted slope, {@code
 * Sₜₜ = n(n² − 1)/12} the spread of the bar positions and {@code Sₓₓ = n·var(x)} (var: the population {@link
 * RollingVar}), so {@code r² = m²·(n² − 1)/(12·var)} — the square of the correlation between x and time (R TTR
 * {@code runCor(x, 1:N, n)^2}). Clamped to [0, 1] against rounding. The variance comes from exact window sums centred
 * on a value of the window, like the slope's: a running mean's rounding (a few ulps of the price level) would be
 * 1e-11 of the spread of a window whose spread is 1e-5 of its level, and r² would show it.
 *
 * <p>A flat window (zero variance, exactly) gives 0. Both sums are exact to the rounding of the window's own range,
 * whatever its distance from zero, so a window with a tiny spread against its level reads what the same window near
 * zero reads (an earlier rule gave 0 below a deviation of 1e-10 of the level). NaN while a missing value is inside
 * the window.
 */
@Chart(pane = Chart.Pane.OWN, min = 0, max = 1)
@Kernel(
        name = "rsquared",
        aliases = "r_squared",
        family = Family.STATISTIC,
        scale = Scale.UNITLESS,
        summary = "R-squared of the least-squares line through the last period values.",
        reference = "least squares; TTR runCor(x, time)^2 cross-check")
public final class RSquared {
    final double timeSpread;
    final LinearReg line;
    final RollingVar variance;

    public RSquared(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.timeSpread = ((double) period * period - 1.0) / 12.0;
        this.line = new LinearReg(period);
        this.variance = new RollingVar(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        line.step(x);
        double v = variance.step(x);
        double m = line.slope;
        if (m != m || v != v) {
            return Double.NaN;
        }
        return v == 0.0 ? 0.0 : Math.min(1.0, m * m * timeSpread / v);
    }
}
