package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/** Positive part {@code max(x, 0)} (laakhay-ta {@code positive_values}); a missing input is NaN. */
@Kernel(
        name = "pos",
        aliases = {"positive_values", "positive"},
        family = Family.MATH,
        summary = "Positive part of x: max(x, 0).",
        reference = "laakhay-ta positive_values",
        scale = Scale.PRICE)
public final class Pos {
    public Pos() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        // Math.max(0, -0.0) is +0.0, so the output is never negative zero.
        return Double.isFinite(x) ? Math.max(x, 0.0) : Double.NaN;
    }
}
