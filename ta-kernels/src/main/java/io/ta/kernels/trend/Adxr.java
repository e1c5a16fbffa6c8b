package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * Average directional movement index rating (Wilder 1978), as TA-Lib ADXR: {@code (ADX_t + ADX_{t−n+1})/2} over the
 * composed {@link Adx}. The window of n ADX values starts at ADX's first valid bar (docs/spec.md §1.2), giving
 * lookback {@code (2n−1) + (n−1) = 3n−2}; a missing ADX at either end of the window makes the output NaN.
 */
@Chart(pane = Chart.Pane.OWN, guides = {25}, min = 0, max = 100)
@Kernel(
        name = "adxr",
        family = Family.TREND,
        summary = "ADX rating: the mean of the current ADX and the ADX period-1 bars ago.",
        reference = "TA-Lib ADXR (Wilder 1978)",
        scale = Scale.UNITLESS)
public final class Adxr {
    final Adx adx;
    final DoubleRing window;
    boolean started;

    public Adxr(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.adx = new Adx(period);
        this.window = new DoubleRing(period);
    }

    public static int lookback(int period) {
        return 3 * period - 2;
    }

    @Step
    public double step(double high, double low, double close) {
        adx.step(high, low, close);
        double a = adx.adx;
        if (!started) {
            if (a != a) {
                return Double.NaN;
            }
            started = true;
        }
        window.push(a);
        if (!window.isFull()) {
            return Double.NaN;
        }
        return (a + window.oldest()) / 2.0;
    }
}
