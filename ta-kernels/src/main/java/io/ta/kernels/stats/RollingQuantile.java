package io.ta.kernels.stats;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.OrderStatistics;

/**
 * The q-quantile of the last n values by linear interpolation between order statistics — Hyndman and Fan's type 7,
 * the default of R's {@code quantile} and of NumPy: with the window sorted as {@code x(1) ≤ … ≤ x(n)},
 * {@code h = 1 + (n − 1)·q}, the result is {@code (1 − f)·x(⌊h⌋) + f·x(⌈h⌉)}, {@code f = h − ⌊h⌋}, in R's operations
 * (so equal neighbours give that value exactly). {@code q = 0} is the minimum, 1 the maximum, 0.5 the median. O(log n)
 * per bar through an {@link OrderStatistics} tree.
 *
 * <p>TTR has no windowed quantile; the golden is R's {@code quantile(type = 7)} applied to every window. NaN while a
 * missing value is inside the window (docs/spec.md §5.2).
 */
@Kernel(
        name = "rolling_quantile",
        aliases = "quantile",
        family = Family.STATISTIC,
        summary = "q-quantile of the last period values, linear interpolation (type 7, as R and NumPy).",
        reference = "Hyndman & Fan 1996, type 7; R quantile",
        scale = Scale.PRICE)
public final class RollingQuantile {
    final double q;
    final int lower;
    final int upper;
    final double fraction;
    final OrderStatistics window;

    public RollingQuantile(
            @Param(defaultValue = "20", min = 1, max = 100_000) int period,
            @Param(defaultValue = "0.5", min = 0, max = 1, doc = "the probability: 0 the minimum, 0.5 the median, 1 the maximum")
                    double q) {
        this.q = q;
        double index = 1 + (period - 1) * q;
        this.lower = (int) Math.floor(index);
        this.upper = (int) Math.ceil(index);
        this.fraction = index - lower;
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
        double lo = w.select(lower - 1);
        if (upper == lower) {
            return lo;
        }
        double hi = w.select(upper - 1);
        return hi != lo ? (1 - fraction) * lo + fraction * hi : lo;
    }
}
