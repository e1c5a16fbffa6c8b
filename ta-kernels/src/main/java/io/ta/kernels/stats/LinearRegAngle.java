package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * As TA-Lib LINEARREG_ANGLE: the slope of the least-squares line through the last n values as an angle in
 * degrees, {@code atan(m)·180/π}.
 *
 * <p>Read from the family's one least-squares core, {@link LinearReg} (see there for the exact O(1) window sums and
 * missing values).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0}, min = -90, max = 90)
@Kernel(
        name = "linearreg_angle",
        family = Family.STATISTIC,
        summary = "Angle in degrees of the least-squares line over the last period values: atan(slope)*180/pi.",
        reference = "TA-Lib LINEARREG_ANGLE",
        scale = Scale.NONE)
public final class LinearRegAngle {
    final LinearReg fit;

    public LinearRegAngle(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.fit = new LinearReg(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        fit.step(x);
        return Math.atan(fit.slope) * (180.0 / Math.PI);
    }
}
