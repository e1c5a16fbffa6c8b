package io.ta.kernels.event;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Step;

/**
 * Outside a channel (laakhay-ta {@code out}, docs/spec.md §2.8): 1.0 at bar t when {@code price_t > upper_t} or
 * {@code price_t < lower_t}, else 0.0 (touching a bound is inside). No TTR/Tulip equivalent. A flag: never NaN,
 * valid from bar 0; 0.0 where any of the three values is missing (§5.2).
 */
@Kernel(
        name = "out",
        aliases = "out_channel",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where price > upper or price < lower.",
        reference = "laakhay-ta out; no TTR/Tulip equivalent")
public final class OutChannel {
    public OutChannel() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double price, double upper, double lower) {
        if (!(Double.isFinite(price) && Double.isFinite(upper) && Double.isFinite(lower))) {
            return 0.0;
        }
        return price > upper || price < lower ? 1.0 : 0.0;
    }
}
