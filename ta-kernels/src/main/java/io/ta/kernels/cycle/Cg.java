package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowTrend;

/**
 * Ehlers' center of gravity oscillator (J. F. Ehlers, "The CG Oscillator", TASC May 2002; <i>Cybernetic Analysis for
 * Stocks and Futures</i>, 2004): the balance point of the last n values weighted by their age,
 * {@code cg = −Σ_{c=0..n−1}(1 + c)·x[c] / Σ x[c] + (n + 1)/2} (c = 0 the current bar; Ehlers adds (n+1)/2 to
 * centre it on zero), nearly zero-lag and smooth. Ehlers feeds the median price; here x is any series.
 *
 * <p>O(1 amortized), computed where it is well conditioned: the numerator is {@code Σ((n + 1)/2 − (1 + c))·x[c]}, whose
 * weights sum to 0, so it is the centred co-moment {@code C = Σ(p − p̄)(x − x̄)} of the values with their position
 * (p = 0 the oldest) and {@code cg = C / Σx}, both from the {@link WindowTrend} that {@code linearreg} uses ({@code Σx}
 * as its {@code total()}, one division a bar where {@code n·x̄} took two).
 * The algebraically equal {@code (n + 1)/2·(wma/sma − 1)} takes the difference of two averages of the prices: where
 * cg is small next to 1 (prices far from zero, cg ~1e-4) the rounding of the averages (~1e-16 of the price) becomes
 * ~1e-12 of cg; C is exact to a few ulps of itself, so cg is too. A zero sum gives 0 (docs/spec.md §5.1; Ehlers keeps
 * the previous value). NaN while a missing value is inside the window, and while the total is past the largest
 * double (ticks near it: docs/contracts.md, "Extreme values").
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
    final WindowTrend window;

    public Cg(@Param(defaultValue = "10", min = 1, max = 100_000) int period) {
        this.window = new WindowTrend(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        WindowTrend w = window;
        w.push(x);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        w.compute();
        double sum = w.total();
        // × (1 + 0·sum): × 1 for a finite total, NaN for one past the largest double (ticks near it), where
        // comoment/∞ read 0; no branch more on the way (a test cost the batch 10 %).
        return sum == 0.0 ? 0.0 : w.comoment() / sum * (1.0 + 0.0 * sum);
    }
}
