package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;

/**
 * Qstick (T. Chande and S. Kroll, <i>The New Technical Trader</i>, 1994): the {@link Sma simple average} of the
 * candle bodies {@code C − O} over the last n bars — positive when white candles dominate, negative when black ones
 * do. Default period 10 (pandas-ta's). NaN while a missing open or close is inside
 * the window (docs/spec.md §5.2). Tulip Indicators {@code qstick} matches.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "qstick",
        family = Family.MOMENTUM,
        scale = Scale.PRICE,
        summary = "Qstick: simple moving average of close minus open over period bars.",
        reference = "T. Chande & S. Kroll, The New Technical Trader (1994); Tulip qstick")
public final class Qstick {
    final Sma average;

    public Qstick(@Param(defaultValue = "10", min = 1, max = 100_000) int period) {
        this.average = new Sma(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double open, double close) {
        // A body is 0 on every doji: the average keeps its runs of zeros.
        return average.stepKeepingZeroRuns(close - open);
    }
}
