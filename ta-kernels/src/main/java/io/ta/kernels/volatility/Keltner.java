package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;

/**
 * Keltner channel (C. Keltner 1960), in its EMA/ATR form: {@code middle = ema(C, ema_period)} ({@link Ema}),
 * {@code upper/lower = middle ± multiplier·atr(atr_period)} ({@link Atr}), both with the catalog's TA-Lib seeds
 * (docs/spec.md §1.7). Lookback {@code max(ema_period − 1, atr_period)}: the bands combine the two element-wise.
 * R TTR {@code keltnerChannels} is the reference for the formula only (it centres on the typical price).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "keltner",
        family = Family.VOLATILITY,
        summary = "Keltner channel: EMA of the close plus and minus multiplier * ATR.",
        reference = "C. Keltner 1960 (EMA/ATR form); TTR keltnerChannels (formula)",
        scale = Scale.PRICE)
public final class Keltner {
    final Ema mean;
    final Atr range;
    final double multiplier;
    @Output(doc = "middle + multiplier * ATR")
    double upper;
    @Output(doc = "EMA of the close")
    double middle;
    @Output(doc = "middle - multiplier * ATR")
    double lower;

    public Keltner(
            @Param(defaultValue = "20", min = 1, max = 100_000) int emaPeriod,
            @Param(defaultValue = "10", min = 1, max = 100_000) int atrPeriod,
            @Param(defaultValue = "2.0", min = 0, minExclusive = true, doc = "band width in ATRs") double multiplier) {
        this.mean = new Ema(emaPeriod);
        this.range = new Atr(atrPeriod);
        this.multiplier = multiplier;
    }

    public static int lookback(int emaPeriod, int atrPeriod) {
        return Math.max(emaPeriod - 1, atrPeriod);
    }

    @Step
    public void step(double high, double low, double close) {
        double m = mean.step(close);
        double width = multiplier * range.step(high, low, close);
        // One lookback for every output (docs/spec.md §1.3): the middle waits for the ATR too.
        middle = width == width ? m : Double.NaN;
        upper = m + width;
        lower = m - width;
    }
}
