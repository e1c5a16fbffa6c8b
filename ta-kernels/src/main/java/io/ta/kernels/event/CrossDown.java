package io.ta.kernels.event;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Step;

/**
 * Cross down (laakhay-ta {@code crossdown}, docs/spec.md §2.8): 1.0 at bar t when {@code a_t < b_t} and
 * {@code a_{t−1} ≥ b_{t−1}}, else 0.0. No TTR/Tulip equivalent.
 *
 * <p>A flag: never NaN, 0.0 at bar 0 (lookback 1). A step that reads a missing value — in the current pair or the
 * previous one — is 0.0 (§5.2).
 */
@Chart(style = Chart.Style.MARKER_ABOVE)
@Kernel(
        name = "crossdown",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where a crosses below b: a < b now and a >= b on the previous bar.",
        reference = "laakhay-ta crossdown; no TTR/Tulip equivalent")
public final class CrossDown {
    /** a crosses below b exactly when b crosses above a. */
    final CrossUp mirrored = new CrossUp();

    public CrossDown() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double a, double b) {
        return mirrored.step(b, a);
    }
}
