package io.ta.kernels.pattern;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Param;
import io.ta.annotation.Step;

/**
 * Bill Williams' fractals (B. Williams, <i>Trading Chaos</i>, 1995; <i>New Trading Dimensions</i>, 1998): an up
 * fractal is a bar whose high is strictly above the highs of the {@code period} bars on each side (the classic
 * five-bar fractal at {@code period = 2}); a down fractal, a low strictly below the lows around it.
 *
 * <p>Confirmed, never repainted: a fractal at bar p can only be known once the {@code period} bars after it have
 * closed, so it is reported at the confirming bar {@code p + period} (1.0 there, 0.0 elsewhere) and nothing is ever
 * revised. The pivot test is {@link SwingPoints}' (strict maximum of the {@code 2·period + 1} bars), without
 * laakhay's "lows only after the first high" rule: Williams' up and down fractals are independent.
 *
 * <p>Equal highs: Williams allows a plateau of equal highs inside a longer pattern ("at least five bars"); chart
 * packages resolve plateaus differently, so the strict rule is used — the fractal bar must be the unique extreme of its
 * window — and a plateau yields no fractal. A window holding a
 * missing value yields none (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "fractals",
        aliases = "williams_fractals",
        family = Family.PATTERN,
        kind = OutputKind.FLAG,
        summary = "Williams fractals: 1.0 at the bar confirming an up (down) fractal period bars after it.",
        reference = "B. Williams, Trading Chaos (1995); hand-checked fixtures")
public final class Fractals {
    final SwingPoints pivots;
    @Chart(style = Chart.Style.MARKER_ABOVE)
    @Output(doc = "1.0 where an up fractal (a high above period bars on each side) is confirmed")
    double up;
    @Chart(style = Chart.Style.MARKER_BELOW)
    @Output(doc = "1.0 where a down fractal (a low below period bars on each side) is confirmed")
    double down;

    public Fractals(
            @Param(defaultValue = "2", min = 1, max = 1_000, doc = "bars on each side of the fractal") int period) {
        this.pivots = SwingPoints.williams(period);
    }

    public static int lookback(int period) {
        return 2 * period;
    }

    @Step
    public void step(double high, double low) {
        pivots.step(high, low);
        up = pivots.swingHigh;
        down = pivots.swingLow;
    }
}
