package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.MomentWindow;

/**
 * Rolling excess kurtosis of the last n values, the sample (bias-adjusted) estimator
 * {@code G₂ = ((n + 1)·g₂ + 6)·(n − 1)/((n − 2)(n − 3))} with {@code g₂ = m₄/m₂² − 3} and
 * {@code m_k = Σ(x − mean)^k/n} — the kurtosis of pandas {@code rolling().kurt()} (so pandas-ta {@code kurtosis}),
 * Excel {@code KURT}, SAS and R {@code e1071::kurtosis(type = 2)}; a normal sample gives about 0. Relations: R
 * {@code moments::kurtosis} is {@code g₂ + 3} (not in excess), {@code e1071} type 1 is {@code g₂} and its default
 * type 3 is {@code (g₂ + 3)(1 − 1/n)² − 3}.
 *
 * <p>The centred sums come from a {@link MomentWindow} (merged, never from raw Σx⁴), so the result is the same at any
 * price scale and forgets an outlier once it has left the window. A constant window (exactly zero spread) gives 0
 * (docs/spec.md §5.1). Missing values make the output NaN while they are inside the window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "kurtosis",
        aliases = "kurt",
        family = Family.STATISTIC,
        summary = "Rolling sample excess kurtosis (G2) of the last period values.",
        reference = "Joanes & Gill 1998 (G2); pandas rolling kurt; R e1071::kurtosis(type = 2)",
        scale = Scale.UNITLESS)
public final class Kurtosis {
    /** {@code n(n + 1)(n − 1)/((n − 2)(n − 3))}: the factor of {@code Σd⁴/(Σd²)²}. */
    final double factor;
    /** {@code 3(n − 1)²/((n − 2)(n − 3))}: the normal distribution's share. */
    final double offset;
    final MomentWindow moments;

    public Kurtosis(@Param(defaultValue = "30", min = 4, max = 100_000) int period) {
        double n = period;
        this.factor = n * (n + 1) * (n - 1) / ((n - 2) * (n - 3));
        this.offset = 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));
        this.moments = new MomentWindow(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        moments.push(x);
        return moments.isFlat() ? 0.0 : factor * moments.kurtosis() - offset;
    }
}
