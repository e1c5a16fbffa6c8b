package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Ehlers' two-pole super smoother (J. F. Ehlers, <i>Cycle Analytics for Traders</i>, 2013, eq. 3-3; introduced in
 * <i>Cybernetic Analysis for Stocks and Futures</i>, 2004): a two-pole Butterworth low-pass with cutoff period n
 * whose input is the two-bar mean, so the Nyquist cycle is removed completely:
 * {@code a1 = exp(−1.414·3.14159/n)}, {@code b1 = 2·a1·cos(1.414·180°/n)}, {@code c2 = b1}, {@code c3 = −a1²},
 * {@code c1 = 1 − c2 − c3}, {@code f = c1·(x + x₋₁)/2 + c2·f₋₁ + c3·f₋₂}. Ehlers' constants (1.414 and 3.14159,
 * degrees converted exactly) are kept, so results reproduce his published code.
 *
 * <p>Seeding: the filter starts at rest on the first value — {@code x₋₁ = f₋₁ = f₋₂ = x₀}, so {@code f₀ = x₀} and
 * the output is valid from bar 0 (lookback 0). Ehlers' TradeStation code starts its variables at 0, which makes the
 * first dozens of outputs a ramp from 0 up to the price; starting at rest removes that artificial transient.
 *
 * <p>Recursive state: a missing input outputs NaN and is skipped (docs/spec.md §5.2); {@code x₋₁} is then the last
 * valid input. A bar whose {@code f} would overflow (inputs near ±{@link Double#MAX_VALUE}) outputs NaN and restarts
 * the filter: its state is a fresh instance's, so the next valid input starts it at rest again, as a stream started
 * there would.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "supersmoother",
        aliases = {"super_smoother", "ssf"},
        family = Family.MOVING_AVERAGE,
        scale = Scale.PRICE,
        summary = "Ehlers' two-pole super smoother filter (cutoff period bars), started at rest on the first value.",
        reference = "J. F. Ehlers, Cycle Analytics for Traders (2013) eq. 3-3; base-R fixtures")
public final class SuperSmoother {
    final double c1;
    final double c2;
    final double c3;
    double previousX;
    double f1;
    double f2;
    boolean started;

    public SuperSmoother(
            @Param(defaultValue = "10", min = 2, max = 100_000, doc = "cutoff period in bars") int period) {
        this((double) period);
    }

    private SuperSmoother(double period) {
        double a1 = Math.exp(-1.414 * 3.14159 / period);
        double b1 = 2.0 * a1 * Math.cos(Math.toRadians(1.414 * 180.0 / period));
        this.c2 = b1;
        this.c3 = -a1 * a1;
        this.c1 = 1.0 - c2 - c3;
    }

    /** A super smoother with a fractional cutoff period, as Ehlers' reflex and trendflex use (half their length). */
    public static SuperSmoother ofPeriod(double period) {
        return new SuperSmoother(period);
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
            previousX = x;
            f1 = x;
            f2 = x;
            return x;
        }
        double f = c1 * (x + previousX) / 2.0 + c2 * f1 + c3 * f2;
        if (!(Math.abs(f) <= Double.MAX_VALUE)) {
            restart();
            return Double.NaN;
        }
        previousX = x;
        f2 = f1;
        f1 = f;
        return f;
    }

    /**
     * Puts back a fresh instance's state, so the next valid input starts the filter at rest: what an overflow does
     * (an infinite or NaN state would make every later output NaN), and what a kernel holding one does when it
     * restarts (trendflex).
     */
    public void restart() {
        started = false;
        previousX = 0.0;
        f1 = 0.0;
        f2 = 0.0;
    }
}
