package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.momentum.Mom;
import io.ta.kernels.stats.RollingSum;
import io.ta.state.WindowSumPair;

/**
 * Trend detection index (M. H. Pee, "Trend Detection Index", Stocks &amp; Commodities), as R TTR {@code TDI}: with
 * {@code mom = x − x[t−n]} ({@link Mom}), {@code di = Σ_n mom}, and
 * {@code tdi = |di| − (Σ_{n·m}|mom| − Σ_n|mom|)}, the sums over the last n and {@code n·multiple} bars
 * (the two n-bar sums in one {@link WindowSumPair}, as a momentum and its absolute value are missing together; the
 * longer one a {@link RollingSum}). Positive tdi: a trend, whose direction is the sign of di.
 *
 * <p>Warm-up: TTR replaces the first n (undefined) momenta with 0 and so reports from bar {@code n·multiple − 1} on
 * sums of partly invented zeros. Here the sums start at the first real momentum (bar n), so the lookback is
 * {@code n + n·multiple − 1}; from there on every window holds real momenta only and the values equal TTR's exactly.
 * NaN while a missing value is inside a window (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "tdi",
        family = Family.TREND,
        scale = Scale.PRICE,
        summary = "Trend detection index: |sum of momentum| minus the extra absolute momentum of a longer window.",
        reference = "M. H. Pee (Stocks & Commodities); TTR TDI")
public final class Tdi {
    final Mom momentum;
    /** Σ_n mom and Σ_n |mom|. */
    final WindowSumPair moves;
    final RollingSum longAbsolute;
    @Output(doc = "|di| - (sum of |mom| over period*multiple - sum of |mom| over period)")
    double tdi;
    @Output(doc = "sum of the period-bar momentum over period bars")
    double di;

    public Tdi(
            @Param(defaultValue = "20", min = 1, max = 100_000) int period,
            @Param(defaultValue = "2", min = 1, max = 10, doc = "long window: period * multiple") int multiple) {
        this.momentum = new Mom(period);
        this.moves = new WindowSumPair(period);
        this.longAbsolute = new RollingSum(period * multiple);
    }

    public static int lookback(int period, int multiple) {
        return period + period * multiple - 1;
    }

    @Step
    public void step(double x) {
        double m = momentum.step(x);
        double a = Math.abs(m);
        WindowSumPair w = moves;
        w.push(m, a);
        boolean ok = w.isFull() && !w.hasMissing();
        double d = ok ? w.sumX() : Double.NaN;
        double shortSum = ok ? w.sumY() : Double.NaN;
        double longSum = longAbsolute.step(a);
        tdi = Math.abs(d) - (longSum - shortSum);
        di = tdi == tdi ? d : Double.NaN;
    }
}
