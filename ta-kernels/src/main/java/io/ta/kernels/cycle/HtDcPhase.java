package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;
import io.ta.state.DoubleRing;

/**
 * Hilbert transform dominant cycle phase (Ehlers, Rocket Science for Traders 2001), as TA-Lib HT_DCPHASE. Runs the
 * family's {@link HilbertCore}, started at bar 37 as TA-Lib's lookback-63 functions do
 * ({@link HilbertCore#lateStart()}), and on every transformed bar:
 * <ul>
 *   <li>keeps the last 50 smoothed prices (TA-Lib's zero-filled circular buffer: slots not yet written read 0);</li>
 *   <li>with {@code n = (int)(smoothPeriod + 0.5)}, takes the one-cycle DFT
 *       {@code real = Σ_{i<n} sin(2πi/n)·p_{t−i}}, {@code imag = Σ_{i<n} cos(2πi/n)·p_{t−i}};</li>
 *   <li>each part is 0 when negligible next to {@code Σ|p_{t−i}|} (a window flat to its last bit: TA-Lib takes the
 *       rounding residue of the sums at face value, so the phase followed the unit of quotation);</li>
 *   <li>{@code phase = atan°(real/imag)} when {@code imag ≠ 0}; otherwise the previous phase, moved by −90° or +90°
 *       when {@code real} is negative or positive (TA-Lib's fallback, the one place the phase carries over from the
 *       previous bar);</li>
 *   <li>then {@code +90°}, {@code +360/smoothPeriod} (the smoother's one-bar lag), {@code +180°} when {@code imag < 0},
 *       and {@code −360°} when above 315°.</li>
 * </ul>
 * The first output is at bar 63 (TA-Lib's lookback). {@code ht_sine} and {@code ht_trendmode} hold one of these.
 *
 * <p>Recursive: a missing input returns NaN and changes no state (§5.2). A bar that overflows the transform
 * returns NaN and restarts it, and this phase with it (HilbertCore, "Overflow"): from the next valid bar on, the
 * outputs are those of a stream started there.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "ht_dcphase",
        family = Family.CYCLE,
        summary = "Hilbert transform dominant cycle phase, in degrees (Ehlers).",
        reference = "TA-Lib HT_DCPHASE",
        scale = Scale.UNITLESS)
public final class HtDcPhase {
    private static final int SMOOTH_PRICE_SIZE = 50;
    /** A full turn in radians, as TA-Lib computes it ({@code 8·atan(1)}). */
    private static final double TURN = Math.atan(1.0) * 8.0;

    final HilbertCore core;
    final DoubleRing smoothPrices;
    double phase;

    public HtDcPhase() {
        this.core = HilbertCore.lateStart();
        this.smoothPrices = new DoubleRing(SMOOTH_PRICE_SIZE);
    }

    public static int lookback() {
        return 63;
    }

    @Step
    public double step(double x) {
        if (!core.advance(x)) {
            if (core.fresh()) {
                restart();
            }
            return Double.NaN;
        }
        smoothPrices.push(core.smoothedPrice());
        double smoothPeriod = core.smoothPeriod();
        int n = (int) (smoothPeriod + 0.5);
        double realPart = 0.0;
        double imagPart = 0.0;
        double level = 0.0;
        for (int i = 0; i < n; i++) {
            double angle = (double) i * TURN / (double) n;
            double p = i < smoothPrices.size() ? smoothPrices.get(i) : 0.0;
            realPart += Math.sin(angle) * p;
            imagPart += Math.cos(angle) * p;
            level += Math.abs(p);
        }
        // Over a window flat to its last bit both parts are 0 in exact arithmetic; what the sums hold is rounding
        // (~1e-16 of the prices), whose direction, and so the phase, changed with the unit of quotation.
        if (Checks.negligible(realPart, level)) {
            realPart = 0.0;
        }
        if (Checks.negligible(imagPart, level)) {
            imagPart = 0.0;
        }
        double magnitude = Math.abs(imagPart);
        if (magnitude > 0.0) {
            phase = Math.atan(realPart / imagPart) * HilbertCore.RAD_TO_DEG;
        } else if (magnitude <= 0.01) {
            if (realPart < 0.0) {
                phase -= 90.0;
            } else if (realPart > 0.0) {
                phase += 90.0;
            }
        }
        phase += 90.0;
        // Compensates the one-bar lag of the price smoother.
        phase += 360.0 / smoothPeriod;
        if (imagPart < 0.0) {
            phase += 180.0;
        }
        if (phase > 315.0) {
            phase -= 360.0;
        }
        return core.bar() >= lookback() ? phase : Double.NaN;
    }

    /**
     * Returns to a fresh instance's state with the core (HilbertCore, "Overflow"): prices and a phase from before
     * the restart, next to a restarted transform, would give a phase that no stream gives.
     */
    private void restart() {
        smoothPrices.clear();
        phase = 0.0;
    }

    /** The phase after the last transformed bar, in degrees (0 before the transform starts). */
    public double phase() {
        return phase;
    }

    /** The Hilbert core this phase runs on (for a composite that reads the same transform). */
    public HilbertCore core() {
        return core;
    }
}
