package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.CumSum;

/**
 * Chaikin accumulation/distribution line, as TA-Lib AD: the running total of
 * {@code ((C − L) − (H − C)) / (H − L) · V}; a bar whose range {@code H − L} is not positive adds 0 (TA-Lib's guard,
 * docs/spec.md §5.1). TA-Lib's expression for each bar's flow; the total is a {@link CumSum} (compensated, so its error
 * does not grow with the history, where TA-Lib's running total accumulates one rounding per bar). R TTR
 * {@code chaikinAD}.
 *
 * <p>Cumulative (recursive) state: a bar with any missing input outputs NaN and adds nothing (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "ad",
        aliases = "chaikin_ad",
        family = Family.VOLUME,
        summary = "Chaikin accumulation/distribution line: running total of the close location value times volume.",
        reference = "TA-Lib AD (Chaikin); TTR chaikinAD",
        scale = Scale.VOLUME)
public final class Ad {
    final CumSum total;

    public Ad() {
        this.total = new CumSum();
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double high, double low, double close, double volume) {
        double range = high - low;
        // A missing input needs no test of its own: over a positive range it makes the term NaN or infinite, which the
        // sum skips; without one, x − x (0 for a finite x, NaN otherwise) makes the zero term NaN exactly then.
        return total.step(range > 0.0
                ? (((close - low) - (high - close)) / range) * volume
                : (range - range) + (close - close) + (volume - volume));
    }
}
