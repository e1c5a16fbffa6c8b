package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Normalized average true range, as TA-Lib NATR (J. Forman, TASC May 2006): {@code ATR/C·100} of the composed
 * {@link Atr}, in TA-Lib's operation order; 0 when the close is ≈0 — negligible next to the ATR
 * ({@link Checks#negligible}), where TA-Lib's {@code |C| < 1e-8} zeroes the NATR of every price below 1e-8.
 *
 * <p>Deliberate choice at period 1: TA-Lib's NATR(1) returns the raw true range (it skips the normalization); this
 * kernel applies the catalog formula {@code 100·ATR/C} at every period, ATR(1) being the true range.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "natr",
        family = Family.VOLATILITY,
        summary = "Normalized ATR: 100 * ATR / close.",
        reference = "TA-Lib NATR",
        scale = Scale.UNITLESS)
public final class Natr {
    final Atr atr;

    public Natr(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.atr = new Atr(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double close) {
        double a = atr.step(high, low, close);
        if (a != a || !Double.isFinite(close)) {
            return Double.NaN;
        }
        return Checks.negligible(close, a) ? 0.0 : a / close * 100.0;
    }
}
