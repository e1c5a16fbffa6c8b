package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Positive volume index (P. Dysart; N. Fosback, "Stock Market Logic", 1976): the mirror of {@link Nvi}, following the
 * price on bars whose volume rose ({@code V > V₋₁}). Volume rises exactly when the negated volume falls, so this is
 * the {@link Nvi} of {@code −V}: one definition, start, percentage-change form, zero-close rule and missing-value
 * handling for both. Tulip {@code pvi} (start 1000) matches.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "pvi",
        family = Family.VOLUME,
        scale = Scale.UNITLESS,
        summary = "Positive volume index: follows the close's percentage changes on bars whose volume rose.",
        reference = "P. Dysart; N. Fosback, Stock Market Logic 1976; Tulip pvi")
public final class Pvi {
    final Nvi index;

    public Pvi(
            @Param(defaultValue = "1000", min = 0, minExclusive = true, doc = "the index at the first bar") double start) {
        this.index = new Nvi(start);
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double close, double volume) {
        return index.step(close, -volume);
    }
}
