package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Sine of x in radians; defined for every finite x.
 *
 * <p>= TA-Lib SIN, which applies {@code Math.sin} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.sin}
 * would make of it.
 */
@Kernel(name = "sin", family = Family.MATH, summary = "Sine of x (radians).", reference = "TA-Lib SIN",
        scale = Scale.NONE)
public final class Sin {
    public Sin() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.sin(x)) : Double.NaN;
    }
}
