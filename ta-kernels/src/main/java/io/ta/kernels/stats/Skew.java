package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.MomentWindow;

/**
 * Rolling skewness of the last n values, the adjusted Fisher–Pearson coefficient
 * {@code G₁ = n/((n − 1)(n − 2))·Σ((x − mean)/s)³} with the sample deviation s — the skewness of pandas
 * {@code rolling().skew()} (so pandas-ta {@code skew}), Excel {@code SKEW}, SAS and R {@code e1071::skewness(type = 2)}.
 * In terms of the population coefficient {@code g₁ = m₃/m₂^{3/2}} (with {@code m_k = Σ(x − mean)^k/n}; R
 * {@code moments::skewness} and {@code e1071} type 1), {@code G₁ = g₁·√(n(n − 1))/(n − 2)}; e1071's default type 3
 * is {@code g₁·((n − 1)/n)^{3/2}}. Sample form chosen because it is what the Python and spreadsheet tools users
 * compare against report.
 *
 * <p>The centred sums come from a {@link MomentWindow} (merged, never from raw Σx³), so the result is the same at any
 * price scale and forgets an outlier once it has left the window. A constant window (exactly zero spread) gives 0
 * (docs/spec.md §5.1). Missing values make the output NaN while they are inside the window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "skew",
        aliases = "skewness",
        family = Family.STATISTIC,
        summary = "Rolling sample skewness (adjusted Fisher-Pearson G1) of the last period values.",
        reference = "Joanes & Gill 1998 (G1); pandas rolling skew; R e1071::skewness(type = 2)",
        scale = Scale.UNITLESS)
public final class Skew {
    /** {@code n·√(n − 1)/(n − 2)}: turns {@code Σd³/(Σd²)^{3/2}} into G₁. */
    final double factor;
    final MomentWindow moments;

    public Skew(@Param(defaultValue = "30", min = 3, max = 100_000) int period) {
        this.factor = period * Math.sqrt(period - 1.0) / (period - 2.0);
        this.moments = new MomentWindow(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        moments.push(x);
        return moments.isFlat() ? 0.0 : factor * moments.skewness();
    }
}
