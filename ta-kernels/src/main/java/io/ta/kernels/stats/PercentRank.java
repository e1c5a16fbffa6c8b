package io.ta.kernels.stats;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.OrderStatistics;

/**
 * Percent rank of the newest value within the last n values, as R TTR {@code runPercentRank(x, n, cumulative = FALSE,
 * exact.multiplier)}: {@code (#{x_i < x} + exact_multiplier·#{x_i = x}) / n}, the newest value itself counting as an
 * equal one — 0 for a new low, 1 − (1 − m)/n for a new high, m for n = 1. O(log n) per bar: both counts come from an
 * {@link OrderStatistics} tree instead of TTR's scan of the window.
 *
 * <p>NaN while a missing value is inside the window (docs/spec.md §5.2; TTR rejects non-leading NAs).
 */
@Kernel(
        name = "percent_rank",
        aliases = "percentrank",
        family = Family.STATISTIC,
        summary = "Fraction of the last period values below the newest one, ties counted by exact_multiplier.",
        reference = "TTR runPercentRank",
        scale = Scale.UNITLESS)
public final class PercentRank {
    final int period;
    final double multiplier;
    final OrderStatistics window;

    public PercentRank(
            @Param(defaultValue = "20", min = 1, max = 100_000) int period,
            @Param(defaultValue = "0.5", min = 0, max = 1, doc = "weight of each value equal to the newest one (itself included)")
                    double exactMultiplier) {
        this.period = period;
        this.multiplier = exactMultiplier;
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
        int below = w.countBelow(x);
        int equal = w.countAtMost(x) - below;
        return (below + multiplier * equal) / period;
    }
}
