package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;
import io.ta.kernels.momentum.Rocp;

/**
 * Chaikin volatility (M. Chaikin), as R TTR {@code chaikinVolatility(HL, n)} with its default EMA: the rate of change
 * over n bars, as a fraction, of the {@link Ema} of the bar range {@code H − L}:
 * {@code ema/ema[t−n] − 1} ({@link Rocp}, 0 when the earlier average is exactly 0). Lookback {@code 2n − 1}.
 *
 * <p>Missing values: the EMA skips a bar with a missing high or low (§5.2), and the rate of change is NaN while that
 * bar's NaN is one of its two ends.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "chaikin_volatility",
        family = Family.VOLATILITY,
        summary = "Chaikin volatility: rate of change over period bars of the EMA of the high-low range.",
        reference = "R TTR chaikinVolatility (M. Chaikin)",
        scale = Scale.UNITLESS)
public final class ChaikinVolatility {
    final Ema range;
    final Rocp change;

    public ChaikinVolatility(@Param(defaultValue = "10", min = 1, max = 100_000) int period) {
        this.range = new Ema(period);
        this.change = new Rocp(period);
    }

    public static int lookback(int period) {
        return 2 * period - 1;
    }

    @Step
    public double step(double high, double low) {
        return change.step(range.step(high - low));
    }
}
