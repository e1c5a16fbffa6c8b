package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Rma;
import io.ta.kernels.stats.RollingVar;

/**
 * Relative volatility index, Dorsey's original (D. Dorsey, "The Relative Volatility Index", TASC June 1993): the RSI
 * with the {@code std_period}-bar standard deviation of the close in place of the daily change —
 * {@code up = σ} when the close rose, {@code down = σ} when it fell (0 otherwise), each smoothed by Wilder's average
 * over {@code period} bars ({@link Rma}, catalog seeding), {@code rvi = 100·up/(up + down)}. Dorsey's 1993 settings:
 * a 10-bar population deviation, a 14-bar smoothing. (His 1995 revision averages the RVIs of highs and lows; the
 * original on one series is used, the one most packages ship.)
 *
 * <p>The deviation is the square root of a {@link RollingVar} (a negative rounding residue counts as 0); the first
 * direction is at bar 1 and the first deviation at bar {@code std_period − 1} (≥ 1), so the averages start there and
 * the lookback is {@code (std_period − 1) + (period − 1)}. {@code up + down = 0} gives 0 (as the
 * catalog's rsi). Missing values: the window and the one-bar comparison make a bar missing for the averages, which
 * skip it (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {50}, min = 0, max = 100)
@Kernel(
        name = "rvi",
        aliases = "relative_volatility_index",
        family = Family.VOLATILITY,
        scale = Scale.UNITLESS,
        summary = "Dorsey's relative volatility index: RSI of the standard deviation by direction of the close.",
        reference = "D. Dorsey, TASC June 1993; base-R fixtures")
public final class Rvi {
    final RollingVar variance;
    final Rma upAverage;
    final Rma downAverage;
    double previous = Double.NaN;

    public Rvi(
            @Param(defaultValue = "14", min = 1, max = 100_000, doc = "bars of Wilder's smoothing") int period,
            @Param(defaultValue = "10", min = 2, max = 100_000, doc = "bars of the standard deviation") int stdPeriod) {
        this.variance = new RollingVar(stdPeriod);
        this.upAverage = new Rma(period);
        this.downAverage = new Rma(period);
    }

    public static int lookback(int period, int stdPeriod) {
        return stdPeriod - 1 + period - 1;
    }

    @Step
    public double step(double x) {
        double v = variance.step(x);
        double p = previous;
        previous = x;
        if (v != v || !Double.isFinite(p) || !Double.isFinite(x)) {
            return Double.NaN;
        }
        double sigma = Math.sqrt(Math.max(v, 0.0));
        double u = upAverage.step(x > p ? sigma : 0.0);
        double d = downAverage.step(x < p ? sigma : 0.0);
        if (u != u) {
            return Double.NaN;
        }
        double total = u + d;
        return total == 0.0 ? 0.0 : 100.0 * u / total;
    }
}
