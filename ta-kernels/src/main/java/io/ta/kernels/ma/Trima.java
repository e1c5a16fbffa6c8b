package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Triangular moving average, as TA-Lib TRIMA: triangular weights (odd n: 1..m..1 with m = (n+1)/2; even n: 1..m,m..1
 * with m = n/2). A triangle is the convolution of two boxes, so this is an {@link Sma} of an {@link Sma}, of lengths
 * m and m (odd) or m and m+1 (even) — same weights as TA-Lib's running-sum algorithm, different rounding (well
 * inside the 1e-9 golden tolerance).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "trima",
        family = Family.MOVING_AVERAGE,
        summary = "Triangular moving average: an SMA of an SMA, with triangular weights over period values.",
        reference = "TA-Lib TRIMA",
        scale = Scale.PRICE)
public final class Trima {
    final Sma inner;
    final Sma outer;
    boolean started;

    public Trima(@Param(defaultValue = "30", min = 2, max = 100_000) int period) {
        int m = (period + 1) / 2;
        this.inner = new Sma(period % 2 == 1 ? m : period / 2);
        this.outer = new Sma(period % 2 == 1 ? m : period / 2 + 1);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        double a = inner.step(x);
        // The outer window starts at the inner average's first valid bar (docs/spec.md §1.2 composition rule).
        if (!started) {
            if (a != a) {
                return Double.NaN;
            }
            started = true;
        }
        return outer.step(a);
    }
}
