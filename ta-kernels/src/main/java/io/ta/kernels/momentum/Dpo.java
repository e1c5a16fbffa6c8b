package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.math.Shift;

/**
 * Detrended price oscillator, causal form: {@code x[t − ⌊n/2⌋ − 1] − sma(x, n)}, the price of ⌊n/2⌋ + 1 bars ago
 * against the current n-bar {@link Sma}, which removes cycles longer than n. The textbook DPO compares the price with
 * an average centred ⌊n/2⌋ + 1 bars in the future (R TTR {@code DPO} shifts the average backwards, reading future
 * bars); this form compares the same two values, shifted to the bar where both are known. The origin of the
 * indicator is unattributed (docs/spec.md §2.3). Tulip {@code dpo} matches.
 *
 * <p>Lookback: the average needs n − 1 earlier bars and the lagged price ⌊n/2⌋ + 1, whichever is more.
 *
 * <p>Missing values: both terms are window reads, so the output is NaN while a missing value is inside either
 * window, then exact again (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "dpo",
        family = Family.MOMENTUM,
        scale = Scale.PRICE,
        summary = "Detrended price oscillator: x[t - period/2 - 1] - sma(x, period).",
        reference = "Tulip dpo (causal form; TTR DPO centres with look-ahead)")
public final class Dpo {
    final Shift lagged;
    final Sma average;

    public Dpo(@Param(defaultValue = "20", min = 2, max = 100_000) int period) {
        this.lagged = new Shift(period / 2 + 1);
        this.average = new Sma(period);
    }

    public static int lookback(int period) {
        return Math.max(period - 1, period / 2 + 1);
    }

    @Step
    public double step(double x) {
        return lagged.step(x) - average.step(x);
    }
}
