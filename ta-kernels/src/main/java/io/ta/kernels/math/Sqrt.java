package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Square root. Defined for {@code x >= 0}; a negative x (a domain error) is NaN.
 *
 * <p>= TA-Lib SQRT, which applies {@code Math.sqrt} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.sqrt}
 * would make of it.
 */
@Kernel(name = "sqrt", family = Family.MATH, summary = "Square root of x.", reference = "TA-Lib SQRT",
        scale = Scale.NONE)
public final class Sqrt {
    public Sqrt() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(@Input(min = 0) double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.sqrt(x)) : Double.NaN;
    }
}
