package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;

/**
 * First difference {@code x − x₋₁} (laakhay-ta {@code diff}, pandas {@code Series.diff}). The first bar has no
 * previous value and is NaN (lookback 1; docs/spec.md §1.7: laakhay gave 0 there).
 *
 * <p>A one-bar reference (docs/spec.md §5.2): a missing value makes its own bar and the next one NaN, then the
 * difference is exact again. A difference beyond the double range is NaN, never an infinity.
 */
@Kernel(
        name = "diff",
        family = Family.MATH,
        summary = "Change from the previous value: x − x[t−1].",
        reference = "laakhay-ta diff; R base diff",
        scale = Scale.PRICE)
public final class Diff {
    double previous = Double.NaN;

    public Diff() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double x) {
        double p = previous;
        previous = x;
        // A NaN or infinite operand makes the difference non-finite, as does overflow: all of them are NaN.
        return Checks.finiteOrNaN(x - p);
    }
}
