package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Aroon oscillator (Chande 1995), as TA-Lib AROONOSC: {@code aroon_up − aroon_down} of the composed {@link Aroon},
 * computed as TA-Lib does, {@code (100/n)·(index of the high − index of the low)}, which is the difference of the
 * two bar ages (rounded once instead of twice).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0}, min = -100, max = 100)
@Kernel(
        name = "aroonosc",
        family = Family.TREND,
        summary = "Aroon oscillator: aroon up minus aroon down.",
        reference = "TA-Lib AROONOSC (Chande 1995)",
        scale = Scale.UNITLESS)
public final class AroonOsc {
    final Aroon aroon;

    public AroonOsc(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.aroon = new Aroon(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low) {
        aroon.step(high, low);
        return aroon.factor * (aroon.lowAge - aroon.highAge);
    }
}
