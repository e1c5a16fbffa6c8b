package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;
import io.ta.kernels.math.Diff;

/**
 * Force index (A. Elder, "Trading for a Living", 1993): the price change times the volume behind it, smoothed,
 * {@code ema((C − C₋₁)·V, n)} with the catalog {@link Ema} (seeded with the mean of its first n valid values, §1.5).
 * The raw force exists from bar 1, so the first value is at n. No TTR or Tulip function computes it.
 *
 * <p>Missing values: the change reads the previous close, so the force is missing at a missing bar and (for a
 * missing close) the bar after; the EMA skips those bars (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "force_index",
        aliases = "efi",
        family = Family.VOLUME,
        scale = Scale.PRICE_VOLUME,
        summary = "Elder's force index: EMA of (close - previous close) * volume.",
        reference = "A. Elder 1993")
public final class ForceIndex {
    final Diff change;
    final Ema average;

    public ForceIndex(@Param(defaultValue = "13", min = 1, max = 100_000) int period) {
        this.change = new Diff();
        this.average = new Ema(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double close, double volume) {
        return average.step(change.step(close) * volume);
    }
}
