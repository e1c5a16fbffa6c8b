package io.ta.kernels.pattern;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * The price of the index-th most recent confirmed swing low (laakhay-ta {@code swing_low_at}, docs/spec.md §2.9,
 * §3.8): pivots come from the composed {@link SwingPoints}, so a pivot counts from its confirming bar on; NaN until
 * {@code index} pivot lows have been confirmed. Lookback {@code left + right}, the earliest bar a pivot can be
 * confirmed (with {@code index > 1} the first value comes later). Lows follow §3.8's laakhay rule: a
 * pivot low counts only once a pivot high exists at an index ≤ its own.
 *
 * <p>History is a ring of the last {@code index} pivot prices (at most one new pivot per bar). Missing values
 * (§5.2): the output is NaN at a bar whose L is missing — the level it reads from is missing there — and carries on
 * afterwards; pivot windows holding a missing value yield no pivot.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.STEP)
@Kernel(
        name = "swing_low_at",
        family = Family.PATTERN,
        kind = OutputKind.LEVEL,
        summary = "Price of the index-th most recent confirmed swing low.",
        reference = "laakhay-ta swing_low_at; no TTR/Tulip/TA-Lib equivalent",
        scale = Scale.PRICE)
public final class SwingLowAt {
    final SwingPoints swings;
    final DoubleRing pivots;

    public SwingLowAt(
            @Param(defaultValue = "1", min = 1, max = 1_000, doc = "1 = the latest confirmed pivot, 2 = the one before, ...") int index,
            @Param(defaultValue = "2", min = 1, max = 1_000, doc = "Bars before the pivot.") int left,
            @Param(defaultValue = "2", min = 1, max = 1_000, doc = "Bars after the pivot (confirmation delay).") int right,
            @Param(defaultValue = "false", doc = "Whether a pivot may tie another bar of its window.") boolean allowEqualExtremes) {
        this.swings = new SwingPoints(left, right, SwingPoints.ReturnMode.LEVELS, allowEqualExtremes);
        this.pivots = new DoubleRing(index);
    }

    public static int lookback(int left, int right) {
        return SwingPoints.lookback(left, right);
    }

    @Step
    public double step(double high, double low) {
        swings.step(high, low);
        return SwingHighAt.nth(pivots, swings.pivotLow(), low);
    }
}
