package io.ta.kernels.event;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Step;
import io.ta.spi.Branchless;

/**
 * Rising (laakhay-ta {@code rising}, docs/spec.md §2.8): 1.0 at bar t when {@code a_t > a_{t−1}}, else 0.0. No
 * TTR/Tulip equivalent. A flag: never NaN, 0.0 at bar 0 (lookback 1) and at steps that read a missing value
 * (either bar of the pair, §5.2).
 */
@Chart(style = Chart.Style.MARKER_BELOW)
@Kernel(
        name = "rising",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where a is above its previous value.",
        reference = "laakhay-ta rising; no TTR/Tulip equivalent")
public final class Rising {
    double previous = Double.NaN;

    public Rising() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double a) {
        double p = previous;
        previous = a;
        if (!(Double.isFinite(a) && Double.isFinite(p))) {
            return 0.0;
        }
        return Branchless.indicator(a > p); // a coin flip on prices: no branch
    }
}
