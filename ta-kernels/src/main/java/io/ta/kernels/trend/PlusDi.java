package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Plus directional indicator (Wilder 1978), as TA-Lib PLUS_DI: {@code 100·S⁺/S^TR} from bar n, where the Wilder sums
 * of +DM and of the true range come from the {@link WilderDm} core (docs/spec.md §3.2); 0 when {@code S^TR} ≈ 0.
 * Period 1 is excluded (TA-Lib drops the ×100 there).
 */
@Chart(pane = Chart.Pane.OWN, min = 0, max = 100)
@Kernel(
        name = "plus_di",
        family = Family.TREND,
        summary = "Plus directional indicator: 100 * Wilder sum of +DM / Wilder sum of true range.",
        reference = "TA-Lib PLUS_DI (Wilder 1978)",
        scale = Scale.UNITLESS)
public final class PlusDi {
    final WilderDm dm;

    public PlusDi(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.dm = new WilderDm(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double close) {
        return dm.advance(high, low, close) && dm.isSmoothed() ? dm.plusDi() : Double.NaN;
    }
}
