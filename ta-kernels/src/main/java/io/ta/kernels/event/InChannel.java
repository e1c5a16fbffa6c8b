package io.ta.kernels.event;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Step;

/**
 * Inside a channel (laakhay-ta {@code in_channel}, docs/spec.md §2.8): 1.0 at bar t when
 * {@code lower_t ≤ price_t ≤ upper_t}, else 0.0 (bounds inclusive). No TTR/Tulip equivalent. A flag: never NaN,
 * valid from bar 0; 0.0 where any of the three values is missing (§5.2). Not the negation of {@link OutChannel}: a
 * missing value or a crossed channel ({@code lower > upper}) can make both 0 or both 1.
 */
@Kernel(
        name = "in_channel",
        aliases = "in",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where lower <= price <= upper.",
        reference = "laakhay-ta in_channel; no TTR/Tulip equivalent")
public final class InChannel {
    public InChannel() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double price, double upper, double lower) {
        if (!(Double.isFinite(price) && Double.isFinite(upper) && Double.isFinite(lower))) {
            return 0.0;
        }
        return price >= lower && price <= upper ? 1.0 : 0.0;
    }
}
