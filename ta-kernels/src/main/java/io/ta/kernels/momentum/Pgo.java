package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.price.TrueRange;

/**
 * Pretty good oscillator (M. Johnson): the distance of the close from its {@link Sma simple average}, in units of the
 * {@link Ema exponential average} of the {@link TrueRange true range}, {@code (C − sma(C, n)) / ema(TR, n)} —
 * readings beyond ±3 mark a breakout. Default period 14 (pandas-ta's). The true range starts at bar 1, so its EMA
 * and the output start at bar n. A zero average range gives 0 (docs/spec.md §5.1).
 *
 * <p>Missing values: the SMA's window and the TR's one-bar read make the output NaN while a missing value is inside
 * them; the EMA skips the missing true range and continues (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "pgo",
        aliases = "pretty_good_oscillator",
        family = Family.MOMENTUM,
        scale = Scale.UNITLESS,
        summary = "Pretty good oscillator: (close - SMA) / EMA of true range.",
        reference = "M. Johnson (pretty good oscillator); pandas-ta pgo; base-R fixtures")
public final class Pgo {
    final Sma average;
    final TrueRange range;
    final Ema averageRange;

    public Pgo(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.average = new Sma(period);
        this.range = new TrueRange();
        this.averageRange = new Ema(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double close) {
        double m = average.step(close);
        double r = averageRange.step(range.step(high, low, close));
        if (m != m || r != r) {
            return Double.NaN;
        }
        return r == 0.0 ? 0.0 : (close - m) / r;
    }
}
