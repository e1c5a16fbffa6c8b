package com.acme.ta;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.trend.PlusDm;
import io.ta.kernels.trend.WilderDm;

/**
 * Directional balance: the share of Wilder-smoothed directional movement that is upward, {@code S⁺ / (S⁺ + S⁻)} —
 * 1 when every move was up, 0 when every move was down, 0.5 when nothing moved. Composition with a built-in core:
 * the sums are a {@link WilderDm}'s, the core plus_dm, minus_dm, plus_di, dx and adx are built on, so the Wilder
 * recursion lives in one place and this kernel adds only its ratio; a bar that reads a missing cell leaves the sums
 * unchanged and outputs NaN.
 */
@Kernel(
        name = "dm_balance",
        family = Family.TREND,
        summary = "Share of Wilder-smoothed directional movement that is upward: S+ / (S+ + S-).",
        scale = Scale.UNITLESS)
public final class DmBalance {
    final WilderDm dm;

    public DmBalance(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.dm = new WilderDm(period);
    }

    public static int lookback(int period) {
        return PlusDm.lookback(period); // the DM sums exist exactly when plus_dm's output does
    }

    @Step
    public double step(double high, double low) {
        if (!dm.advance(high, low) || !dm.isSummed()) {
            return Double.NaN;
        }
        double up = dm.plusSum();
        double total = up + dm.minusSum();
        return total == 0.0 ? 0.5 : up / total;
    }
}
