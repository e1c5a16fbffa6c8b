package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowMoments;

/**
 * Population variance of the last n values, as TA-Lib VAR ({@code E[x²] − E[x]²}), computed as {@code Σ(x − x̄)²/n}
 * from the centred, exact window sums of {@link WindowMoments}: TA-Lib's two running sums cancel catastrophically for
 * prices far from zero and keep every outlier's residue; these do neither. A constant window is exactly 0, and a
 * variance below the rounding bound of its own computation is 0 (scale-relative, never TA-Lib's absolute 1e-8).
 * TA-Lib's unused {@code nbdev} parameter is dropped (docs/spec.md §2.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "var",
        aliases = "rolling_var",
        family = Family.STATISTIC,
        summary = "Population variance of the last period values.",
        reference = "TA-Lib VAR",
        scale = Scale.PRICE_SQUARED)
public final class RollingVar {
    final WindowMoments window;

    public RollingVar(@Param(defaultValue = "5", min = 1, max = 100_000) int period) {
        this.window = new WindowMoments(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        WindowMoments w = window;
        w.push(x);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        return w.variance();
    }

    /**
     * The window's mean as of the last step (the simple moving average); NaN until the window is full or while a
     * missing value is in it. Read from the window, not kept: a field would be state, stored on every bar and saved in
     * every checkpoint a stream takes.
     */
    public double mean() {
        WindowMoments w = window;
        return w.isFull() && !w.hasMissing() ? w.mean() : Double.NaN;
    }
}
