package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * The absolute input indices of the minimum and the maximum of the last n values, as TA-Lib MINMAXINDEX: a
 * {@link MinIndex} and a {@link MaxIndex} side by side (TA-Lib's combined loop applies the same tie rule to each).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "minmaxindex",
        family = Family.STATISTIC,
        summary = "Absolute indices of the minimum and maximum of the last period values.",
        reference = "TA-Lib MINMAXINDEX",
        scale = Scale.UNITLESS)
public final class MinMaxIndex {
    final MinIndex lowest;
    final MaxIndex highest;

    @Output(doc = "absolute index of the window's minimum")
    double minIdx;

    @Output(doc = "absolute index of the window's maximum")
    double maxIdx;

    public MinMaxIndex(@Param(defaultValue = "30", min = 2, max = 100_000) int period) {
        this.lowest = new MinIndex(period);
        this.highest = new MaxIndex(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double x) {
        minIdx = lowest.step(x);
        maxIdx = highest.step(x);
    }
}
