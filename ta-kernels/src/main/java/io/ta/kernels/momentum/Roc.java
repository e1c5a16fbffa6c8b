package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.Shift;

/**
 * Rate of change in percent, as TA-Lib ROC: {@code ((x/p) − 1)·100} with {@code p = x[t−n]}, in TA-Lib's order;
 * 0 when p is exactly 0 (TA-Lib's guard; docs/spec.md §1.7: laakhay gave NaN).
 *
 * <p>The step reads two cells, x and p: the output is NaN exactly when one of them is missing (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "roc",
        family = Family.MOMENTUM,
        summary = "Rate of change in percent: 100*(x/x[t-period] - 1).",
        reference = "TA-Lib ROC",
        scale = Scale.UNITLESS)
public final class Roc {
    final Shift lag;

    public Roc(@Param(defaultValue = "12", min = 1, max = 100_000) int period) {
        this.lag = new Shift(period);
    }

    public static int lookback(int period) {
        return period;
    }

    /** TA-Lib's ROC of x against an earlier value p: {@code ((x/p) − 1)·100}, 0 when p is 0. Also used by TRIX. */
    public static double percent(double x, double p) {
        return p != 0.0 ? (x / p - 1.0) * 100.0 : 0.0;
    }

    /** The rate of x against p, NaN when either is missing: the step's, for a kernel that keeps p itself. */
    public static double rate(double x, double p) {
        return Double.isFinite(x) && Double.isFinite(p) ? percent(x, p) : Double.NaN;
    }

    @Step
    public double step(double x) {
        return rate(x, lag.step(x)); // lag: x[t − period], NaN before it exists or when it is missing
    }
}
