package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Wma;

/**
 * Inverse Fisher transform of the RSI (J. F. Ehlers, "The Inverse Fisher Transform", TASC May 2004): the
 * {@link Rsi} is rescaled to about ±5, {@code v1 = 0.1·(rsi(x, rsi_period) − 50)}, smoothed by a {@link Wma},
 * {@code v2 = wma(v1, wma_period)}, and squashed into (−1, 1) by the inverse Fisher transform
 * {@code (e^{2·v2} − 1)/(e^{2·v2} + 1)}, which is {@code tanh(v2)}; crossings of ±0.5 are the signals. Defaults 5
 * and 9, Ehlers'. The WMA starts at the RSI's first value (the missing warm-up cells leave its window), so the
 * lookback is {@code rsi_period + wma_period − 1}. Missing values as the RSI (skipped) and the WMA (window NaN).
 */
@Chart(pane = Chart.Pane.OWN, guides = {-0.5, 0.5}, min = -1, max = 1)
@Kernel(
        name = "ift_rsi",
        family = Family.MOMENTUM,
        scale = Scale.UNITLESS,
        summary = "Ehlers' inverse Fisher transform of a WMA-smoothed, rescaled RSI, in (-1, 1).",
        reference = "J. F. Ehlers, TASC May 2004; base-R fixtures (TTR RSI and WMA)")
public final class IftRsi {
    final Rsi rsi;
    final Wma smooth;

    public IftRsi(
            @Param(defaultValue = "5", min = 2, max = 100_000) int rsiPeriod,
            @Param(defaultValue = "9", min = 1, max = 100_000) int wmaPeriod) {
        this.rsi = new Rsi(rsiPeriod);
        this.smooth = new Wma(wmaPeriod);
    }

    public static int lookback(int rsiPeriod, int wmaPeriod) {
        return rsiPeriod + wmaPeriod - 1;
    }

    @Step
    public double step(double x) {
        double v2 = smooth.step(0.1 * (rsi.step(x) - 50.0));
        return Math.tanh(v2);
    }
}
