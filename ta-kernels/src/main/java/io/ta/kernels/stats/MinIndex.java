package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.RescanExtreme;

/**
 * The absolute input index (0 = the first bar, as a double) of the minimum of the last n values, as TA-Lib MININDEX.
 *
 * <p>Ties follow TA-Lib (docs/spec.md §2.2): a newly arrived value equal to the held minimum takes over; after the held
 * one leaves the window, TA-Lib's rescan keeps the oldest equal value. {@link io.ta.state.SlidingExtreme} resolves
 * every tie to the newest value, so this kernel uses {@link RescanExtreme}, which keeps TA-Lib's held index but
 * answers the rescan in O(1) amortized time. NaN while a missing value is inside the window.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "minindex",
        family = Family.STATISTIC,
        summary = "Absolute index of the minimum of the last period values (TA-Lib tie rule).",
        reference = "TA-Lib MININDEX",
        scale = Scale.UNITLESS)
public final class MinIndex {
    final RescanExtreme window;

    public MinIndex(@Param(defaultValue = "30", min = 2, max = 100_000) int period) {
        this.window = RescanExtreme.min(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        window.push(x);
        if (!window.isFull() || window.hasMissing()) {
            return Double.NaN;
        }
        return window.index();
    }
}
