package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingMin;
import io.ta.spi.Means;

/**
 * Donchian channel (R. Donchian): {@code upper = max(H, n)} ({@link RollingMax}), {@code lower = min(L, n)}
 * ({@link RollingMin}), {@code middle = (upper + lower)/2}. R TTR {@code DonchianChannel} matches. A window kernel:
 * NaN while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "donchian",
        family = Family.VOLATILITY,
        summary = "Donchian channel: highest high, lowest low and their midpoint over period bars.",
        reference = "R. Donchian; TTR DonchianChannel",
        scale = Scale.PRICE)
public final class Donchian {
    final RollingMax highest;
    final RollingMin lowest;
    @Output(doc = "highest high over period bars")
    double upper;
    @Output(doc = "lowest low over period bars")
    double lower;
    @Output(doc = "(upper + lower) / 2")
    double middle;

    public Donchian(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double high, double low) {
        upper = highest.step(high);
        lower = lowest.step(low);
        middle = Means.mean(upper, lower);
    }

    /** The midpoint after the last step (for kernels composing this channel, such as ichimoku). */
    public double middle() {
        return middle;
    }
}
