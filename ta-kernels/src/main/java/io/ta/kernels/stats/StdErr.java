package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Standard error of the estimate of the least-squares line through the last n values (the {@link LinearReg} fit; the
 * "standard error" study of TradeStation and MetaStock, and the width of J. Andersen's standard error bands, TASC Sep
 * 1996): {@code √(SSE/(n − 2))} with the residual sum of squares {@code SSE = Sₓₓ − m²·Sₜₜ}, {@code Sₓₓ = n·var(x)}
 * (var: the population {@link RollingVar}, from exact window sums like the slope's), {@code Sₜₜ = n(n² − 1)/12}, m the
 * fitted slope. NaN while a missing value is inside the window.
 *
 * <p>SSE is a difference of two sums that agree to the last bits on a straight window, so what is left of it there is
 * rounding, and its square root would turn rounding of 1e-15 into a standard error of 3e-8 of the spread — one that
 * appears or not with the unit prices are quoted in. A residual within the rounding of {@code Sₓₓ} (a bound relative to
 * the window's own variance, never an absolute epsilon) counts as 0.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "stderr",
        aliases = "standard_error",
        family = Family.STATISTIC,
        scale = Scale.PRICE,
        summary = "Standard error of the least-squares line through the last period values.",
        reference = "least squares; TTR runCor/runVar cross-check")
public final class StdErr {
    final double period;
    final double timeSpread;
    final LinearReg line;
    final RollingVar variance;
    /** The rounding bound of the residual, relative to the variance. */
    final double zero;

    public StdErr(@Param(defaultValue = "14", min = 3, max = 100_000) int period) {
        this.period = period;
        this.timeSpread = ((double) period * period - 1.0) / 12.0;
        this.line = new LinearReg(period);
        this.variance = new RollingVar(period);
        this.zero = 16.0 * (period + 2) * 0x1p-53;
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
        double residual = v - m * m * timeSpread;
        return residual <= zero * v ? 0.0 : Math.sqrt(period * residual / (period - 2.0));
    }
}
