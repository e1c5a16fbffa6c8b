package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Ehlers' two-pole high-pass filter (J. F. Ehlers, <i>Cycle Analytics for Traders</i>, 2013, ch. 2; the filter of
 * his roofing filter and decyclers, TASC Jan 2014 and Sep 2015): passes cycles shorter than {@code period} bars,
 * removes the trend. {@code α = (cos(0.707·360°/n) + sin(0.707·360°/n) − 1)/cos(0.707·360°/n)},
 * {@code hp = (1 − α/2)²·(x − 2x₋₁ + x₋₂) + 2(1 − α)·hp₋₁ − (1 − α)²·hp₋₂}, in Ehlers' operation order.
 *
 * <p>Seeding: at rest on the first value ({@code x₋₁ = x₋₂ = x₀}, {@code hp₋₁ = hp₋₂ = 0}), so {@code hp₀ = 0} and
 * the output is valid from bar 0; Ehlers' zero-initialised TradeStation variables see a step from 0 to the price
 * instead, a transient this seeding avoids. The output is a price difference (it scales with price).
 *
 * <p>Recursive state: a missing input outputs NaN and is skipped (docs/spec.md §5.2). A bar whose {@code hp} would
 * overflow (an input near ±{@link Double#MAX_VALUE}, or the bar after one) outputs NaN and restarts the filter: its
 * state is a fresh instance's, so the next valid input starts it at rest again, as a stream started there would.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "highpass",
        aliases = "high_pass",
        family = Family.CYCLE,
        scale = Scale.PRICE,
        summary = "Ehlers' two-pole high-pass filter: the cycles shorter than period bars, trend removed.",
        reference = "J. F. Ehlers, Cycle Analytics for Traders (2013); base-R fixtures")
public final class HighPass {
    final double k0;
    final double k1;
    final double k2;
    double x1;
    double x2;
    double hp1;
    double hp2;
    boolean started;

    public HighPass(@Param(defaultValue = "48", min = 2, max = 100_000, doc = "cutoff period in bars") int period) {
        double angle = Math.toRadians(0.707 * 360.0 / period);
        double alpha = (Math.cos(angle) + Math.sin(angle) - 1.0) / Math.cos(angle);
        this.k0 = (1.0 - alpha / 2.0) * (1.0 - alpha / 2.0);
        this.k1 = 2.0 * (1.0 - alpha);
        this.k2 = (1.0 - alpha) * (1.0 - alpha);
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        if (!started) {
            started = true;
            x1 = x;
            x2 = x;
        }
        double hp = k0 * (x - 2.0 * x1 + x2) + k1 * hp1 - k2 * hp2;
        if (!(Math.abs(hp) <= Double.MAX_VALUE)) {
            return restart();
        }
        x2 = x1;
        x1 = x;
        hp2 = hp1;
        hp1 = hp;
        return hp;
    }

    /** Puts back a fresh instance's state: an infinite or NaN state would make every later output NaN. */
    private double restart() {
        started = false;
        x1 = 0.0;
        x2 = 0.0;
        hp1 = 0.0;
        hp2 = 0.0;
        return Double.NaN;
    }
}
