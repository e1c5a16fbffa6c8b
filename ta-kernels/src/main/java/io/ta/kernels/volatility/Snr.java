package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.momentum.Mom;

/**
 * Signal-to-noise ratio, as R TTR {@code SNR} (after J. Skeggs and A. Hill, "Back in Black Part 2: The Opportunity
 * Set for Trend Following", 2015, as TTR cites it): the absolute change over n bars in units of the n-bar
 * {@link Atr average true range}, {@code |C − C[t−n]| / atr(n)} — the {@link Mom momentum} over Wilder's ATR. Both
 * start at bar n. A zero ATR gives 0 (docs/spec.md §5.1; TTR divides by zero). R TTR {@code SNR} matches.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "snr",
        aliases = "signal_to_noise",
        family = Family.VOLATILITY,
        scale = Scale.UNITLESS,
        summary = "Signal-to-noise ratio: absolute period-bar change of the close over the period ATR.",
        reference = "TTR SNR (Skeggs & Hill 2015)")
public final class Snr {
    final Mom change;
    final Atr atr;

    public Snr(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.change = new Mom(period);
        this.atr = new Atr(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double close) {
        double m = change.step(close);
        double a = atr.step(high, low, close);
        if (m != m || a != a) {
            return Double.NaN;
        }
        return a == 0.0 ? 0.0 : Math.abs(m) / a;
    }
}
