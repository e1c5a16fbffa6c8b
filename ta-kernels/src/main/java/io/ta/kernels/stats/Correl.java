package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowComoments;

/**
 * Pearson correlation of x and y over the last n bars, as TA-Lib CORREL:
 * {@code Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)²·Σ(y − ȳ)²)}, 0 when either series is constant over the window (docs/spec.md
 * §5.1).
 *
 * <p>TA-Lib computes it from five running sums ({@code Σxy − ΣxΣy/n} and the like), which cancel catastrophically
 * for prices far from zero and keep every outlier's residue: over three million rows near 1e6 its correlation
 * drifts to 0.89 where the last window's is 0.92. Here the sums are the centred, exact window co-moments of
 * {@link WindowComoments}, so the result is the correlation of the current window to a few ulps, at any price level
 * and after any stream length; a series is "constant" when its spread is below the rounding bound of its own sums
 * (scale-relative, never TA-Lib's absolute 1e-8). Rounding cannot carry the result outside [−1, 1]. NaN while a
 * missing value of either input is inside the window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0}, min = -1, max = 1)
@Kernel(
        name = "correl",
        family = Family.STATISTIC,
        summary = "Pearson correlation of x and y over the last period bars.",
        reference = "TA-Lib CORREL",
        scale = Scale.UNITLESS)
public final class Correl {
    final WindowComoments window;

    public Correl(@Param(defaultValue = "30", min = 1, max = 100_000) int period) {
        this.window = new WindowComoments(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x, double y) {
        WindowComoments w = window;
        w.push(x, y);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        w.compute();
        double sxx = w.m2x();
        double syy = w.m2y();
        if (sxx == 0.0 || syy == 0.0) {
            return 0.0;
        }
        double r = w.comoment() / (Math.sqrt(sxx) * Math.sqrt(syy));
        return Math.max(-1.0, Math.min(1.0, r));
    }
}
