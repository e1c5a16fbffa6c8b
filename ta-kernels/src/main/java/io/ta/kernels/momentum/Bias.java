package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;

/**
 * Bias, the disparity index (kairi; S. Nison, <i>Beyond Candlesticks</i>, 1994): how far x is from its {@link Sma
 * simple average} in percent, {@code 100·(x − sma)/sma}. Default period 26 (pandas-ta's). An average of exactly 0 gives
 * 0 (docs/spec.md §5.1). NaN while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "bias",
        aliases = "disparity",
        family = Family.MOMENTUM,
        scale = Scale.UNITLESS,
        summary = "Bias (disparity index): percentage distance of x from its simple moving average.",
        reference = "S. Nison, Beyond Candlesticks (1994); base-R fixtures")
public final class Bias {
    final Sma average;

    public Bias(@Param(defaultValue = "26", min = 1, max = 100_000) int period) {
        this.average = new Sma(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        double m = average.step(x);
        if (m != m) {
            return Double.NaN;
        }
        if (m == 0.0) {
            return 0.0;
        }
        double r = 100.0 * (x - m) / m;
        if (!(Math.abs(r) <= Double.MAX_VALUE)) {
            // The difference or its hundredfold passed the largest double where the ratio may not (a tick near its
            // edge): the same operations at 2^-8, where neither can, are the bits a wider exponent gives.
            r = 100.0 * (x * 0x1p-8 - m * 0x1p-8) / m * 0x1p8;
        }
        return r;
    }
}
