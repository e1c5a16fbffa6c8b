package io.ta.kernels.stats;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * Sum of the last n values, as TA-Lib SUM: a running total that adds the newest value, reports, then drops the
 * oldest — TA-Lib's operation order, so results match it bit for bit.
 *
 * <p>Missing values (non-finite) occupy their window slot without entering the total; the output is NaN while one
 * is inside the window (CATALOG.md §5.2).
 */
@Kernel(
        name = "rolling_sum",
        aliases = "sum",
        family = Family.STATISTIC,
        summary = "Sum of the last period values.",
        reference = "TA-Lib SUM")
public final class RollingSum {
    final int period;
    final DoubleRing window;
    double total;
    int missing;

    public RollingSum(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.period = period;
        this.window = new DoubleRing(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        boolean finite = Math.abs(x) <= Double.MAX_VALUE;
        double sum = finite ? total + x : total;
        if (!finite) {
            missing++;
        }
        window.push(x);
        if (!window.isFull()) {
            total = sum;
            return Double.NaN;
        }
        double out = missing == 0 ? sum : Double.NaN;
        double oldest = window.oldest();
        if (Math.abs(oldest) <= Double.MAX_VALUE) {
            total = sum - oldest;
        } else {
            total = sum;
            missing--;
        }
        return out;
    }
}
