package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;

/** Double EMA (Mulloy 1994), as TA-Lib DEMA: {@code 2·E1 − E2} with {@code E2 = ema(E1)}, both {@link Ema}s. */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "dema",
        family = Family.MOVING_AVERAGE,
        summary = "Double exponential moving average: 2*ema(x) - ema(ema(x)).",
        reference = "TA-Lib DEMA",
        scale = Scale.PRICE)
public final class Dema {
    final Ema e1;
    final Ema e2;

    public Dema(@Param(defaultValue = "30", min = 2, max = 100_000) int period) {
        this.e1 = new Ema(period);
        this.e2 = new Ema(period);
    }

    public static int lookback(int period) {
        return 2 * (period - 1);
    }

    @Step
    public double step(double x) {
        double a = e1.step(x);
        double b = e2.step(a);
        return Means.weighted(2.0, a, -1.0, b, 1.0);
    }
}
