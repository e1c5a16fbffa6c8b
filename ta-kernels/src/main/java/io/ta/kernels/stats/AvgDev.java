package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * Average (mean absolute) deviation of the last n values from their mean, as TA-Lib 0.6 AVGDEV (not in the 0.4 Java
 * port): {@code Σ|x − mean| / n}. Tulip Indicators {@code md} matches.
 *
 * <p>TA-Lib's algorithm, in its order: each bar sums the window newest first, divides by n for the mean, then sums
 * the absolute deviations newest first and divides by n. That is O(n) per bar, as in TA-Lib — a mean absolute
 * deviation around a moving mean has no O(1) running form — and it is deliberately a fresh sum, not
 * {@link RollingSum}'s running total: the deviations are small differences from the mean, and a running total's
 * residue from values that left the window would swamp them.
 *
 * <p>NaN while a missing value is inside the window (CATALOG.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "avgdev",
        family = Family.STATISTIC,
        summary = "Mean absolute deviation of the last period values from their mean.",
        reference = "TA-Lib 0.6 AVGDEV; Tulip md")
public final class AvgDev {
    final int period;
    final DoubleRing window;
    int missing;

    public AvgDev(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
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
        if (full && !(Math.abs(left) <= Double.MAX_VALUE)) {
            missing--;
        }
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            missing++;
        }
        if (!window.isFull() || missing > 0) {
            return Double.NaN;
        }
        double sum = 0.0;
        for (int ago = 0; ago < period; ago++) {
            sum += window.get(ago);
        }
        double mean = sum / period;
        double deviation = 0.0;
        for (int ago = 0; ago < period; ago++) {
            deviation += Math.abs(window.get(ago) - mean);
        }
        return deviation / period;
    }
}
