package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Population standard deviation of the last n values times {@code nbdev}, as TA-Lib STDDEV: the square root of
 * {@link RollingVar}. TA-Lib maps a variance below 1e-8 ({@code TA_IS_ZERO_OR_NEG}) to 0, which zeroes every
 * deviation of prices quoted below about 1e-4; here the variance is exact and never negative, 0 only for a window
 * that is constant to within rounding, so the deviation scales with the prices at any level.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "rolling_std",
        aliases = {"std", "stddev"},
        family = Family.STATISTIC,
        summary = "Population standard deviation of the last period values, times nbdev.",
        reference = "TA-Lib STDDEV",
        scale = Scale.PRICE)
public final class RollingStd {
    final double nbdev;
    final RollingVar var;

    public RollingStd(
            @Param(defaultValue = "20", min = 2, max = 100_000) int period,
            @Param(defaultValue = "1.0", doc = "multiplier of the deviation") double nbdev) {
        this.nbdev = nbdev;
        this.var = new RollingVar(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        return Math.sqrt(var.step(x)) * nbdev;
    }

    /** The window's mean as of the last step (see {@link RollingVar#mean()}). */
    public double mean() {
        return var.mean();
    }
}
