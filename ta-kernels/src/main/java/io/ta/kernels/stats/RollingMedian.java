package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;
import io.ta.state.OrderStatistics;

/**
 * Median of the last n values; for even n the mean of the two middle values (docs/spec.md §1.7: laakhay took the
 * upper one). O(log n) per bar through an {@link OrderStatistics} tree. NaN while a missing value is inside the
 * window. Reference: R TTR {@code runMedian}.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "rolling_median",
        aliases = {"median", "med"},
        family = Family.STATISTIC,
        summary = "Median of the last period values (even period: mean of the two middle values).",
        reference = "TTR runMedian",
        scale = Scale.PRICE)
public final class RollingMedian {
    final OrderStatistics window;

    public RollingMedian(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
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
        int n = w.size();
        int h = n >>> 1;
        return (n & 1) == 1 ? w.select(h) : Means.mean(w.select(h - 1), w.select(h));
    }
}
