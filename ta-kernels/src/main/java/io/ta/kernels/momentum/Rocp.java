package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.Shift;

/**
 * Rate of change as a fraction, as TA-Lib ROCP: {@code (x − p)/p} with {@code p = x[t−n]}; 0 when p is exactly 0
 * (TA-Lib's guard). NaN exactly when x or p is missing (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "rocp",
        family = Family.MOMENTUM,
        summary = "Rate of change as a fraction: (x - x[t-period]) / x[t-period].",
        reference = "TA-Lib ROCP",
        scale = Scale.UNITLESS)
public final class Rocp {
    final Shift lag;

    public Rocp(@Param(defaultValue = "10", min = 1, max = 100_000) int period) {
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
        // + 0.0: no change from a price below zero is 0/p = −0.0; a computed zero is +0.0 (docs/contracts.md).
        return p != 0.0 ? (x - p) / p + 0.0 : 0.0;
    }
}
