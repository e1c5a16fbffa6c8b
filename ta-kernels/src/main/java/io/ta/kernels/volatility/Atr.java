package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Rma;
import io.ta.kernels.price.TrueRange;

/**
 * Average true range (Wilder 1978), as TA-Lib ATR: Wilder's smoothing ({@link Rma}) of the {@link TrueRange}. The
 * true range is NaN at bar 0 and {@code Rma} skips it, so the seed is the mean of TR over bars 1..n and the first
 * output is at bar n — TA-Lib's seed (docs/spec.md §1.7: laakhay seeded with TR₀ = H₀ − L₀). Then
 * {@code ATR = (ATR₋₁·(n−1) + TR)/n}, TA-Lib's operations in its order. Period 1 is the true range.
 *
 * <p>Recursive: a bar whose true range reads a missing cell outputs NaN and is skipped (§5.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "atr",
        family = Family.VOLATILITY,
        summary = "Average true range: Wilder's smoothing of the true range over period bars.",
        reference = "TA-Lib ATR (Wilder 1978)",
        scale = Scale.PRICE)
public final class Atr {
    final TrueRange range;
    final Rma average;

    public Atr(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.range = new TrueRange();
        this.average = new Rma(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double close) {
        return average.step(range.step(high, low, close));
    }
}
