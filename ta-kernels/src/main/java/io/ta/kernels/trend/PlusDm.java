package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Plus directional movement (Wilder 1978), as TA-Lib PLUS_DM: Wilder's running sum of +DM (docs/spec.md §3.2), read
 * from the {@link WilderDm} core, which states the rule, the seed and the missing-value handling. Period 1 outputs
 * the raw +DM from bar 1 (TA-Lib), which is the same recursion seeded with one value.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "plus_dm",
        family = Family.TREND,
        summary = "Plus directional movement: Wilder's running sum of +DM over period bars.",
        reference = "TA-Lib PLUS_DM (Wilder 1978)",
        scale = Scale.PRICE)
public final class PlusDm {
    final WilderDm dm;

    public PlusDm(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.dm = new WilderDm(period);
    }

    public static int lookback(int period) {
        return period > 1 ? period - 1 : 1;
    }

    @Step
    public double step(double high, double low) {
        return dm.advance(high, low) && dm.isSummed() ? dm.plusSum() : Double.NaN;
    }
}
