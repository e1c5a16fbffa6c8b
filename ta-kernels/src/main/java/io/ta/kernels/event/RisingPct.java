package io.ta.kernels.event;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Param;
import io.ta.annotation.Step;

/**
 * Rising by at least pct percent (laakhay-ta {@code rising_pct}, docs/spec.md §2.8): 1.0 at bar t when
 * {@code a_t ≥ a_{t−1}·(1 + pct/100)}, else 0.0, evaluated in that form (the multiplier is computed once, as
 * laakhay does), so for a negative {@code a_{t−1}} the threshold lies below it. No TTR/Tulip equivalent. A flag:
 * never NaN, 0.0 at bar 0 (lookback 1) and at steps that read a missing value.
 *
 * <p>Deliberate difference: laakhay-ta evaluates in {@code Decimal}, this kernel in binary doubles, so exactly on
 * the boundary a percentage without an exact binary form follows double rounding — with pct 10,
 * {@code 100·1.1 = 110.00000000000001}, so 100 → 110 is not flagged (laakhay: flagged).
 */
@Chart(style = Chart.Style.MARKER_BELOW)
@Kernel(
        name = "rising_pct",
        family = Family.EVENT,
        kind = OutputKind.FLAG,
        summary = "1 where a is at least pct percent above its previous value.",
        reference = "laakhay-ta rising_pct; no TTR/Tulip equivalent")
public final class RisingPct {
    final double multiplier;
    double previous = Double.NaN;

    public RisingPct(@Param(defaultValue = "5.0", min = 0, max = 10_000, doc = "Minimum rise in percent.") double pct) {
        this.multiplier = 1.0 + pct / 100.0;
    }

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
        return a >= p * multiplier ? 1.0 : 0.0;
    }
}
