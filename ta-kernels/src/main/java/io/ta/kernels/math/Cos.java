package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Cosine of x in radians; defined for every finite x.
 *
 * <p>= TA-Lib COS, which applies {@code Math.cos} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.cos}
 * would make of it.
 */
@Kernel(name = "cos", family = Family.MATH, summary = "Cosine of x (radians).", reference = "TA-Lib COS",
        scale = Scale.NONE)
public final class Cos {
    public Cos() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.cos(x)) : Double.NaN;
    }
}
