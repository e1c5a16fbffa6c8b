package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;

/**
 * Elder ray (A. Elder, Trading for a Living, 1993): {@code bull = H − ema(C, n)}, {@code bear = L − ema(C, n)}, the
 * EMA being the catalog's {@link Ema} (SMA seed, docs/spec.md §1.7; laakhay seeded with C₀). No TTR/Tulip equivalent.
 */
@Chart(pane = Chart.Pane.OWN, style = Chart.Style.HISTOGRAM, guides = {0})
@Kernel(
        name = "elder_ray",
        family = Family.TREND,
        summary = "Elder ray: bull power H - EMA(C) and bear power L - EMA(C).",
        reference = "A. Elder 1993",
        scale = Scale.PRICE)
public final class ElderRay {
    final Ema mean;
    @Output(doc = "high - EMA of the close")
    double bull;
    @Output(doc = "low - EMA of the close")
    double bear;

    public ElderRay(@Param(defaultValue = "13", min = 1, max = 100_000) int period) {
        this.mean = new Ema(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double high, double low, double close) {
        double e = mean.step(close);
        bull = high - e;
        bear = low - e;
    }
}
