package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.cycle.HighPass;

/**
 * Ehlers' simple decycler (J. F. Ehlers, "Decyclers", TASC Sep 2015): the input minus its {@link HighPass two-pole
 * high-pass} with cutoff {@code period} (125) — what is left is the trend, the cycles shorter than the cutoff
 * removed with almost no lag. The high-pass starts at rest, so the decycler equals the input at bar 0 and is valid
 * from there; a missing input outputs NaN and is skipped (docs/spec.md §5.2). A bar on which the high-pass overflows
 * and restarts (see there) outputs NaN, and from the next the decycler is the input again, as at bar 0.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "decycler",
        family = Family.MOVING_AVERAGE,
        scale = Scale.PRICE,
        summary = "Ehlers' simple decycler: x minus its two-pole high-pass, a trend line with almost no lag.",
        reference = "J. F. Ehlers, TASC Sep 2015; base-R fixtures")
public final class Decycler {
    final HighPass highPass;

    public Decycler(
            @Param(defaultValue = "125", min = 2, max = 100_000, doc = "high-pass cutoff period in bars") int period) {
        this.highPass = new HighPass(period);
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return x - highPass.step(x);
    }
}
