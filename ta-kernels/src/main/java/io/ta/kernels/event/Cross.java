package io.ta.kernels.event;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Step;

/**
 * Cross in either direction (laakhay-ta {@code cross}, docs/spec.md §2.8): {@link CrossUp} or {@link CrossDown}, both
 * composed so the two definitions exist once. No TTR/Tulip equivalent. A flag: never NaN, 0.0 at bar 0 and at steps
 * that read a missing value.
 */
@Kernel(
        name = "cross",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where a crosses b in either direction (crossup or crossdown).",
        reference = "laakhay-ta cross; no TTR/Tulip equivalent")
public final class Cross {
    final CrossUp up = new CrossUp();
    final CrossDown down = new CrossDown();

    public Cross() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double a, double b) {
        // Both parts step on every bar: each keeps its own previous pair.
        double u = up.step(a, b);
        double d = down.step(a, b);
        return u == 1.0 || d == 1.0 ? 1.0 : 0.0;
    }
}
