package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;

/**
 * Population variance of the last n values, as TA-Lib VAR: {@code E[x²] − E[x]²} from two running sums (of x and of
 * x²), each a {@link RollingSum} so the totals are kept exactly as TA-Lib keeps them. TA-Lib's unused {@code nbdev}
 * parameter is dropped (CATALOG.md §2.2). Like TA-Lib, a variance that cancels to a tiny negative is not clamped;
 * {@link RollingStd} maps it to 0.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "var",
        aliases = "rolling_var",
        family = Family.STATISTIC,
        summary = "Population variance of the last period values.",
        reference = "TA-Lib VAR")
public final class RollingVar {
    final double period;
    final RollingSum sum;
    final RollingSum sumOfSquares;
    /** The mean of the last window (NaN until it is full), for kernels that need it beside the variance. */
    double mean = Double.NaN;

    public RollingVar(@Param(defaultValue = "5", min = 1, max = 100_000) int period) {
        this.period = period;
        this.sum = new RollingSum(period);
        this.sumOfSquares = new RollingSum(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        double m = sum.step(x) / period;
        double meanOfSquares = sumOfSquares.step(x * x) / period;
        mean = m;
        return meanOfSquares - m * m;
    }

    /** The window's mean as of the last step: TA-Lib SMA's value, from the same running sum. */
    public double mean() {
        return mean;
    }
}
