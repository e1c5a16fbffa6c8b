package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.AnchoredWeightedSum;

/**
 * Hull moving average (Alan Hull 2005): {@code wma(2·wma(x, ⌊n/2⌋) − wma(x, n), ⌊√n⌋)}, three {@link Wma}s.
 * References: R TTR {@code HMA}, Tulip {@code hma}.
 *
 * <p>It holds the three windows, not three {@link Wma} kernels: their mean is {@link Wma}'s, to the bit, and an object
 * fewer on each window's path keeps the compiled step small enough for C2 to inline into a loop
 * (docs/performance-log.md, "Rings of a power of two").
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "hma",
        family = Family.MOVING_AVERAGE,
        summary = "Hull moving average: wma(2*wma(x, n/2) - wma(x, n), sqrt(n)).",
        reference = "Alan Hull 2005; TTR HMA, Tulip hma",
        scale = Scale.PRICE)
public final class Hma {
    final AnchoredWeightedSum half;
    final AnchoredWeightedSum full;
    final AnchoredWeightedSum outer;
    boolean started;

    public Hma(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.half = new AnchoredWeightedSum(period / 2);
        this.full = new AnchoredWeightedSum(period);
        this.outer = new AnchoredWeightedSum((int) Math.sqrt(period));
    }

    public static int lookback(int period) {
        return period + (int) Math.sqrt(period) - 2;
    }

    @Step
    public double step(double x) {
        half.push(x);
        double h = half.mean();
        full.push(x);
        double d = 2.0 * h - full.mean();
        // The outer window starts at the difference's first valid bar (docs/spec.md §1.2 composition rule).
        if (!started) {
            if (d != d) {
                return Double.NaN;
            }
            started = true;
        }
        outer.push(d);
        return outer.mean();
    }
}
