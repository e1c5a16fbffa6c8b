package io.ta.kernels.event;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Step;

/**
 * Cross up (laakhay-ta {@code crossup}, docs/spec.md §2.8): 1.0 at bar t when {@code a_t > b_t} and
 * {@code a_{t−1} ≤ b_{t−1}}, else 0.0. No TTR/Tulip equivalent.
 *
 * <p>A flag: never NaN, 0.0 at bar 0 (there is no previous bar, lookback 1). A step that reads a missing value —
 * in the current pair or the previous one — is 0.0 (§5.2), so one missing cell clears exactly two bars.
 */
@Chart(style = Chart.Style.MARKER_BELOW)
@Kernel(
        name = "crossup",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where a crosses above b: a > b now and a <= b on the previous bar.",
        reference = "laakhay-ta crossup; no TTR/Tulip equivalent")
public final class CrossUp {
    double previousA = Double.NaN;
    double previousB = Double.NaN;

    public CrossUp() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double a, double b) {
        double pa = previousA;
        double pb = previousB;
        previousA = a;
        previousB = b;
        // ±Infinity counts as missing (§5.2), so a plain comparison (false only for NaN) is not enough.
        if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(pa) && Double.isFinite(pb))) {
            return 0.0;
        }
        return a > b && pa <= pb ? 1.0 : 0.0;
    }
}
