package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.ma.Wma;

/**
 * Ehlers' center of gravity oscillator (J. F. Ehlers, "The CG Oscillator", TASC May 2002; <i>Cybernetic Analysis for
 * Stocks and Futures</i>, 2004): the balance point of the last n values weighted by their age,
 * {@code cg = −Σ_{c=0..n−1}(1 + c)·x[c] / Σ x[c] + (n + 1)/2} (c = 0 the current bar; Ehlers adds (n+1)/2 to
 * centre it on zero), nearly zero-lag and smooth. Ehlers feeds the median price; here x is any series.
 *
 * <p>O(1) and one source of truth: the age-weighted sum is {@code (n + 1)·Σx − W} with {@code W} the {@link Wma}'s
 * weighted sum (weights n for the current bar down to 1), which simplifies to {@code cg = (n + 1)/2·(wma/sma − 1)},
 * composing {@link Wma} and {@link Sma}. A zero sum gives 0 (CATALOG.md §5.1; Ehlers keeps the previous value). NaN
 * while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "cg",
        aliases = "center_of_gravity",
        family = Family.CYCLE,
        scale = Scale.UNITLESS,
        summary = "Ehlers' center of gravity oscillator: age-weighted balance point of the last period values.",
        reference = "J. F. Ehlers, TASC May 2002; base-R fixtures")
public final class Cg {
    final double halfSpan;
    final Wma weighted;
    final Sma plain;

    public Cg(@Param(defaultValue = "10", min = 1, max = 100_000) int period) {
        this.halfSpan = (period + 1) / 2.0;
        this.weighted = new Wma(period);
        this.plain = new Sma(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        double w = weighted.step(x);
        double s = plain.step(x);
        if (w != w || s != s) {
            return Double.NaN;
        }
        return s == 0.0 ? 0.0 : halfSpan * (w / s - 1.0);
    }
}
