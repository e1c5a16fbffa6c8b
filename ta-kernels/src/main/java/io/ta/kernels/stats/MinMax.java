package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * The minimum and the maximum of the last n values, as TA-Lib MINMAX: a {@link RollingMin} and a {@link RollingMax}
 * (the values do not depend on how ties are broken). NaN while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "minmax",
        family = Family.STATISTIC,
        summary = "Minimum and maximum of the last period values.",
        reference = "TA-Lib MINMAX",
        scale = Scale.PRICE)
public final class MinMax {
    final RollingMin lowest;
    final RollingMax highest;

    @Output(doc = "the window's minimum")
    double min;

    @Output(doc = "the window's maximum")
    double max;

    public MinMax(@Param(defaultValue = "30", min = 2, max = 100_000) int period) {
        this.lowest = new RollingMin(period);
        this.highest = new RollingMax(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double x) {
        min = lowest.step(x);
        max = highest.step(x);
    }
}
