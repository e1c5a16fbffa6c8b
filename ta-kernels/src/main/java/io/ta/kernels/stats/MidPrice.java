package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;

/**
 * Midpoint price over the last n bars, as TA-Lib MIDPRICE: {@code (max(H) + min(L)) / 2} from a {@link RollingMax} of
 * the highs and a {@link RollingMin} of the lows, TA-Lib's expression. NaN while a missing value is inside either
 * window.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "midprice",
        family = Family.STATISTIC,
        summary = "Midpoint price of the last period bars: (highest high + lowest low) / 2.",
        reference = "TA-Lib MIDPRICE",
        scale = Scale.PRICE)
public final class MidPrice {
    final RollingMax highest;
    final RollingMin lowest;

    public MidPrice(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double high, double low) {
        return Means.mean(highest.step(high), lowest.step(low));
    }
}
