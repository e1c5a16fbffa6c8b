package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.CumSum;
import io.ta.kernels.price.TypicalPrice;

/**
 * Volume-weighted average price, cumulative from the first bar (laakhay-ta form; no session reset):
 * {@code Σ(TP·V) / ΣV} with {@code TP} the {@link TypicalPrice}; while {@code ΣV = 0} the output is the bar's TP
 * (docs/spec.md §2.6). Both sums are {@link CumSum}s (compensated: their error does not grow with the history). R TTR's
 * {@code VWAP} is a rolling window, so it is not the reference; the golden is the cumulative formula written in base R.
 *
 * <p>Cumulative (recursive) state: a bar with any missing input outputs NaN and adds nothing (docs/spec.md §5.2); so
 * does a bar whose price-volume or either sum would overflow, which enters neither sum.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "vwap",
        family = Family.VOLUME,
        summary = "Volume-weighted average typical price, cumulative from the first bar.",
        reference = "laakhay-ta vwap (cumulative)",
        scale = Scale.PRICE)
public final class Vwap {
    final TypicalPrice typical;
    final CumSum priceVolume;
    final CumSum volumes;

    public Vwap() {
        this.typical = new TypicalPrice();
        this.priceVolume = new CumSum();
        this.volumes = new CumSum();
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double high, double low, double close, double volume) {
        // A missing input needs no test of its own: it makes the typical price, its product with the volume or the
        // volume NaN or infinite, so one of the two sums' next totals is not finite and the bar is skipped below.
        double tp = typical.step(high, low, close);
        double pv = tp * volume;
        double p = priceVolume.next(pv);
        double v = volumes.next(volume);
        // A bar enters both sums or neither: one whose price-volume or either sum would overflow is skipped whole,
        // as a missing bar is. Half a bar in one sum would bias every later output.
        if (!(Double.isFinite(p) && Double.isFinite(v))) {
            return Double.NaN;
        }
        double sumPriceVolume = priceVolume.add(pv, p);
        double sumVolume = volumes.add(volume, v);
        return sumVolume == 0.0 ? tp : sumPriceVolume / sumVolume;
    }
}
