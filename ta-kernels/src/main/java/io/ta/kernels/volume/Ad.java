package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Step;

/**
 * Chaikin accumulation/distribution line, as TA-Lib AD: the running total of
 * {@code ((C − L) − (H − C)) / (H − L) · V}; a bar whose range {@code H − L} is not positive adds 0 (TA-Lib's guard,
 * CATALOG.md §5.1). TA-Lib's expression and order, so the line matches it bit for bit. R TTR {@code chaikinAD}.
 *
 * <p>Cumulative (recursive) state: a bar with any missing input outputs NaN and adds nothing (CATALOG.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "ad",
        aliases = "chaikin_ad",
        family = Family.VOLUME,
        summary = "Chaikin accumulation/distribution line: running total of the close location value times volume.",
        reference = "TA-Lib AD (Chaikin); TTR chaikinAD")
public final class Ad {
    double total;

    public Ad() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double high, double low, double close, double volume) {
        if (!(Math.abs(high) <= Double.MAX_VALUE && Math.abs(low) <= Double.MAX_VALUE
                && Math.abs(close) <= Double.MAX_VALUE && Math.abs(volume) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        double range = high - low;
        if (range > 0.0) {
            total += (((close - low) - (high - close)) / range) * volume;
        }
        return total;
    }
}
