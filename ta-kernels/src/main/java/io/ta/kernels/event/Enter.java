package io.ta.kernels.event;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Step;

/**
 * Entering a channel (laakhay-ta {@code enter}, docs/spec.md §2.8): 1.0 at bar t when {@link InChannel} holds at t and
 * {@link OutChannel} held at t−1, composed from those two kernels. No TTR/Tulip equivalent. A flag: never NaN, 0.0
 * at bar 0 (lookback 1). A bar with a missing value is neither in nor out, so it is 0.0 and the bar after it is
 * 0.0 too (§5.2: both steps read the missing cell).
 */
@Chart(style = Chart.Style.MARKER_BELOW)
@Kernel(
        name = "enter",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where price is inside the channel and was outside it on the previous bar.",
        reference = "laakhay-ta enter; no TTR/Tulip equivalent")
public final class Enter {
    final InChannel inside = new InChannel();
    final OutChannel outside = new OutChannel();
    boolean wasOutside;

    public Enter() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double price, double upper, double lower) {
        boolean in = inside.step(price, upper, lower) == 1.0;
        boolean entered = in && wasOutside;
        wasOutside = outside.step(price, upper, lower) == 1.0;
        return entered ? 1.0 : 0.0;
    }
}
