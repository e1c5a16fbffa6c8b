package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.Shift;

/** Momentum, as TA-Lib MOM: {@code x − x[t−n]}. NaN exactly when one of the two values is missing (§5.2). */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "mom",
        family = Family.MOMENTUM,
        summary = "Momentum: x - x[t-period].",
        reference = "TA-Lib MOM",
        scale = Scale.PRICE)
public final class Mom {
    final Shift lag;

    public Mom(@Param(defaultValue = "10", min = 1, max = 100_000) int period) {
        this.lag = new Shift(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double x) {
        double p = lag.step(x); // x[t − period], NaN before it exists or when it is missing
        return Double.isFinite(x) && Double.isFinite(p) ? x - p : Double.NaN;
    }
}
