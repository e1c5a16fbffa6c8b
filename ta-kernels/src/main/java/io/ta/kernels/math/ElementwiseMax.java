package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * The larger of two series at each bar (laakhay-ta {@code elementwise_max}; {@code max}/{@code min} name the rolling
 * kernels, docs/spec.md §1.4). NaN if either input is missing — a missing value is never ignored in favour of the other
 * series.
 */
@Kernel(
        name = "elementwise_max",
        family = Family.MATH,
        summary = "Larger of x and y at each bar; NaN if either is missing.",
        reference = "laakhay-ta elementwise_max",
        scale = Scale.PRICE)
public final class ElementwiseMax {
    public ElementwiseMax() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) ? Math.max(x, y) : Double.NaN;
    }
}
