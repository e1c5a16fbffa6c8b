package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.Tsf;

/**
 * Chande forecast oscillator (T. Chande; MetaStock's Forecast Oscillator): the percentage by which x differs from the
 * time series forecast of its last n values, {@code 100·(x − tsf)/x}, with {@link Tsf} (TA-Lib TSF, the least-squares
 * line extended one bar past the newest) — pandas-ta {@code cfo}, which calls TA-Lib's TSF, and fmlabs' Forecast
 * Oscillator reference. Default period 9 as pandas-ta. x = 0 gives 0 (docs/spec.md §5.1: an exact zero test).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "cfo",
        aliases = "forecast_oscillator",
        family = Family.MOMENTUM,
        summary = "Chande forecast oscillator: 100 * (x - tsf(x, period)) / x.",
        reference = "T. Chande (Forecast Oscillator); pandas-ta cfo",
        scale = Scale.UNITLESS)
public final class Cfo {
    final Tsf forecast;

    public Cfo(@Param(defaultValue = "9", min = 2, max = 100_000) int period) {
        this.forecast = new Tsf(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        double f = forecast.step(x);
        if (f != f || !Double.isFinite(x)) {
            return Double.NaN;
        }
        return x != 0.0 ? 100.0 * (x - f) / x : 0.0;
    }
}
