package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingSum;

/**
 * Simple moving average, as TA-Lib SMA: the {@link RollingSum} total divided by n (TA-Lib's own operation order).
 * Period 1 is the identity.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "sma",
        aliases = {"rolling_mean", "mean", "average", "avg"},
        family = Family.MOVING_AVERAGE,
        summary = "Simple moving average: the mean of the last period values.",
        reference = "TA-Lib SMA",
        scale = Scale.PRICE)
public final class Sma {
    final double period;
    final RollingSum sum;

    public Sma(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.period = period;
        this.sum = new RollingSum(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        return sum.step(x) / period;
    }
}
