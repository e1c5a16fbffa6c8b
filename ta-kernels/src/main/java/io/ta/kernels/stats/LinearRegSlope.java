package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * As TA-Lib LINEARREG_SLOPE: the slope {@code m} (per bar) of the least-squares line through the last n values.
 *
 * <p>Read from the family's one least-squares core, {@link LinearReg} (see there for the exact O(1) window sums and
 * missing values).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "linearreg_slope",
        family = Family.STATISTIC,
        summary = "Slope per bar of the least-squares line over the last period values.",
        reference = "TA-Lib LINEARREG_SLOPE",
        scale = Scale.PRICE)
public final class LinearRegSlope {
    final LinearReg fit;

    public LinearRegSlope(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.fit = new LinearReg(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        fit.step(x);
        return fit.slope;
    }
}
