package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Hilbert transform dominant cycle period (Ehlers, Rocket Science for Traders 2001), as TA-Lib HT_DCPERIOD: the
 * smoothed period of the {@link HilbertCore} that starts its transform at bar 12 ({@link HilbertCore#standard()}).
 * First output at bar 32 (TA-Lib's lookback with unstable period 0).
 *
 * <p>Recursive: a missing input returns NaN and changes no state (§5.2). A bar that overflows the transform
 * returns NaN and restarts it (HilbertCore, "Overflow"): from the next valid bar on, the outputs are those of a
 * stream started there.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "ht_dcperiod",
        family = Family.CYCLE,
        summary = "Hilbert transform dominant cycle period (Ehlers).",
        reference = "TA-Lib HT_DCPERIOD",
        scale = Scale.UNITLESS)
public final class HtDcPeriod {

    final HilbertCore core;

    public HtDcPeriod() {
        this.core = HilbertCore.standard();
    }

    public static int lookback() {
        return 32;
    }

    @Step
    public double step(double x) {
        return core.advance(x) && core.bar() >= lookback() ? core.smoothPeriod() : Double.NaN;
    }
}
