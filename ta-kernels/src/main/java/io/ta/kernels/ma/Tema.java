package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;

/**
 * Triple EMA (Mulloy 1994), as TA-Lib TEMA: {@code E3 + (3·E1 − 3·E2)} (TA-Lib's order) over three chained
 * {@link Ema}s.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "tema",
        family = Family.MOVING_AVERAGE,
        summary = "Triple exponential moving average: 3*e1 - 3*e2 + e3 of chained EMAs.",
        reference = "TA-Lib TEMA",
        scale = Scale.PRICE)
public final class Tema {
    final Ema e1;
    final Ema e2;
    final Ema e3;

    public Tema(@Param(defaultValue = "30", min = 2, max = 100_000) int period) {
        this.e1 = new Ema(period);
        this.e2 = new Ema(period);
        this.e3 = new Ema(period);
    }

    public static int lookback(int period) {
        return 3 * (period - 1);
    }

    @Step
    public double step(double x) {
        double a = e1.step(x);
        double b = e2.step(a);
        double c = e3.step(b);
        return Means.weighted(3.0, a, -3.0, b, 1.0, c, 1.0);
    }
}
