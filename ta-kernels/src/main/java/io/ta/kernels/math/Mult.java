package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Product of two series, as TA-Lib MULT: {@code x · y}. A missing input (or overflow) gives NaN for that bar only.
 */
@Kernel(name = "mult", family = Family.MATH, summary = "Product of two series: x · y.", reference = "TA-Lib MULT",
        scale = Scale.PRICE_SQUARED)
public final class Mult {
    public Mult() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x, double y) {
        // A non-finite operand makes the product non-finite (0 · ∞ is NaN), as does overflow: all of them are NaN.
        return Checks.finiteOrNaN(x * y);
    }
}
