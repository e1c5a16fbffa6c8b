package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Base-10 logarithm. Defined for {@code x > 0}; {@code x <= 0} (a domain error; log 0 would be {@code −∞}) is NaN.
 *
 * <p>= TA-Lib LOG10, which applies {@code Math.log10} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.log10}
 * would make of it.
 */
@Kernel(name = "log10", family = Family.MATH, summary = "Base-10 logarithm of x.", reference = "TA-Lib LOG10",
        scale = Scale.NONE)
public final class Log10 {
    public Log10() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(@Input(min = 0, minExclusive = true) double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.log10(x)) : Double.NaN;
    }
}
