package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Hull moving average (Alan Hull 2005): {@code wma(2·wma(x, ⌊n/2⌋) − wma(x, n), ⌊√n⌋)}, three {@link Wma}s.
 * References: R TTR {@code HMA}, Tulip {@code hma}.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "hma",
        family = Family.MOVING_AVERAGE,
        summary = "Hull moving average: wma(2*wma(x, n/2) - wma(x, n), sqrt(n)).",
        reference = "Alan Hull 2005; TTR HMA, Tulip hma",
        scale = Scale.PRICE)
public final class Hma {
    final Wma half;
    final Wma full;
    final Wma outer;
    boolean started;

    public Hma(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.half = new Wma(period / 2);
        this.full = new Wma(period);
        this.outer = new Wma((int) Math.sqrt(period));
    }

    public static int lookback(int period) {
        return period + (int) Math.sqrt(period) - 2;
    }

    @Step
    public double step(double x) {
        double d = 2.0 * half.step(x) - full.step(x);
        // The outer window starts at the difference's first valid bar (CATALOG.md §1.2 composition rule).
        if (!started) {
            if (d != d) {
                return Double.NaN;
            }
            started = true;
        }
        return outer.step(d);
    }
}
