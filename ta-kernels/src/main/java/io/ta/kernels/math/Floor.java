package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * Largest integer value not greater than x.
 *
 * <p>= TA-Lib FLOOR, which applies {@code Math.floor} to each bar; so does this kernel, bit for bit. A missing input
 * (NaN, ±Infinity; docs/spec.md §5.2) is checked first, so it is NaN for that bar only, whatever {@code Math.floor}
 * would make of it.
 */
@Kernel(
        name = "floor",
        family = Family.MATH,
        summary = "Largest integer not greater than x.",
        reference = "TA-Lib FLOOR",
        scale = Scale.NONE)
public final class Floor {
    public Floor() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return Double.isFinite(x) ? Checks.finiteOrNaN(Math.floor(x)) : Double.NaN;
    }
}
