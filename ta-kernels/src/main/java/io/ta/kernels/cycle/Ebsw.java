package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.SuperSmoother;

/**
 * Ehlers' Even Better Sinewave (J. F. Ehlers, <i>Cycle Analytics for Traders</i>, 2013): a one-pole high-pass
 * with cutoff {@code period} (Ehlers' "Duration", 40) removes the trend,
 * {@code α = (1 − sin(360°/n))/cos(360°/n)}, {@code hp = 0.5·(1 + α)·(x − x₋₁) + α·hp₋₁}; a {@link SuperSmoother}
 * with cutoff {@code ss_period} (10) removes the noise; the 3-bar mean of the result is normalised by the square
 * root of its 3-bar mean power, {@code wave = (f + f₋₁ + f₋₂)/3 / √((f² + f₋₁² + f₋₂²)/3)}, a sine-like wave in
 * [−1, 1] that saturates at ±1 in a trend. Zero power (a flat input) gives 0 (docs/spec.md §5.1).
 *
 * <p>Seeding: the high-pass and the smoother start at rest on the first value ({@code hp₀ = 0}, {@code f₀ = 0}), so
 * the first wave is at bar 2, over {@code f₀..f₂} (lookback 2). Ehlers' TradeStation code starts from zeroed
 * variables and the price's first step instead. Recursive state: a missing input outputs NaN and is skipped
 * (docs/spec.md §5.2). A bar that would make the high-pass infinite outputs NaN and restarts the kernel, so that the
 * outputs from the next bar on are those of a stream started there; where the squares of the power overflow or
 * underflow (after a tick near the edge of the doubles), the values are scaled by a power of two first: the ratio's
 * bits are those a wider exponent range would give.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0}, min = -1, max = 1)
@Kernel(
        name = "ebsw",
        aliases = "even_better_sinewave",
        family = Family.CYCLE,
        scale = Scale.UNITLESS,
        summary = "Ehlers' Even Better Sinewave: high-passed, super-smoothed price normalised to [-1, 1].",
        reference = "J. F. Ehlers, Cycle Analytics for Traders (2013); hand-checked and base-R fixtures")
public final class Ebsw {
    final double alpha;
    final double gain;
    final SuperSmoother smoother;
    double previousX;
    double hp;
    double f1;
    double f2;
    /** Smoothed values seen, counted up to 2. */
    @Range(min = "0", max = "2")
    int filtered;

    public Ebsw(
            @Param(defaultValue = "40", min = 5, max = 100_000, doc = "high-pass cutoff (Ehlers' Duration)") int period,
            @Param(defaultValue = "10", min = 2, max = 100_000, doc = "super smoother cutoff period") int ssPeriod) {
        double angle = Math.toRadians(360.0 / period);
        this.alpha = (1.0 - Math.sin(angle)) / Math.cos(angle);
        this.gain = 0.5 * (1.0 + alpha);
        this.smoother = new SuperSmoother(ssPeriod);
    }

    public static int lookback() {
        return 2;
    }

    @Step
    public double step(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        if (filtered == 0) {
            previousX = x;
        }
        double h = gain * (x - previousX) + alpha * hp;
        if (!(Math.abs(h) <= Double.MAX_VALUE)) {
            return restart();
        }
        hp = h;
        previousX = x;
        double f = smoother.step(hp);
        double wave = Double.NaN;
        if (filtered >= 2) {
            double power = (f * f + f1 * f1 + f2 * f2) / 3.0;
            // Squares of values beyond 1e154 overflow and below 1e-146 lose their digits: the ratio would read 0 for
            // thousands of bars after one tick of MAX_VALUE, while the high-pass still carries it.
            wave = power >= 0x1p-960 && power <= Double.MAX_VALUE
                    ? (f + f1 + f2) / 3.0 / Math.sqrt(power)
                    : scaledWave(f, f1, f2);
        } else {
            filtered++;
        }
        f2 = f1;
        f1 = f;
        return wave;
    }

    /**
     * The wave of three values whose squares would overflow or underflow: the same ratio of the values scaled by a
     * power of two, which is exact, so its bits are those a wider exponent range would give. 0 for a zero power (a
     * flat input), NaN when a value is missing (the smoother restarting).
     */
    static double scaledWave(double f, double f1, double f2) {
        double m = Math.max(Math.abs(f), Math.max(Math.abs(f1), Math.abs(f2)));
        if (m == 0.0) {
            return 0.0;
        }
        if (!(m <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        int e = Math.getExponent(m);
        double a = Math.scalb(f, -e);
        double b = Math.scalb(f1, -e);
        double c = Math.scalb(f2, -e);
        return (a + b + c) / 3.0 / Math.sqrt((a * a + b * b + c * c) / 3.0);
    }

    /**
     * Puts back a fresh instance's state when the high-pass overflowed (two ticks at opposite edges of the doubles): an
     * infinite high-pass would make every later output NaN (docs/contracts.md, "Extreme values").
     */
    private double restart() {
        filtered = 0;
        previousX = 0.0;
        hp = 0.0;
        f1 = 0.0;
        f2 = 0.0;
        smoother.restart();
        return Double.NaN;
    }
}
