package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;

/**
 * QQE, Quantitative Qualitative Estimation (R. Ignatov, QQE.mq4 for MetaTrader 4, 2006): an RSI smoothed by an EMA,
 * with trailing levels that follow it at a distance set by its own volatility. As in Ignatov's source:
 * {@code qqe = EMA(RSI(x, rsi_period), smooth)}; its bar-to-bar move {@code |qqe − qqe₋₁|} is smoothed twice by
 * EMAs of the "Wilders period" {@code 2·rsi_period − 1} (an EMA of that period has Wilder's constant
 * {@code 1/rsi_period}), giving the distance {@code dar}; a trailing level {@code tr} steps with factor f:
 * if {@code qqe < tr} then {@code tr = qqe + f·dar}, kept at most at the old level while the previous qqe was
 * below it too; if {@code qqe > tr} then {@code tr = qqe − f·dar}, kept at least at the old level while the
 * previous qqe was above it; equal leaves it. {@code slow} is Ignatov's level (f = 4.236, his "Value 2");
 * {@code fast} is the same rule with f = 2.618, the second line of the later MetaTrader 5 versions of the indicator.
 * Both levels start from 0, as MetaTrader's empty buffer does.
 *
 * <p>Deviation, by the catalog's rule (docs/spec.md §1.5): every EMA is seeded with the mean of its first n inputs,
 * where MetaTrader's {@code iMAOnArray} starts from the first value, so the first values differ until the seeds have
 * decayed. Lookback {@code rsi_period + (smooth − 1) + 1 + 2·(2·rsi_period − 2)}: the RSI, its EMA, one bar for the
 * first move, then the two Wilder EMAs. Recursive state: a missing x outputs NaN and is skipped (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {50})
@Kernel(
        name = "qqe",
        family = Family.MOMENTUM,
        summary = "QQE: EMA-smoothed RSI (qqe) with fast and slow trailing levels at 2.618 and 4.236 smoothed RSI ranges.",
        reference = "R. Ignatov, QQE.mq4 (MetaTrader 4, 2006)",
        scale = Scale.UNITLESS)
public final class Qqe {
    final Rsi rsi;
    final Ema smoothed;
    final Ema moveAverage;
    final Ema distance;
    final double fastFactor;
    final double slowFactor;
    double previous = Double.NaN;
    double fastLevel;
    double slowLevel;

    @Output(doc = "EMA of the RSI")
    double qqe;

    @Output(doc = "trailing level at fast_factor smoothed RSI ranges")
    double fast;

    @Output(doc = "trailing level at slow_factor smoothed RSI ranges (Ignatov's QQE line)")
    double slow;

    public Qqe(
            @Param(defaultValue = "14", min = 2, max = 50_000) int rsiPeriod,
            @Param(defaultValue = "5", min = 1, max = 100_000, doc = "EMA period smoothing the RSI") int smooth,
            @Param(defaultValue = "2.618", min = 0, minExclusive = true, doc = "distance of the fast level") double fastFactor,
            @Param(defaultValue = "4.236", min = 0, minExclusive = true, doc = "distance of the slow level") double slowFactor) {
        this.rsi = new Rsi(rsiPeriod);
        this.smoothed = new Ema(smooth);
        this.moveAverage = new Ema(2 * rsiPeriod - 1);
        this.distance = new Ema(2 * rsiPeriod - 1);
        this.fastFactor = fastFactor;
        this.slowFactor = slowFactor;
    }

    public static int lookback(int rsiPeriod, int smooth) {
        return rsiPeriod + (smooth - 1) + 1 + 2 * (2 * rsiPeriod - 2);
    }

    @Step
    public void step(double x) {
        qqe = Double.NaN;
        fast = Double.NaN;
        slow = Double.NaN;
        // Each stage runs only once the one before it has a value, so a missing x moves nothing.
        double r = rsi.step(x);
        if (r != r) {
            return;
        }
        double v = smoothed.step(r);
        if (v != v) {
            return;
        }
        double before = previous;
        previous = v;
        if (before != before) {
            return;
        }
        double a = moveAverage.step(Math.abs(v - before));
        if (a != a) {
            return;
        }
        double dar = distance.step(a);
        if (dar != dar) {
            return;
        }
        fastLevel = trail(fastLevel, v, before, fastFactor * dar);
        slowLevel = trail(slowLevel, v, before, slowFactor * dar);
        qqe = v;
        fast = fastLevel;
        slow = slowLevel;
    }

    /** Ignatov's trailing rule: the level after {@code now}, given the previous value and the distance. */
    private static double trail(double level, double now, double before, double distance) {
        if (now < level) {
            double t = now + distance;
            return before < level && t > level ? level : t;
        }
        if (now > level) {
            double t = now - distance;
            return before > level && t < level ? level : t;
        }
        return level;
    }
}
