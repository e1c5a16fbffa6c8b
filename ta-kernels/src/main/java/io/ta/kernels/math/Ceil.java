package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Smallest integer value not less than x (negative values in {@code (−1, 0)} give {@code −0.0}, as in TA-Lib).
 *
 * <p>= TA-Lib CEIL, which applies {@code Math.ceil} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.ceil}
 * would make of it.
 */
@Kernel(name = "ceil", family = Family.MATH, summary = "Smallest integer not less than x.", reference = "TA-Lib CEIL",
        scale = Scale.NONE)
public final class Ceil {
    public Ceil() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.ceil(x)) : Double.NaN;
    }
}
