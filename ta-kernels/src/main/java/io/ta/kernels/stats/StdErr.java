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
 * (var: the population {@link RollingCov} of x with itself), {@code Sₜₜ = n(n² − 1)/12}, m the fitted slope. A residual
 * that rounds below 0 (a perfectly straight window) counts as 0. NaN while a missing value is inside the window.
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
    final RollingCov variance;

    public StdErr(@Param(defaultValue = "14", min = 3, max = 100_000) int period) {
        this.period = period;
        this.timeSpread = ((double) period * period - 1.0) / 12.0;
        this.line = new LinearReg(period);
        this.variance = new RollingCov(period, false);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        line.step(x);
        double v = variance.step(x, x);
        double m = line.slope;
        if (m != m || v != v) {
            return Double.NaN;
        }
        double residual = v - m * m * timeSpread;
        return Math.sqrt(period * Math.max(residual, 0.0) / (period - 2.0));
    }
}
