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

/**
 * Chandelier exit (C. LeBeau, as popularised in A. Elder, "Come Into My Trading Room", 2002): trailing stops hung
 * from the extremes of the last n bars, {@code long = max(H, n) − m·atr(n)} below the highest high and
 * {@code short = min(L, n) + m·atr(n)} above the lowest low, with {@link RollingMax}, {@link RollingMin} and the
 * catalog {@link Atr} (TA-Lib's Wilder average of the true range). Lookback n, the ATR's; both outputs start there
 * (§1.3). No TTR or Tulip function computes it.
 *
 * <p>Missing values: the extremes are window reads and the ATR skips a missing bar (§5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "chandelier",
        aliases = "chandelier_exit",
        family = Family.VOLATILITY,
        scale = Scale.PRICE,
        summary = "Chandelier exit: highest high minus and lowest low plus multiplier * ATR over period bars.",
        reference = "C. LeBeau (chandelier exit)")
public final class Chandelier {
    final double multiplier;
    final RollingMax highest;
    final RollingMin lowest;
    final Atr range;

    @Output(name = "long", doc = "stop for long positions: highest high - multiplier * ATR")
    double longStop;

    @Output(name = "short", doc = "stop for short positions: lowest low + multiplier * ATR")
    double shortStop;

    public Chandelier(
            @Param(defaultValue = "22", min = 1, max = 100_000) int period,
            @Param(defaultValue = "3.0", min = 0, minExclusive = true, doc = "distance from the extreme in ATRs")
                    double multiplier) {
        this.multiplier = multiplier;
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
        this.range = new Atr(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public void step(double high, double low, double close) {
        double width = multiplier * range.step(high, low, close);
        longStop = highest.step(high) - width;
        shortStop = lowest.step(low) + width;
    }
}
