package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowSumPair;

/**
 * Volume-weighted moving average: {@code Σ(x·V) / ΣV} over the last n bars, the two sums of one
 * {@link WindowSumPair}. When the window traded no volume at all ({@code ΣV = 0}, docs/spec.md §5.1) every weight is
 * zero and the average falls back to the unweighted {@link Sma} of x. R TTR {@code VWMA} and Tulip {@code vwma}
 * match.
 *
 * <p>Missing values: a missing x or V occupies its slot in both sums, so the output is NaN while it is inside the
 * window, then exact again (§5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "vwma",
        family = Family.MOVING_AVERAGE,
        scale = Scale.PRICE,
        summary = "Volume-weighted moving average: sum(x*volume)/sum(volume) over period bars.",
        reference = "TTR VWMA, Tulip vwma")
public final class Vwma {
    /** Σ x·V and Σ V over one window: one part, since a bar is missing from both sums or from neither. */
    final WindowSumPair sums;
    final Sma plain;

    public Vwma(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.sums = new WindowSumPair(period);
        this.plain = new Sma(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x, double volume) {
        WindowSumPair s = sums;
        // x·V is non-finite when x or V is (or when it overflows): the pair is then missing from both sums.
        s.push(x * volume, volume);
        double mean = plain.step(x);
        if (!s.isFull() || s.hasMissing()) {
            return Double.NaN;
        }
        double sumVolume = s.sumY();
        if (!(Math.abs(sumVolume) <= Double.MAX_VALUE)) {
            // The window's volumes overflow their sum (ticks near 1e307): the weights are unknown, and Σx·V / ∞
            // would read 0, a price the window never saw.
            return Double.NaN;
        }
        return sumVolume == 0.0 ? mean : s.sumX() / sumVolume;
    }
}
