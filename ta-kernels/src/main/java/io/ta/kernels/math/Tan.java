package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Tangent of x in radians; finite for every finite double x (no double lies exactly on a pole).
 *
 * <p>= TA-Lib TAN, which applies {@code Math.tan} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.tan}
 * would make of it.
 */
@Kernel(name = "tan", family = Family.MATH, summary = "Tangent of x (radians).", reference = "TA-Lib TAN",
        scale = Scale.NONE)
public final class Tan {
    public Tan() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.tan(x)) : Double.NaN;
    }
}
