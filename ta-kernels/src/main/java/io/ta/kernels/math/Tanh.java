package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Hyperbolic tangent, in {@code [−1, 1]}; defined for every finite x.
 *
 * <p>= TA-Lib TANH, which applies {@code Math.tanh} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.tanh}
 * would make of it.
 */
@Kernel(name = "tanh", family = Family.MATH, summary = "Hyperbolic tangent of x.", reference = "TA-Lib TANH",
        scale = Scale.NONE)
public final class Tanh {
    public Tanh() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.tanh(x)) : Double.NaN;
    }
}
