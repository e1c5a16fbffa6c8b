package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;

/**
 * Relative volume: the bar's volume over its {@link Sma simple average} of the last n bars, current bar included —
 * {@code V / sma(V, n)}; 2.0 means twice the usual volume. An average of 0 (nothing traded in the whole window)
 * gives 0 (docs/spec.md §5.1). NaN while a missing volume is inside the window.
 */
@Chart(pane = Chart.Pane.OWN, style = Chart.Style.HISTOGRAM, guides = {1})
@Kernel(
        name = "relative_volume",
        aliases = "rvol",
        family = Family.VOLUME,
        scale = Scale.UNITLESS,
        summary = "Relative volume: volume divided by its simple moving average over period bars.",
        reference = "volume / SMA(volume); hand-checked fixtures")
public final class RelativeVolume {
    final Sma average;

    public RelativeVolume(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.average = new Sma(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double volume) {
        double a = average.step(volume);
        // Missing, or volumes that summed past the largest double, whose average is then infinite and a volume over
        // it would read 0 (docs/contracts.md, "Extreme values": a ratio to a sum that overflowed is NaN).
        if (!(Math.abs(a) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        return a == 0.0 ? 0.0 : volume / a;
    }
}
