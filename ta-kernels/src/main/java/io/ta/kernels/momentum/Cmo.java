package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Rma;

/**
 * Chande momentum oscillator, as TA-Lib CMO: the {@link Rsi} construction — gains and losses of the changes from
 * bar 1, each a Wilder average ({@link Rma}) seeded with the mean of the first n — then
 * {@code 100·((G − L)/(G + L))}, 0 when {@code G + L} is 0 (RSI's rule; TA-Lib: {@code |G + L| < 1e-8}, which
 * depends on the unit of quotation). First output at bar n.
 *
 * <p>docs/spec.md §1.7: Chande's original (and laakhay's) uses plain n-bar sums; TA-Lib's Wilder-smoothed form is the
 * one implemented. Recursive: a missing input outputs NaN and is skipped (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {-50, 50}, min = -100, max = 100)
@Kernel(
        name = "cmo",
        family = Family.MOMENTUM,
        summary = "Chande momentum oscillator: Wilder-smoothed (gains - losses) / (gains + losses), -100..100.",
        reference = "TA-Lib CMO (Chande 1994)",
        scale = Scale.UNITLESS)
public final class Cmo {
    final Rsi rsi;

    public Cmo(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.rsi = new Rsi(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double x) {
        // RSI's Wilder averages of gains and losses (one implementation), combined as (G − L)/(G + L) in TA-Lib's
        // order. RSI is NaN exactly when CMO is: warm-up or a missing bar.
        if (Double.isNaN(rsi.step(x))) {
            return Double.NaN;
        }
        double g = rsi.averageGain;
        double l = rsi.averageLoss;
        // As RSI's: a sum of averages of exact non-negative moves is 0 only when they all were.
        double sum = g + l;
        return sum == 0.0 ? 0.0 : 100.0 * ((g - l) / sum);
    }
}
