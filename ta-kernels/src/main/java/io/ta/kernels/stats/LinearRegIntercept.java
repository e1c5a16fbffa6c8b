package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * As TA-Lib LINEARREG_INTERCEPT: the intercept {@code b} of the least-squares line through the last n values —
 * the line's value at the oldest bar of the window.
 *
 * <p>Read from the family's one least-squares core, {@link LinearReg} (see there for the exact O(1) window sums and
 * missing values).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "linearreg_intercept",
        family = Family.STATISTIC,
        summary = "Intercept of the least-squares line over the last period values (its value at the oldest bar).",
        reference = "TA-Lib LINEARREG_INTERCEPT",
        scale = Scale.PRICE)
public final class LinearRegIntercept {
    final LinearReg fit;

    public LinearRegIntercept(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.fit = new LinearReg(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        fit.step(x);
        return fit.intercept;
    }
}
