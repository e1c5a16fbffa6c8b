package io.ta.kernels.event;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Step;

/**
 * Exiting a channel (laakhay-ta {@code exit}, docs/spec.md §2.8): 1.0 at bar t when {@link OutChannel} holds at t and
 * {@link InChannel} held at t−1, composed from those two kernels. No TTR/Tulip equivalent. A flag: never NaN, 0.0
 * at bar 0 (lookback 1). A bar with a missing value is neither in nor out, so it is 0.0 and the bar after it is
 * 0.0 too (§5.2).
 */
@Chart(style = Chart.Style.MARKER_ABOVE)
@Kernel(
        name = "exit",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where price is outside the channel and was inside it on the previous bar.",
        reference = "laakhay-ta exit; no TTR/Tulip equivalent")
public final class Exit {
    final InChannel inside = new InChannel();
    final OutChannel outside = new OutChannel();
    boolean wasInside;

    public Exit() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double price, double upper, double lower) {
        boolean out = outside.step(price, upper, lower) == 1.0;
        boolean exited = out && wasInside;
        wasInside = inside.step(price, upper, lower) == 1.0;
        return exited ? 1.0 : 0.0;
    }
}
