package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Arc cosine in radians, in {@code [0, π]}. Defined on {@code [−1, 1]}; outside it (a domain error) the output is NaN.
 *
 * <p>= TA-Lib ACOS, which applies {@code Math.acos} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.acos}
 * would make of it.
 */
@Kernel(name = "acos", family = Family.MATH, summary = "Arc cosine of x, in radians.", reference = "TA-Lib ACOS",
        scale = Scale.NONE)
public final class Acos {
    public Acos() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(@Input(min = -1, max = 1) double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.acos(x)) : Double.NaN;
    }
}
