package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingArgmax;
import io.ta.kernels.stats.RollingArgmin;

/**
 * Aroon (Chande 1995), as TA-Lib AROON: over a window of n+1 bars, {@code aroon_up = 100·(n − bars since the highest
 * high)/n} and {@code aroon_down} likewise from the lowest low; ties go to the most recent bar (TA-Lib's {@code >=} /
 * {@code <=}). Computed as TA-Lib does, {@code (100/n)·(n − age)}, from {@link RollingArgmax} / {@link RollingArgmin}
 * over n+1 bars. A window kernel: NaN while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {30, 70}, min = 0, max = 100)
@Kernel(
        name = "aroon",
        family = Family.TREND,
        summary = "Aroon up/down: 100 * (period - bars since the highest high / lowest low) / period.",
        reference = "TA-Lib AROON (Chande 1995)",
        scale = Scale.UNITLESS)
public final class Aroon {
    final double period;
    final double factor;
    final RollingArgmax sinceHigh;
    final RollingArgmin sinceLow;
    /** Bars since the window's highest high / lowest low at the last step (for {@link AroonOsc}). */
    double highAge;
    double lowAge;
    @Output(doc = "100 * (period - bars since the lowest low) / period")
    double aroonDown;
    @Output(doc = "100 * (period - bars since the highest high) / period")
    double aroonUp;

    public Aroon(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.period = period;
        this.factor = 100.0 / period;
        this.sinceHigh = new RollingArgmax(period + 1);
        this.sinceLow = new RollingArgmin(period + 1);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public void step(double high, double low) {
        highAge = sinceHigh.step(high);
        lowAge = sinceLow.step(low);
        aroonUp = factor * (period - highAge);
        aroonDown = factor * (period - lowAge);
    }
}
