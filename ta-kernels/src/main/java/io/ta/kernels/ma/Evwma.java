package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingSum;

/**
 * Elastic volume-weighted moving average (C. Fries, "Elastic Volume Weighted Moving Average", 2001), as R TTR
 * {@code EVWMA(price, volume, n)}: with V the volume of the last n bars ({@link RollingSum}), each bar's volume v
 * displaces that share of the average, {@code e = ((V − v)·e₋₁ + v·x)/V}; the first value, at bar n − 1, is the price
 * itself (TTR's seed). A window without volume (V exactly 0) leaves the average unchanged (TTR: NaN).
 *
 * <p>Missing values: a missing volume makes the output NaN while it is inside the volume window; a bar with a missing
 * price outputs NaN and leaves the average unchanged (its volume still counts in V, docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "evwma",
        family = Family.MOVING_AVERAGE,
        summary = "Elastic volume-weighted moving average over the volume of the last period bars.",
        reference = "C. Fries 2001; R TTR EVWMA",
        scale = Scale.PRICE)
public final class Evwma {
    final RollingSum volumeSum;
    double value;
    boolean seeded;

    public Evwma(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.volumeSum = new RollingSum(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x, double volume) {
        double window = volumeSum.step(volume);
        if (window != window || !Double.isFinite(x)) {
            return Double.NaN;
        }
        if (!seeded) {
            seeded = true;
            value = x;
        } else if (window != 0.0) {
            double v = ((window - volume) * value + volume * x) / window;
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                // A tick near the largest double overflowed this order's products; the mean of the two is finite when
                // its weights are known, so weigh each first. A window of volumes that overflowed (its sum infinite or
                // NaN until the tick leaves it) gives no weights: the bar is skipped and the average kept.
                v = value * ((window - volume) / window) + x * (volume / window);
                if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                    return Double.NaN;
                }
            }
            value = v;
        }
        return value;
    }
}
