package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * As TA-Lib TSF (time series forecast): the least-squares line through the last n values, extended one bar
 * past the newest, {@code b + m·n}.
 *
 * <p>Read from the family's one least-squares core, {@link LinearReg} (see there for the exact O(1) window sums and
 * missing values).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "tsf",
        family = Family.STATISTIC,
        summary = "Time series forecast: the least-squares line over the last period values, one bar past the newest.",
        reference = "TA-Lib TSF",
        scale = Scale.PRICE)
public final class Tsf {
    final LinearReg fit;

    public Tsf(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.fit = new LinearReg(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        fit.step(x);
        return fit.intercept + fit.slope * fit.period;
    }
}
