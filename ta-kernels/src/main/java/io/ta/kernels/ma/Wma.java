package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowTrend;

/**
 * Weighted moving average, as TA-Lib WMA: weights 1..n (newest n), divided by n(n+1)/2. With positions p = 0..n−1
 * (oldest first) the weighted sum is {@code Σ(p+1)x = n(n+1)/2 · x̄ + Σ(p − p̄)(x − x̄)}, so
 * {@code WMA = x̄ + C / (n(n+1)/2)} with the mean and position co-moment of {@link WindowTrend}: exact window sums
 * instead of TA-Lib's two running sums, so it neither drifts nor keeps an outlier's residue. Period 1 is the
 * identity, exactly. Matches TA-Lib on clean data to a few ulps.
 *
 * <p>A missing value makes the output NaN while it is inside the window (CATALOG.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "wma",
        aliases = "rolling_wma",
        family = Family.MOVING_AVERAGE,
        summary = "Linearly weighted moving average, weights 1..period with the newest heaviest.",
        reference = "TA-Lib WMA",
        scale = Scale.PRICE)
public final class Wma {
    final double divider;
    final WindowTrend window;

    public Wma(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.divider = (double) period * (period + 1) / 2;
        this.window = new WindowTrend(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        WindowTrend w = window;
        w.push(x);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        w.compute();
        return w.mean() + w.comoment() / divider;
    }
}
