package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * The value {@code periods} bars ago, {@code x[t − periods]} (laakhay-ta {@code shift}, pandas {@code Series.shift});
 * {@code periods = 0} is the identity. Negative periods would read the future and are rejected (docs/spec.md §1.7).
 *
 * <p>The ring holds the last {@code periods + 1} inputs, so its oldest is the value to emit. A missing value comes
 * out NaN {@code periods} bars later, and only there (docs/spec.md §5.2).
 */
@Kernel(
        name = "shift",
        family = Family.MATH,
        summary = "The value periods bars ago.",
        reference = "laakhay-ta shift; R TTR lag",
        scale = Scale.PRICE)
public final class Shift {
    final DoubleRing window;

    public Shift(@Param(defaultValue = "1", min = 0, max = 100_000, doc = "how many bars back") int periods) {
        this.window = new DoubleRing(periods + 1);
    }

    public static int lookback(int periods) {
        return periods;
    }

    @Step
    public double step(double x) {
        window.push(x);
        if (!window.isFull()) {
            return Double.NaN;
        }
        double v = window.oldest();
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
