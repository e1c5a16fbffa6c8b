package com.acme.ta;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.SlidingExtreme;

/**
 * Range position: where x sits within the range of its last n values, 0 at the low, 1 at the high, 0.5 when the
 * range is flat. The window's extremes come from {@link SlidingExtreme}, so the kernel is O(1) per bar and its
 * preview and replace-last are O(1) too; a missing value makes the output NaN while it is inside the window.
 */
@Kernel(
        name = "range_position",
        aliases = "rangepos",
        family = Family.MOMENTUM,
        summary = "Position of x within its last period values: 0 at the low, 1 at the high.",
        scale = Scale.UNITLESS)
public final class RangePosition {
    final SlidingExtreme high;
    final SlidingExtreme low;

    public RangePosition(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.high = SlidingExtreme.max(period);
        this.low = SlidingExtreme.min(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        high.push(x);
        low.push(x);
        if (!high.isFull() || high.hasMissing()) {
            return Double.NaN;
        }
        double hi = high.value();
        double lo = low.value();
        return hi == lo ? 0.5 : (x - lo) / (hi - lo);
    }
}
