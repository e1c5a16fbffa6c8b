package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Bollinger BandWidth (J. Bollinger, "Bollinger on Bollinger Bands", 2001): the width of the {@link Bbands} relative
 * to their middle, {@code (upper − lower) / middle} (a fraction, not a percentage), whose lows mark Bollinger's
 * "squeeze". A zero middle band gives 0 (docs/spec.md §5.1). No TTR or Tulip function computes it; the bands are the
 * catalog's, which R TTR {@code BBands} matches.
 *
 * <p>Missing values: as the bands, NaN while a missing value is inside the window (§5.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "bandwidth",
        aliases = "bbw",
        family = Family.VOLATILITY,
        scale = Scale.UNITLESS,
        summary = "Bollinger BandWidth: (upper band - lower band) / middle band.",
        reference = "J. Bollinger")
public final class Bandwidth {
    final Bbands bands;

    public Bandwidth(
            @Param(defaultValue = "20", min = 2, max = 100_000) int period,
            @Param(defaultValue = "2.0", doc = "band width in standard deviations") double stdDev) {
        this.bands = new Bbands(period, stdDev);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        bands.step(x);
        return bands.middle == 0.0 ? 0.0 : (bands.upper - bands.lower) / bands.middle;
    }
}
