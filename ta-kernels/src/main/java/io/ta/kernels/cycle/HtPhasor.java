package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Hilbert transform phasor components (Ehlers, Rocket Science for Traders 2001), as TA-Lib HT_PHASOR: the in-phase
 * component I1 (the detrended smoothed price three bars back) and the quadrature component Q1 of the family's
 * {@link HilbertCore}, which starts its transform at bar 12 as TA-Lib does here ({@link HilbertCore#standard()}).
 * First output at bar 32.
 *
 * <p>Recursive: a missing input outputs NaN and changes no state (§5.2). A bar that overflows the transform
 * outputs NaN and restarts it (HilbertCore, "Overflow"): from the next valid bar on, the outputs are those of a
 * stream started there.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "ht_phasor",
        family = Family.CYCLE,
        summary = "Hilbert transform phasor components: in-phase and quadrature (Ehlers).",
        reference = "TA-Lib HT_PHASOR",
        scale = Scale.PRICE)
public final class HtPhasor {

    final HilbertCore core;
    @Output(doc = "in-phase component I1")
    double inphase;
    @Output(doc = "quadrature component Q1")
    double quadrature;

    public HtPhasor() {
        this.core = HilbertCore.standard();
    }

    public static int lookback() {
        return 32;
    }

    @Step
    public void step(double x) {
        boolean ready = core.advance(x) && core.bar() >= lookback();
        inphase = ready ? core.inPhase() : Double.NaN;
        quadrature = ready ? core.quadrature() : Double.NaN;
    }
}
