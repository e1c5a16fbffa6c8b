package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Bollinger %b (J. Bollinger, "Bollinger on Bollinger Bands", 2001): where x sits within its {@link Bbands},
 * {@code (x − lower) / (upper − lower)} — 0 on the lower band, 1 on the upper, outside [0, 1] beyond them. When the
 * bands coincide (a flat window, or {@code std_dev = 0}) x is on both and the value is 0.5 (docs/spec.md §5.1).
 * The bands are the catalog's (TA-Lib BBANDS: SMA ± std_dev population deviations). R TTR {@code BBands} column
 * {@code pctB} matches.
 *
 * <p>Missing values: as the bands, NaN while a missing value is inside the window (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0, 1})
@Kernel(
        name = "percent_b",
        aliases = "pctb",
        family = Family.VOLATILITY,
        scale = Scale.UNITLESS,
        summary = "Bollinger %b: (x - lower band) / (upper band - lower band).",
        reference = "J. Bollinger; TTR BBands pctB")
public final class PercentB {
    final Bbands bands;

    public PercentB(
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
        double width = bands.upper - bands.lower;
        return width == 0.0 ? 0.5 : (x - bands.lower) / width;
    }
}
