package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.OrderStatistics;

/**
 * Average (mean absolute) deviation of the last n values from their mean, as TA-Lib 0.6 AVGDEV (not in the 0.4 Java
 * port): {@code Σ|x − mean| / n}. Tulip Indicators {@code md} matches.
 *
 * <p>TA-Lib sums the window twice per bar (O(n)). Here the values live in an {@link OrderStatistics} part: up to 256
 * values (the default 14 included) it makes the same two passes, from the exact mean; above, a tree gives
 * {@code Σ|x − mean|} as the sum of the deviations above the mean minus those below it, from one descent —
 * O(log n) per bar, from subtree sums that are recomputed, never carried, so they neither drift nor remember an
 * outlier, and that are kept relative to values inside the window, so a high price level costs no precision. A
 * constant window has deviation exactly 0.
 *
 * <p>NaN while a missing value is inside the window (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "avgdev",
        family = Family.STATISTIC,
        summary = "Mean absolute deviation of the last period values from their mean.",
        reference = "TA-Lib 0.6 AVGDEV; Tulip md",
        scale = Scale.PRICE)
public final class AvgDev {
    final int period;
    final OrderStatistics window;

    public AvgDev(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.period = period;
        this.window = new OrderStatistics(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        OrderStatistics w = window;
        w.push(x);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        w.centre();
        return w.deviation() / period;
    }
}
