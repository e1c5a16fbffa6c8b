package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;

/**
 * STARC bands, Stoller average range channels (M. Stoller, 1980s): a {@link Sma simple average} of the close (6 bars)
 * plus and minus a multiple (2) of the {@link Atr average true range} (15 bars), Stoller's usual settings. Lookback
 * {@code max(ma_period − 1, atr_period)}. Missing values as the composed kernels (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "starc",
        aliases = "starc_bands",
        family = Family.VOLATILITY,
        scale = Scale.PRICE,
        summary = "STARC bands: SMA of the close plus and minus a multiple of the ATR.",
        reference = "M. Stoller (STARC bands); base-R fixtures")
public final class Starc {
    final double multiplier;
    final Sma average;
    final Atr atr;
    @Output(doc = "middle + multiplier * atr")
    double upper;
    @Output(doc = "SMA of the close")
    double middle;
    @Output(doc = "middle - multiplier * atr")
    double lower;

    public Starc(
            @Param(defaultValue = "6", min = 1, max = 100_000, doc = "bars of the close average") int maPeriod,
            @Param(defaultValue = "15", min = 1, max = 100_000, doc = "bars of the ATR") int atrPeriod,
            @Param(defaultValue = "2.0", min = 0, doc = "ATR multiple") double multiplier) {
        this.multiplier = multiplier;
        this.average = new Sma(maPeriod);
        this.atr = new Atr(atrPeriod);
    }

    public static int lookback(int maPeriod, int atrPeriod) {
        return Math.max(maPeriod - 1, atrPeriod);
    }

    @Step
    public void step(double high, double low, double close) {
        double m = average.step(close);
        double width = multiplier * atr.step(high, low, close);
        middle = width == width ? m : Double.NaN;
        upper = middle + width;
        lower = middle - width;
    }
}
