package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.TypicalPrice;
import io.ta.state.OrderStatistics;

/**
 * Commodity channel index (D. Lambert, 1980), as TA-Lib CCI: with {@code TP} the {@link TypicalPrice} and
 * {@code m} its mean over n bars, {@code CCI = (TP − m)/(0.015·(Σ|TP_i − m|/n))}.
 *
 * <p>TA-Lib sums its window twice per bar (O(n)); here the typical prices live in an {@link OrderStatistics} part,
 * which gives the mean and the mean deviation by two passes up to 256 values and in O(log n) from recomputed subtree
 * sums above (see {@link io.ta.kernels.stats.AvgDev}). Results match TA-Lib to a few ulps of the deviation.
 *
 * <p>Guard: TA-Lib gives 0 when the numerator or the deviation sum is exactly 0. On a constant window TA-Lib's own
 * rounding of the mean can leave both a few ulps off 0 and return ±66.67; here deviations are measured from the exact
 * mean with sums relative to window values, so a constant window has exactly 0 of both and gives 0 at any price
 * level. A missing value makes the output NaN while it is inside the window (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {-100, 100})
@Kernel(
        name = "cci",
        family = Family.MOMENTUM,
        summary = "Commodity channel index: typical price minus its mean, over 0.015 times the mean deviation.",
        reference = "TA-Lib CCI (Lambert 1980)",
        scale = Scale.UNITLESS)
public final class Cci {
    final int period;
    final TypicalPrice typical;
    final OrderStatistics window;

    public Cci(@Param(defaultValue = "20", min = 2, max = 100_000) int period) {
        this.period = period;
        this.typical = new TypicalPrice();
        this.window = new OrderStatistics(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double high, double low, double close) {
        double tp = typical.step(high, low, close);
        OrderStatistics w = window;
        w.push(tp);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        w.centre();
        double deviation = w.deviation();
        if (!(deviation <= Double.MAX_VALUE)) {
            // Deviations that sum beyond the largest double (ticks near its edge inside the window) are not known:
            // NaN, as for a missing value, where x/∞ would read 0.
            return Double.NaN;
        }
        double numerator = w.offset(tp);
        return numerator != 0.0 && deviation != 0.0 ? numerator / (0.015 * (deviation / period)) : 0.0;
    }
}
