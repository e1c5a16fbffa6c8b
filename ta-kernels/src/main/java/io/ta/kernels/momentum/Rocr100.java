package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.Shift;

/**
 * Rate of change ratio in percent, as TA-Lib ROCR100: {@code (x/p)·100} with {@code p = x[t−n]}, in TA-Lib's order;
 * 0 when p is exactly 0 (TA-Lib's guard). NaN exactly when x or p is missing (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {100})
@Kernel(
        name = "rocr100",
        family = Family.MOMENTUM,
        summary = "Rate of change ratio times 100: 100 * x / x[t-period].",
        reference = "TA-Lib ROCR100",
        scale = Scale.UNITLESS)
public final class Rocr100 {
    final Shift lag;

    public Rocr100(@Param(defaultValue = "10", min = 1, max = 100_000) int period) {
        this.lag = new Shift(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double x) {
        double p = lag.step(x); // x[t − period], NaN before it exists or when it is missing
        if (!Double.isFinite(x) || !Double.isFinite(p)) {
            return Double.NaN;
        }
        // + 0.0: a price of 0 after one below zero is −0.0; a computed zero is +0.0 (docs/contracts.md).
        return p != 0.0 ? x / p * 100.0 + 0.0 : 0.0;
    }
}
