package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Step;

/**
 * Running sum of every valid value so far (laakhay-ta {@code cumsum}, pandas {@code Series.cumsum}), summed in input
 * order.
 *
 * <p>Recursive state (CATALOG.md §5.2): a missing input outputs NaN and leaves the sum unchanged, so the next valid
 * bar continues from the carried sum (pandas' {@code skipna} behaves the same). A bar whose addition would overflow
 * is treated the same way — NaN, sum unchanged — so one extreme value cannot end the stream with an infinite sum.
 */
@Kernel(
        name = "cumsum",
        aliases = "cumulative_sum",
        family = Family.MATH,
        summary = "Running sum of x, skipping missing values.",
        reference = "laakhay-ta cumsum; R base cumsum")
public final class CumSum {
    double sum;

    public CumSum() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        double s = sum + x;
        // Non-finite exactly when x is missing or the sum overflows; either way the bar is skipped.
        if (!Double.isFinite(s)) {
            return Double.NaN;
        }
        sum = s;
        return s;
    }
}
