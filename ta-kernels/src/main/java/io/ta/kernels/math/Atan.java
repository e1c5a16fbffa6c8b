package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Arc tangent in radians, in {@code (−π/2, π/2)}; defined for every finite x.
 *
 * <p>= TA-Lib ATAN, which applies {@code Math.atan} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.atan}
 * would make of it.
 */
@Kernel(name = "atan", family = Family.MATH, summary = "Arc tangent of x, in radians.", reference = "TA-Lib ATAN",
        scale = Scale.NONE)
public final class Atan {
    public Atan() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.atan(x)) : Double.NaN;
    }
}
