package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowSum;

/**
 * Sum of the last n values, as TA-Lib SUM, kept from drifting: a {@link WindowSum} subtracts only sums of its last two
 * blocks of n values, so the sum cannot drift over a long stream and an outlier leaves no residue once a window has
 * passed after it left (TA-Lib's running total keeps both forever); a sum of non-negative values is never below 0 and
 * a window of zeros sums to 0. Matches TA-Lib on clean data to a few ulps, not bit for bit.
 *
 * <p>Missing values (non-finite) occupy their window slot without entering the sum; the output is NaN while one
 * is inside the window (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "rolling_sum",
        aliases = "sum",
        family = Family.STATISTIC,
        summary = "Sum of the last period values.",
        reference = "TA-Lib SUM",
        scale = Scale.PRICE)
public final class RollingSum {
    final WindowSum window;

    public RollingSum(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.window = new WindowSum(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        WindowSum w = window;
        w.push(x);
        return w.isFull() && !w.hasMissing() ? w.sum() : Double.NaN;
    }
}
