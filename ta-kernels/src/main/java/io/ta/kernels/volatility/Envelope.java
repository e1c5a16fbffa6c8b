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
 * Moving average envelope: the {@link Sma simple average} and two bands a fixed percentage above and below it,
 * {@code middle ± |middle|·percent/100} (for the usual positive prices {@code middle·(1 ± percent/100)}; the absolute
 * value keeps upper above lower on series that go negative) — a classic of chart books (e.g. J. Murphy, <i>Technical Analysis of the Financial
 * Markets</i>, 1999; StockCharts' 20-bar, 2.5 % default). NaN while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "envelope",
        aliases = "ma_envelope",
        family = Family.VOLATILITY,
        scale = Scale.PRICE,
        summary = "Moving average envelope: SMA and bands percent above and below it.",
        reference = "J. Murphy, Technical Analysis of the Financial Markets (1999); base-R fixtures")
public final class Envelope {
    final double factor;
    final Sma average;
    @Output(doc = "middle + |middle| * percent/100")
    double upper;
    @Output(doc = "SMA of x")
    double middle;
    @Output(doc = "middle - |middle| * percent/100")
    double lower;

    public Envelope(
            @Param(defaultValue = "20", min = 1, max = 100_000) int period,
            @Param(defaultValue = "2.5", min = 0, max = 100, doc = "band distance in percent") double percent) {
        this.factor = percent / 100.0;
        this.average = new Sma(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double x) {
        double m = average.step(x);
        middle = m;
        double width = factor * Math.abs(m);
        upper = m + width;
        lower = m - width;
    }
}
