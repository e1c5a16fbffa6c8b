package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Negative part {@code min(x, 0)} (laakhay-ta {@code negative_values}): the values stay negative, not their
 * magnitudes. A missing input is NaN.
 */
@Kernel(
        name = "neg",
        aliases = {"negative_values", "negative"},
        family = Family.MATH,
        summary = "Negative part of x: min(x, 0).",
        reference = "laakhay-ta negative_values",
        scale = Scale.PRICE)
public final class Neg {
    public Neg() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return Double.isFinite(x) ? Math.min(x, 0.0) : Double.NaN;
    }
}
