package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.SlidingExtreme;

/**
 * The maximum of the last n values, as TA-Lib MAX, in O(1) amortized time per bar ({@link SlidingExtreme}: blocks of
 * n values and their suffix extremes) instead of TA-Lib's rescan. NaN while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "rolling_max",
        aliases = "max",
        family = Family.STATISTIC,
        summary = "The maximum of the last period values.",
        reference = "TA-Lib MAX",
        scale = Scale.PRICE)
public final class RollingMax {
    final SlidingExtreme window;

    public RollingMax(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.window = SlidingExtreme.max(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        window.push(x);
        return window.isFull() ? window.value() : Double.NaN;
    }
}
