package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingMin;
import io.ta.spi.Checks;

/**
 * Schaff trend cycle (D. Schaff, 1990s; published in "Schaff Trend Cycle", 2008), docs/spec.md §3.6: a MACD line
 * {@code m = ema(x, fast) − ema(x, slow)} (two independent {@link Ema}s) put through a stochastic twice, each time
 * smoothed by {@code factor}:
 * {@code k1 = 100·(m − min(m, cycle)) / (max(m, cycle) − min(m, cycle))},
 * {@code d1 = d1₋₁ + factor·(k1 − d1₋₁)} (first d1 = k1), then {@code k2} the same stochastic of d1 over
 * {@code cycle} bars and {@code stc = stc₋₁ + factor·(k2 − stc₋₁)} (first stc = k2). A flat window keeps the
 * previous stochastic (0 before the first one, §5.1) — flat meaning a range negligible next to the price for the
 * MACD line (a difference of two averages that are equal up to their last bits is not a trend) and next to 100 for
 * d1 ({@link Checks#negligible}), so the result does not flip with the unit prices are quoted in. The result lies in
 * [0, 100].
 *
 * <p>Each stochastic is {@code 100·((v − min)/range)}, the ratio first: a value at its window's high gives exactly 100
 * and one at its low exactly 0. Scaling first ({@code 100·(v − min)/range}) rounds a MACD line at its high to 100 or to
 * one ulp either side depending on the bits of the prices, and d1, converging to 100 through a trend, then dips one ulp
 * below its window's high; the second stochastic, whose window d1 has narrowed to some 1e5 ulps of 100, turns
 * that ulp into a drop of 1e-4 or more (seed 4242 of the property suite: 99.99974 for prices ×0.1 where 100 is exact).
 * With the ratio first, d1 approaching a saturated k1 never overshoots or dips, so it is its window's high and k2 is
 * exactly 100 in every unit.
 *
 * <p>Lookback: m from {@code slow − 1}, each stochastic adds {@code cycle − 1}. No TTR or Tulip function computes it.
 *
 * <p>Missing values: the EMAs and the two smoothings are recursive and skip a missing bar; the stochastics are
 * window reads, so a missing m (or d1) leaves them NaN while it is inside their window (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {25, 75}, min = 0, max = 100)
@Kernel(
        name = "stc",
        family = Family.MOMENTUM,
        scale = Scale.UNITLESS,
        summary = "Schaff trend cycle: a doubly smoothed stochastic of the MACD line, in [0, 100].",
        reference = "D. Schaff 2008")
@Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
public final class Stc {
    final double factor;
    final Ema fast;
    final Ema slow;
    final RollingMax macdHigh;
    final RollingMin macdLow;
    final RollingMax smoothHigh;
    final RollingMin smoothLow;
    double k1;
    double d1;
    double k2;
    double value;
    boolean smoothing;
    boolean started;

    public Stc(
            @Param(defaultValue = "23", min = 2, max = 100_000) int fastPeriod,
            @Param(defaultValue = "50", min = 2, max = 100_000) int slowPeriod,
            @Param(defaultValue = "10", min = 2, max = 100_000, doc = "window of both stochastics") int cycle,
            @Param(defaultValue = "0.5", min = 0, max = 1, minExclusive = true, doc = "smoothing of both stochastics")
                    double factor) {
        this.factor = factor;
        this.fast = new Ema(fastPeriod);
        this.slow = new Ema(slowPeriod);
        this.macdHigh = new RollingMax(cycle);
        this.macdLow = new RollingMin(cycle);
        this.smoothHigh = new RollingMax(cycle);
        this.smoothLow = new RollingMin(cycle);
    }

    public static int lookback(int slowPeriod, int cycle) {
        return slowPeriod - 1 + 2 * (cycle - 1);
    }

    @Step
    public double step(double x) {
        double m = fast.step(x) - slow.step(x);
        double high = macdHigh.step(m);
        double low = macdLow.step(m);
        double d = Double.NaN;
        if (high == high && low == low) {
            double range = high - low;
            if (!Checks.negligible(range, x)) {
                k1 = 100.0 * ((m - low) / range);
            }
            d1 = smoothing ? d1 + factor * (k1 - d1) : k1;
            smoothing = true;
            d = d1;
        }
        high = smoothHigh.step(d);
        low = smoothLow.step(d);
        if (high != high || low != low) {
            return Double.NaN;
        }
        double range = high - low;
        if (!Checks.negligible(range, 100.0)) {
            k2 = 100.0 * ((d - low) / range);
        }
        value = started ? value + factor * (k2 - value) : k2;
        started = true;
        return value;
    }
}
