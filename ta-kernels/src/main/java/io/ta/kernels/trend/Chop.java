package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.TrueRange;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingMin;
import io.ta.kernels.stats.RollingSum;

/**
 * Choppiness index (E. W. Dreiss): {@code 100·log10(ΣTR_n / (max(H, n) − min(L, n))) / log10(n)} — how much of the
 * path the bars travelled ({@link RollingSum} of the {@link TrueRange}) is needed to cover their net range. Near
 * 100 the market goes sideways, near 0 it trends in one straight run. A zero range or a zero ΣTR gives 0
 * (docs/spec.md §5.1).
 *
 * <p>The true ranges of consecutive bars overlap, so ΣTR covers the window's range and the index is at least 0; it
 * can exceed 100 slightly when the first bar's true range reaches back to a previous close outside the window.
 * Lookback: the true range starts at bar 1 and its sum needs n of them. No TTR or Tulip function computes it.
 *
 * <p>Missing values: every term is a window read (the true range reads the previous close), so the output is NaN
 * while a missing value is inside the window, then exact again (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {38.2, 61.8}, min = 0, max = 100)
@Kernel(
        name = "chop",
        family = Family.TREND,
        scale = Scale.UNITLESS,
        summary = "Choppiness index: 100 * log10(sum of true range / (highest high - lowest low)) / log10(period).",
        reference = "E. W. Dreiss")
public final class Chop {
    final double logPeriod;
    final TrueRange range;
    final RollingSum travelled;
    final RollingMax highest;
    final RollingMin lowest;

    public Chop(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.logPeriod = Math.log10(period);
        this.range = new TrueRange();
        this.travelled = new RollingSum(period);
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double close) {
        double path = travelled.step(range.step(high, low, close));
        double span = highest.step(high) - lowest.step(low);
        if (path != path || span != span) {
            return Double.NaN;
        }
        return span == 0.0 || path == 0.0 ? 0.0 : 100.0 * Math.log10(path / span) / logPeriod;
    }
}
