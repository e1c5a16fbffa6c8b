package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Hyperbolic cosine. Overflows for {@code |x|} above about 710.48; an overflow is NaN (docs/spec.md §2.7).
 *
 * <p>= TA-Lib COSH, which applies {@code Math.cosh} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.cosh}
 * would make of it.
 */
@Kernel(name = "cosh", family = Family.MATH, summary = "Hyperbolic cosine of x.", reference = "TA-Lib COSH",
        scale = Scale.NONE)
public final class Cosh {
    public Cosh() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(@Input(min = -710.4758600739439, max = 710.4758600739439) double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.cosh(x)) : Double.NaN;
    }
}
