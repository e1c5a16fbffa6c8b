package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.MomentWindow;

/**
 * Rolling z-score: how many standard deviations x stands from the mean of its last n values,
 * {@code z = (x − mean)/σ} with the population deviation {@code σ = √(Σ(x − mean)²/n)} — the deviation of
 * {@code rolling_std} and {@code bbands}, so a close on the upper Bollinger band has {@code z = std_dev}. With the
 * sample deviation (pandas-ta {@code zscore}, which divides by n − 1) the value is {@code z·√((n − 1)/n)}. Because x
 * is one of the n values, {@code |z| ≤ √(n − 1)} (reached when the other n − 1 values are equal).
 *
 * <p>Mean and deviation come from a {@link MomentWindow} (merged centred sums, no running Σx²), so the z-score is the
 * same at any price scale and a constant window gives exactly σ = 0, where the output is 0 (docs/spec.md §5.1: an exact
 * zero test). Missing values make the output NaN while they are inside the window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {-2, 0, 2})
@Kernel(
        name = "zscore",
        aliases = "z_score",
        family = Family.STATISTIC,
        summary = "Rolling z-score: (x - mean) / population standard deviation over the last period values.",
        reference = "standard score with the population deviation of rolling_std; pandas-ta zscore (sample deviation)",
        scale = Scale.UNITLESS)
public final class Zscore {
    /** √n: turns {@code (x − mean)/√Σd²} into {@code (x − mean)/σ}. */
    final double rootN;
    final MomentWindow moments;

    public Zscore(@Param(defaultValue = "20", min = 2, max = 100_000) int period) {
        this.rootN = Math.sqrt(period);
        this.moments = new MomentWindow(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        moments.push(x);
        return moments.isFlat() ? 0.0 : rootN * moments.standardize(x);
    }
}
