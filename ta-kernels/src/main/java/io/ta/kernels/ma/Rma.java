package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Wilder's smoothing (RMA, SMMA; Wilder 1978, New Concepts in Technical Trading Systems): seeded with the mean of
 * the first n valid inputs, then {@code e = (e·(n−1) + x)/n} — the form TA-Lib uses inside ATR and RSI. Missing
 * inputs are skipped like {@link Ema}'s. Tulip Indicators {@code wilders} matches.
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
    final int period;
    final double periodMinusOne;
    double value;
    double seedSum;
    @Range(min = "0", max = "period")
    int seeded;

    public Rma(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.period = period;
        this.periodMinusOne = period - 1;
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        if (seeded < period) {
            seedSum += x;
            if (++seeded < period) {
                return Double.NaN;
            }
            value = seedSum / period;
            return value;
        }
        value = (value * periodMinusOne + x) / period;
        return value;
    }
}
