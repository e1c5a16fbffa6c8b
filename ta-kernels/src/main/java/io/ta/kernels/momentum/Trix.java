package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;

/**
 * TRIX (J. Hutson, 1983), as TA-Lib TRIX: the one-bar {@link Roc} ({@code ((e/e₋₁) − 1)·100}, 0 when e₋₁ is 0) of
 * {@code e = ema(ema(ema(x, n), n), n)}, three {@link Ema}s each starting at the previous one's first value.
 * Lookback {@code 3(n−1) + 1}.
 *
 * <p>Recursive: a missing input outputs NaN and is skipped by every stage, so the next rate of change compares with
 * the last valid triple average (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "trix",
        family = Family.MOMENTUM,
        summary = "TRIX: one-bar rate of change (percent) of a triple EMA.",
        reference = "TA-Lib TRIX (Hutson 1983)",
        scale = Scale.UNITLESS)
public final class Trix {
    final Ema first;
    final Ema second;
    final Ema third;
    double previous;
    boolean hasPrevious;

    public Trix(@Param(defaultValue = "30", min = 1, max = 100_000) int period) {
        this.first = new Ema(period);
        this.second = new Ema(period);
        this.third = new Ema(period);
    }

    public static int lookback(int period) {
        return 3 * (period - 1) + 1;
    }

    @Step
    public double step(double x) {
        if (!Double.isFinite(x)) {
            return Double.NaN;
        }
        double e = third.step(second.step(first.step(x)));
        if (e != e) {
            return Double.NaN;
        }
        if (!hasPrevious) {
            previous = e;
            hasPrevious = true;
            return Double.NaN;
        }
        double out = Roc.percent(e, previous);
        previous = e;
        return out;
    }
}
