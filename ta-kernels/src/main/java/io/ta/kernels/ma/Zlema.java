package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.Shift;

/**
 * Zero-lag exponential moving average (J. Ehlers and R. Way, "Zero Lag (Well, Almost)", TASC Nov 2010): the catalog
 * {@link Ema} of the de-lagged series {@code 2x − x[t−L]}, {@code L = ⌊(n−1)/2⌋} — an EMA of period n lags by about L
 * bars, and adding back the change over those L bars cancels most of it.
 *
 * <p>The EMA is seeded as everywhere in the catalog (§1.5, the mean of its first n valid inputs) and starts at the
 * de-lagged series' first valid bar L, so the first value is at {@code L + n − 1}. R TTR {@code ZLEMA} and Tulip
 * {@code zlema} apply the same idea but start differently (TTR: the mean of the raw series at n − 1, then a lag of
 * (n + 1)/2 bars; Tulip: {@code x[L−1]}), so they check the formula, not the numbers.
 *
 * <p>Missing values: {@code x[t−L]} is a window read, so a missing x makes the de-lagged value missing at t and at
 * t + L; the EMA skips those bars (§5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "zlema",
        family = Family.MOVING_AVERAGE,
        scale = Scale.PRICE,
        summary = "Zero-lag EMA: ema(2x - x[t-L], period), L = (period-1)/2.",
        reference = "Ehlers & Way, TASC Nov 2010; TTR ZLEMA, Tulip zlema (formula)")
public final class Zlema {
    final Shift lag;
    final Ema average;

    public Zlema(@Param(defaultValue = "20", min = 2, max = 100_000) int period) {
        this.lag = new Shift((period - 1) / 2);
        this.average = new Ema(period);
    }

    public static int lookback(int period) {
        return (period - 1) / 2 + period - 1;
    }

    @Step
    public double step(double x) {
        return average.step(x + (x - lag.step(x)));
    }
}
