package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * Weighted moving average, as TA-Lib WMA: weights 1..n (newest n), divided by n(n+1)/2, kept in O(1) per bar with
 * TA-Lib's two running sums (the weighted sum loses one plain sum per bar). Period 1 is the identity, exactly.
 *
 * <p>A missing value counts as 0 in the sums and makes the output NaN while it is inside the window; after it
 * leaves, the sums are exact again.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "wma",
        aliases = "rolling_wma",
        family = Family.MOVING_AVERAGE,
        summary = "Linearly weighted moving average, weights 1..period with the newest heaviest.",
        reference = "TA-Lib WMA")
public final class Wma {
    final int period;
    final double divider;
    final DoubleRing window;
    double periodSum;
    double periodSub;
    int missing;

    public Wma(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.period = period;
        this.divider = (double) period * (period + 1) / 2;
        this.window = new DoubleRing(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        boolean finite = Math.abs(x) <= Double.MAX_VALUE;
        if (period == 1) {
            return finite ? x : Double.NaN;
        }
        double v = finite ? x : 0.0;
        if (!finite) {
            missing++;
        }
        boolean full = window.isFull();
        double left = window.push(x);
        double leftValue = 0.0;
        if (full) {
            if (Math.abs(left) <= Double.MAX_VALUE) {
                leftValue = left;
            } else {
                missing--;
            }
        }
        if (!window.isFull()) {
            periodSub += v;
            periodSum += v * window.size();
            return Double.NaN;
        }
        // TA-Lib's order: the plain sum gains x and loses the value that left; the weighted sum gains n·x,
        // reports, then loses one plain sum (every weight drops by one).
        periodSub += v;
        periodSub -= leftValue;
        periodSum += v * period;
        double out = periodSum / divider;
        periodSum -= periodSub;
        return missing == 0 ? out : Double.NaN;
    }
}
