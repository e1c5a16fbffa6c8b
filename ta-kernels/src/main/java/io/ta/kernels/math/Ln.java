package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Natural logarithm. Defined for {@code x > 0}; {@code x <= 0} (a domain error; ln 0 would be {@code −∞}) is NaN.
 *
 * <p>= TA-Lib LN, which applies {@code Math.log} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.log}
 * would make of it.
 */
@Kernel(name = "ln", family = Family.MATH, summary = "Natural logarithm of x.", reference = "TA-Lib LN",
        scale = Scale.NONE)
public final class Ln {
    public Ln() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(@Input(min = 0, minExclusive = true) double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.log(x)) : Double.NaN;
    }
}
