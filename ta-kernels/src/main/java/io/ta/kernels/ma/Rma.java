package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.SeededAverage;

/**
 * Wilder's smoothing (RMA, SMMA; Wilder 1978, New Concepts in Technical Trading Systems): seeded with the mean of
 * the first n valid inputs, then {@code e = (e·(n−1) + x)/n} — the form TA-Lib uses inside ATR and RSI. Missing
 * inputs are skipped like {@link Ema}'s: both are a {@link SeededAverage}, this one {@link SeededAverage.Wilder}.
 * Tulip Indicators {@code wilders} matches.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "rma",
        aliases = {"rolling_rma", "wilders", "smma"},
        family = Family.MOVING_AVERAGE,
        summary = "Wilder's smoothing: seeded with the mean of the first period values, then (e*(n-1) + x)/n.",
        reference = "Wilder 1978; Tulip wilders",
        scale = Scale.PRICE)
public final class Rma {
    final SeededAverage.Wilder average;

    public Rma(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.average = new SeededAverage.Wilder(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        return average.push(x);
    }
}
