package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * {@code e^x}. Overflows for x above about 709.78; an overflow is NaN (docs/spec.md §2.7). Underflow to 0 is a value,
 * not an error.
 *
 * <p>= TA-Lib EXP, which applies {@code Math.exp} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.exp}
 * would make of it.
 */
@Kernel(name = "exp", family = Family.MATH, summary = "Exponential of x.", reference = "TA-Lib EXP",
        scale = Scale.NONE)
public final class Exp {
    public Exp() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(@Input(max = 709.782712893384) double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.exp(x)) : Double.NaN;
    }
}
