package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Arc sine in radians, in {@code [−π/2, π/2]}. Defined on {@code [−1, 1]}; outside it (a domain error) the output
 * is NaN.
 *
 * <p>= TA-Lib ASIN, which applies {@code Math.asin} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.asin}
 * would make of it.
 */
@Kernel(name = "asin", family = Family.MATH, summary = "Arc sine of x, in radians.", reference = "TA-Lib ASIN",
        scale = Scale.NONE)
public final class Asin {
    public Asin() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(@Input(min = -1, max = 1) double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.asin(x)) : Double.NaN;
    }
}
