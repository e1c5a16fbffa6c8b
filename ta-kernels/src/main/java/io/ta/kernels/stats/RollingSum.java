package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * Sum of the last n values, as TA-Lib SUM: a running total that drops the value leaving the window and adds the new
 * one — TA-Lib's operations in TA-Lib's order, so results match it bit for bit.
 *
 * <p>Missing values (non-finite) occupy their window slot without entering the total; the output is NaN while one
 * is inside the window (CATALOG.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN)
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
        boolean full = window.isFull();
        double left = window.push(x);
        // TA-Lib subtracts the value leaving right after an output and adds the new one before the next:
        // (total - left) + x, the same two operations in the same order.
        if (full) {
            if (Math.abs(left) <= Double.MAX_VALUE) {
                total -= left;
            } else {
                missing--;
            }
        }
        if (Math.abs(x) <= Double.MAX_VALUE) {
            total += x;
        } else {
            missing++;
        }
        return window.isFull() && missing == 0 ? total : Double.NaN;
    }
}
