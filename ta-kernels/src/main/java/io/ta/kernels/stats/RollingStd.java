package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;

/**
 * Population standard deviation of the last n values times {@code nbdev}, as TA-Lib STDDEV: the square root of
 * {@link RollingVar}; a variance below TA-Lib's epsilon (1e-8, {@code TA_IS_ZERO_OR_NEG}) gives 0.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "rolling_std",
        aliases = {"std", "stddev"},
        family = Family.STATISTIC,
        summary = "Population standard deviation of the last period values, times nbdev.",
        reference = "TA-Lib STDDEV")
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
        double v = var.step(x);
        if (v != v) {
            return Double.NaN;
        }
        return v < 1e-8 ? 0.0 : Math.sqrt(v) * nbdev;
    }

    /** The window's mean as of the last step (see {@link RollingVar#mean()}). */
    public double mean() {
        return var.mean();
    }
}
