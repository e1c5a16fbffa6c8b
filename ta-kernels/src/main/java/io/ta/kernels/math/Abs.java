package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/** Absolute value {@code |x|} (laakhay-ta {@code abs}); a missing input is NaN. */
@Kernel(name = "abs", family = Family.MATH, summary = "Absolute value of x.", reference = "laakhay-ta abs",
        scale = Scale.PRICE)
public final class Abs {
    public Abs() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return Double.isFinite(x) ? Math.abs(x) : Double.NaN;
    }
}
