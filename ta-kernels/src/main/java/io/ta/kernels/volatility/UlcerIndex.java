package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingSum;

/**
 * Ulcer index (P. Martin and B. McCann, 1987; "The Investor's Guide to Fidelity Funds", 1989): the root mean square of
 * percentage drawdowns. Each bar's drawdown is measured from the highest x of its last n bars,
 * {@code R = 100·(x − max)/max} ({@link RollingMax}), and the index is {@code √(mean of R² over the last n bars)}
 * (the {@link RollingSum} over n) — the rolling form of StockCharts, pandas-ta and TradingView, default 14 as
 * Martin. (Martin's own worked examples measure each drawdown from the highest price since the start of the period
 * under study; a rolling n-bar high is what makes it an indicator.) Lookback {@code 2(n − 1)}: the mean starts at the
 * first drawdown.
 *
 * <p>Percentage drawdowns need positive prices (domain {@code x > 0}); a non-positive value counts as missing. Missing
 * values make the output NaN while they are inside either window, then it is exact again (§5.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "ulcer_index",
        aliases = "ulcer",
        family = Family.VOLATILITY,
        summary = "Ulcer index: root mean square of the percentage drawdowns from the rolling period high.",
        reference = "P. Martin & B. McCann 1987 (Ulcer Index); StockCharts rolling form",
        scale = Scale.UNITLESS)
public final class UlcerIndex {
    final RollingMax highest;
    final double period;
    /** Exact, not sma's running total: a window at its highs must give exactly 0, never the root of a residue. */
    final RollingSum squares;

    public UlcerIndex(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.highest = new RollingMax(period);
        this.period = period;
        this.squares = new RollingSum(period);
    }

    public static int lookback(int period) {
        return 2 * (period - 1);
    }

    @Step
    public double step(@Input(min = 0, minExclusive = true) double x) {
        double v = x > 0 ? x : Double.NaN;
        double max = highest.step(v);
        double drawdown = 100.0 * (v - max) / max;
        return Math.sqrt(squares.step(drawdown * drawdown) / period);
    }
}
