package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Difference of two series, as TA-Lib SUB: {@code x − y}. A missing input (or overflow) gives NaN for that bar only.
 */
@Kernel(name = "sub", family = Family.MATH, summary = "Difference of two series: x − y.", reference = "TA-Lib SUB",
        scale = Scale.PRICE)
public final class Sub {
    public Sub() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x, double y) {
        // A non-finite operand makes the difference non-finite, as does overflow: all of them are NaN.
        return Checks.finiteOrNaN(x - y);
    }
}
