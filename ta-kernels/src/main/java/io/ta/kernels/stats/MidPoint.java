package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;

/**
 * Midpoint of the last n values, as TA-Lib MIDPOINT: {@code (max(x) + min(x)) / 2} from a {@link RollingMax} and a
 * {@link RollingMin}, TA-Lib's expression. NaN while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "midpoint",
        family = Family.STATISTIC,
        summary = "Midpoint of the last period values: (highest + lowest) / 2.",
        reference = "TA-Lib MIDPOINT",
        scale = Scale.PRICE)
public final class MidPoint {
    final RollingMax highest;
    final RollingMin lowest;

    public MidPoint(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        return Means.mean(highest.step(x), lowest.step(x));
    }
}
