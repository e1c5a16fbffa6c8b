package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.cycle.HilbertCore;
import io.ta.spi.Checks;

/**
 * MESA adaptive moving average and its following average (Ehlers, TASC Sep 2001), as TA-Lib MAMA (docs/spec.md §3.11).
 * Runs the {@link HilbertCore} whose transform starts at bar 12 as TA-Lib's MAMA ({@link HilbertCore#standard()}), and
 * on every transformed bar:
 * <ul>
 *   <li>{@code phase = atan°(Q1/I1)}, 0 when I1 ≈ 0 (negligible next to Q1 and to the level of the series, the
 *       larger of the input and the average; TA-Lib's test is I1 = 0 exactly);
 *       {@code Δ = phase₋₁ − phase}, at least 1;</li>
 *   <li>{@code α = fast_limit/Δ}, not below {@code slow_limit} ({@code α = fast_limit} when Δ = 1);</li>
 *   <li>{@code mama = α·x + (1 − α)·mama}, {@code fama = (α/2)·mama + (1 − α/2)·fama}, both starting at 0.</li>
 * </ul>
 * {@code x} is the raw input, not the smoothed price, as in TA-Lib. The core's period discriminator updates after this
 * in TA-Lib's loop; it reads nothing computed here, so the order is the same. First output at bar 32.
 *
 * <p>Recursive: a missing input outputs NaN and changes no state (§5.2). A bar that overflows the transform outputs
 * NaN and restarts it, and both averages with it (HilbertCore, "Overflow"): from the next valid bar on, the outputs
 * are those of a stream started there.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "mama",
        family = Family.MOVING_AVERAGE,
        summary = "MESA adaptive moving average (mama) and following adaptive moving average (fama).",
        reference = "TA-Lib MAMA",
        scale = Scale.PRICE)
public final class Mama {

    final double fastLimit;
    final double slowLimit;
    final HilbertCore core;
    double prevPhase;
    double mamaValue;
    double famaValue;
    @Output(doc = "MESA adaptive moving average")
    double mama;
    @Output(doc = "following adaptive moving average")
    double fama;

    public Mama(
            @Param(defaultValue = "0.5", min = 0.01, max = 0.99, doc = "upper limit of the adaptive smoothing factor")
                    double fastLimit,
            @Param(defaultValue = "0.05", min = 0.01, max = 0.99, doc = "lower limit of the adaptive smoothing factor")
                    double slowLimit) {
        this.fastLimit = fastLimit;
        this.slowLimit = slowLimit;
        this.core = HilbertCore.standard();
    }

    public static int lookback() {
        return 32;
    }

    @Step
    public void step(double x) {
        if (!core.advance(x)) {
            if (core.fresh()) {
                // The bar overflowed the transform, which restarted (HilbertCore, "Overflow"): the averages restart
                // with it, as a stream started at the next bar would.
                prevPhase = 0.0;
                mamaValue = 0.0;
                famaValue = 0.0;
            }
            mama = Double.NaN;
            fama = Double.NaN;
            return;
        }
        double phase = phase(core.inPhase(), core.quadrature(), Math.max(Math.abs(x), Math.abs(mamaValue)));
        double alpha = prevPhase - phase;
        prevPhase = phase;
        if (alpha < 1.0) {
            alpha = 1.0;
        }
        if (alpha > 1.0) {
            alpha = fastLimit / alpha;
            if (alpha < slowLimit) {
                alpha = slowLimit;
            }
        } else {
            alpha = fastLimit;
        }
        mamaValue = alpha * x + (1 - alpha) * mamaValue;
        alpha *= 0.5;
        famaValue = alpha * mamaValue + (1 - alpha) * famaValue;
        boolean ready = core.bar() >= lookback();
        mama = ready ? mamaValue : Double.NaN;
        fama = ready ? famaValue : Double.NaN;
    }

    /**
     * The phase of the phasor, {@code atan°(q1/i1)}, and 0 when I1 ≈ 0: TA-Lib's, with its "I1 = 0" made relative
     * ({@link Checks#negligible}) to the larger of Q1 and the level of the series. TA-Lib takes 0 only for I1 exactly
     * 0, and atan°(Q1/I1) is near ±90° for any I1 that is not, with the sign of I1; so a residue of rounding in I1 (an
     * input flat to its last bit, such as stochrsi's fastk pinned at 0) moved the phase by 90° or 180°, and α from
     * fast_limit to near slow_limit, in one unit of quotation and not in another. Whether an I1 below 1e-12 of Q1 and
     * of the level is 0, +ε or −ε is decided by rounding, not by the data, so it takes TA-Lib's I1 = 0 branch in every
     * unit. Real data never comes near the band: golden parity is unchanged.
     *
     * @param level the level of the series, in the input's unit: the larger of the input and the average
     */
    static double phase(double i1, double q1, double level) {
        return Checks.negligible(i1, Math.max(Math.abs(q1), level)) ? 0.0 : Math.atan(q1 / i1) * HilbertCore.RAD_TO_DEG;
    }
}
