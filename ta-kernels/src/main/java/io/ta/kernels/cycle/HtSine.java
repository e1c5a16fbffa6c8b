package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Hilbert transform sine wave (Ehlers, Rocket Science for Traders 2001), as TA-Lib HT_SINE: the sine of the
 * {@link HtDcPhase dominant cycle phase} and of the phase advanced by 45°, {@code sin(phase·π/180)} and
 * {@code sin((phase + 45)·π/180)} with TA-Lib's degree-to-radian constant. First output at bar 63.
 *
 * <p>Recursive: a missing input outputs NaN and changes no state (§5.2). A bar that overflows the transform
 * outputs NaN and restarts it, and the phase with it (HilbertCore, "Overflow"): from the next valid bar on, the
 * outputs are those of a stream started there.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0}, min = -1, max = 1)
@Kernel(
        name = "ht_sine",
        family = Family.CYCLE,
        summary = "Hilbert transform sine wave: sine of the dominant cycle phase and its 45-degree lead (Ehlers).",
        reference = "TA-Lib HT_SINE",
        scale = Scale.UNITLESS)
public final class HtSine {
    /** Radians per degree, as TA-Lib computes it ({@code 1/rad2Deg}). */
    private static final double DEG_TO_RAD = 1.0 / HilbertCore.RAD_TO_DEG;

    final HtDcPhase phase;
    @Output(doc = "sine of the dominant cycle phase")
    double sine;
    @Output(doc = "sine of the phase advanced by 45 degrees")
    double leadSine;

    public HtSine() {
        this.phase = new HtDcPhase();
    }

    public static int lookback() {
        return 63;
    }

    @Step
    public void step(double x) {
        double p = phase.step(x);
        if (p != p) {
            sine = Double.NaN;
            leadSine = Double.NaN;
            return;
        }
        sine = sineOf(p);
        leadSine = leadSineOf(p);
    }

    /** The sine wave at a dominant cycle phase given in degrees. */
    public static double sineOf(double phaseDegrees) {
        return Math.sin(phaseDegrees * DEG_TO_RAD);
    }

    /** The lead sine wave (45° ahead) at a dominant cycle phase given in degrees. */
    public static double leadSineOf(double phaseDegrees) {
        return Math.sin((phaseDegrees + 45) * DEG_TO_RAD);
    }
}
