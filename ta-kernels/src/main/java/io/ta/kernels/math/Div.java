package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Quotient of two series, as TA-Lib DIV: {@code x / y}. One deliberate deviation (docs/spec.md §5.1): {@code y = 0}
 * gives NaN where TA-Lib gives IEEE ±Infinity (or NaN for 0/0). A missing input (or overflow) gives NaN for that bar
 * only.
 */
@Kernel(
        name = "div",
        family = Family.MATH,
        summary = "Quotient of two series: x / y; NaN where y = 0.",
        reference = "TA-Lib DIV",
        scale = Scale.UNITLESS)
public final class Div {
    public Div() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x, @Input(nonZero = true) double y) {
        // Checked explicitly: a finite x over an infinite (missing) y would be a plausible-looking 0.
        if (!Double.isFinite(x) || !Double.isFinite(y) || y == 0.0) {
            return Double.NaN;
        }
        return Checks.finiteOrNaN(x / y);
    }
}
