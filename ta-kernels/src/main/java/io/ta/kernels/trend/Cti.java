package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.RankWindow;

/**
 * Correlation trend indicator (J. Ehlers, Stocks &amp; Commodities, May 2020), as R TTR {@code CTI(price, n)}
 * computes it: the Spearman rank correlation of the last n values with time (a rising straight line), +1 for a
 * steady rise, −1 for a steady fall. Ehlers' own code takes the Pearson correlation of the prices themselves; TTR
 * ranks them first, which is what this kernel matches (with average ranks for ties, as R's {@code cor(method =
 * "spearman")}).
 *
 * <p>From the {@link RankWindow}'s exact integers: {@code ρ = 6W/√((n³ − n − T)(n³ − n))}, W the rank-time
 * concordance and T the tie correction, so the value is exact to the last rounding of that one expression, in
 * O(log n) per bar, and cannot drift. A window of equal values has no ranks to correlate (TTR: NA); it gives 0
 * (docs/spec.md §5.1). Missing values make the output NaN while they are inside the window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0}, min = -1, max = 1)
@Kernel(
        name = "cti",
        aliases = "correlation_trend",
        family = Family.TREND,
        summary = "Correlation trend indicator: Spearman correlation of the last period values with time.",
        reference = "J. Ehlers, Stocks & Commodities 2020-05; R TTR CTI (Spearman)",
        scale = Scale.UNITLESS)
public final class Cti {
    final RankWindow ranks;
    /** {@code n³ − n}, twelve times the variance of the time ranks. */
    final long cube;

    public Cti(@Param(defaultValue = "20", min = 2, max = 100_000) int period) {
        this.ranks = new RankWindow(period);
        this.cube = (long) period * period * period - period;
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        ranks.push(x);
        if (!ranks.isFull() || ranks.hasMissing()) {
            return Double.NaN;
        }
        long untied = cube - ranks.ties();
        return untied == 0 ? 0.0 : 6.0 * ranks.concordance() / Math.sqrt((double) untied * cube);
    }
}
