package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.SlidingExtreme;

/**
 * Bars since the window's maximum (0 = the current bar); ties go to the most recent bar (laakhay-ta semantics).
 * O(1) amortized per bar ({@link SlidingExtreme}); NaN while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "rolling_argmax",
        aliases = "argmax",
        family = Family.STATISTIC,
        summary = "Bars since the maximum of the last period values (0 = current bar).",
        reference = "laakhay-ta rolling_argmax",
        scale = Scale.UNITLESS)
public final class RollingArgmax {
    final SlidingExtreme window;

    public RollingArgmax(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.window = SlidingExtreme.max(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        window.pushKeepingPositions(x);
        if (!window.isFull() || window.hasMissing()) {
            return Double.NaN;
        }
        return window.age();
    }
}
