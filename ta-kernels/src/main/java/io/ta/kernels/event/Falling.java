package io.ta.kernels.event;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Step;

/**
 * Falling (laakhay-ta {@code falling}, docs/spec.md §2.8): 1.0 at bar t when {@code a_t < a_{t−1}}, else 0.0. No
 * TTR/Tulip equivalent. A flag: never NaN, 0.0 at bar 0 (lookback 1) and at steps that read a missing value
 * (either bar of the pair, §5.2).
 */
@Chart(style = Chart.Style.MARKER_ABOVE)
@Kernel(
        name = "falling",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where a is below its previous value.",
        reference = "laakhay-ta falling; no TTR/Tulip equivalent")
public final class Falling {
    /** a falls exactly when −a rises. */
    final Rising negated = new Rising();

    public Falling() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double a) {
        return negated.step(-a);
    }
}
