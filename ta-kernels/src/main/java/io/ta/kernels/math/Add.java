package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Sum of two series, as TA-Lib ADD: {@code x + y}. A missing input (or overflow) gives NaN for that bar only.
 */
@Kernel(name = "add", family = Family.MATH, summary = "Sum of two series: x + y.", reference = "TA-Lib ADD",
        scale = Scale.PRICE)
public final class Add {
    public Add() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x, double y) {
        // A non-finite operand makes the sum non-finite, as does overflow: all of them are NaN.
        return Checks.finiteOrNaN(x + y);
    }
}
