package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.price.MedPrice;

/**
 * Awesome oscillator (B. Williams, Trading Chaos 1995): {@code sma(hl2, fast) − sma(hl2, slow)} with
 * {@code hl2 = (H+L)/2} ({@link MedPrice}) and two {@link Sma}s. Tulip {@code ao} matches (fixed 5/34). NaN while a
 * missing value is inside the slow window (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, style = Chart.Style.HISTOGRAM, guides = {0})
@Kernel(
        name = "ao",
        family = Family.MOMENTUM,
        summary = "Awesome oscillator: SMA of the median price over fast_period minus over slow_period.",
        reference = "Bill Williams, Trading Chaos 1995; Tulip ao",
        scale = Scale.PRICE)
@Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
public final class Ao {
    final MedPrice median;
    final Sma fast;
    final Sma slow;

    public Ao(
            @Param(defaultValue = "5", min = 1, max = 100_000) int fastPeriod,
            @Param(defaultValue = "34", min = 1, max = 100_000) int slowPeriod) {
        this.median = new MedPrice();
        this.fast = new Sma(fastPeriod);
        this.slow = new Sma(slowPeriod);
    }

    public static int lookback(int slowPeriod) {
        return slowPeriod - 1;
    }

    @Step
    public double step(double high, double low) {
        double m = median.step(high, low);
        return fast.step(m) - slow.step(m);
    }
}
