package io.ta.kernels.math;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Sign in {@code {−1, 0, 1}}. Mode {@code change} (laakhay-ta {@code sign}): the sign of the change {@code x − x₋₁},
 * composed from {@link Diff}, so the first bar is NaN (lookback 1; docs/spec.md §1.7: laakhay gave 0 there) and a
 * missing value makes its own bar and the next NaN. Mode {@code value}: the sign of x itself, lookback 0.
 *
 * <p>Zero is {@code +0.0} (never {@code −0.0}), so equal values compare equal bit for bit. In change mode a
 * difference beyond the double range is NaN, as in {@link Diff}.
 */
@Kernel(
        name = "sign",
        family = Family.MATH,
        summary = "Sign (−1, 0, 1) of the change of x, or of x itself.",
        reference = "laakhay-ta sign",
        scale = Scale.UNITLESS)
public final class Sign {
    /** What the sign is taken of. */
    public enum Mode {
        /** The change from the previous bar, {@code x − x₋₁}. */
        CHANGE,
        /** The value x. */
        VALUE
    }

    final boolean change;
    final Diff diff;

    public Sign(@Param(defaultValue = "change", doc = "sign of the change x − x[t−1], or of x itself") Mode mode) {
        this.change = mode == Mode.CHANGE;
        this.diff = new Diff();
    }

    public static int lookback(Mode mode) {
        return mode == Mode.CHANGE ? 1 : 0;
    }

    @Step
    public double step(double x) {
        double v = change ? diff.step(x) : x;
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        return v > 0 ? 1.0 : v < 0 ? -1.0 : 0.0;
    }
}
