package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * MACD with fixed periods, as TA-Lib MACDFIX: {@link Macd} with seed windows of 12 and 26 values (and lookback
 * {@code 25 + (signal_period − 1)}) but smoothing constants fixed at 0.15 and 0.075 (docs/spec.md §3.1); the signal is
 * an ordinary EMA over signal_period. Missing values as {@link Macd}.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "macdfix",
        family = Family.MOMENTUM,
        summary = "MACD 12/26 with TA-Lib's fixed smoothing constants 0.15 and 0.075, and an EMA signal.",
        reference = "TA-Lib MACDFIX",
        scale = Scale.PRICE)
public final class MacdFix {
    final Macd line;

    @Output(doc = "fast EMA minus slow EMA")
    double macd;

    @Output(doc = "EMA of the macd line over signal_period")
    double signal;

    @Chart(style = Chart.Style.HISTOGRAM)
    @Output(doc = "macd minus signal")
    double histogram;

    public MacdFix(@Param(defaultValue = "9", min = 1, max = 100_000) int signalPeriod) {
        this.line = Macd.fixed(signalPeriod);
    }

    public static int lookback(int signalPeriod) {
        return 25 + (signalPeriod - 1);
    }

    @Step
    public void step(double x) {
        line.step(x);
        macd = line.macd;
        signal = line.signal;
        histogram = line.histogram;
    }
}
