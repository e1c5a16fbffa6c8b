package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Ehlers' Laguerre RSI (J. F. Ehlers, "Time Warp — Without Space Travel", 2002; <i>Cybernetic Analysis for Stocks
 * and Futures</i>, 2004): an RSI over the four taps of a Laguerre filter instead of over n bars, so a
 * "period" of 4 taps reacts like a much longer RSI with less lag. With damping {@code γ}:
 * {@code L0 = (1 − γ)·x + γ·L0₋₁}, {@code L1 = −γ·L0 + L0₋₁ + γ·L1₋₁}, {@code L2}, {@code L3} likewise; {@code CU}
 * and {@code CD} sum the rises and falls between adjacent taps ({@code L0 ≥ L1} counts as a rise, as Ehlers wrote
 * it), and {@code rsi = CU/(CU + CD)} in [0, 1].
 *
 * <p>Seeding: the taps start at rest on the first value, which avoids the ramp from 0 that Ehlers' zero-initialised
 * variables produce; the output is valid from bar 0 (lookback 0). When {@code CU + CD = 0} (all taps equal, as on bar
 * 0 or on a flat market) the previous value is kept, as in Ehlers' code, 0 before any; "0" is relative — within
 * {@code 1e-12} of the taps' level — since the taps of a flat input differ from it by rounding, and the ratio of
 * two rounding errors is noise anywhere in [0, 1]. Recursive state: a missing
 * input outputs NaN and is skipped (docs/spec.md §5.2); a bar that would make a tap infinite outputs NaN and restarts
 * the filter, so that the outputs from the next bar on are those of a stream started there.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0.2, 0.8}, min = 0, max = 1)
@Kernel(
        name = "laguerre_rsi",
        aliases = "lrsi",
        family = Family.MOMENTUM,
        scale = Scale.UNITLESS,
        summary = "Ehlers' Laguerre RSI: RSI over the four taps of a Laguerre filter, 0..1.",
        reference = "J. F. Ehlers, Cybernetic Analysis for Stocks and Futures (2004); base-R fixtures")
public final class LaguerreRsi {
    final double gamma;
    double l0;
    double l1;
    double l2;
    double l3;
    double rsi;
    boolean started;

    public LaguerreRsi(
            @Param(defaultValue = "0.5", min = 0, max = 1, maxExclusive = true, doc = "damping factor") double gamma) {
        this.gamma = gamma;
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
            l0 = l1 = l2 = l3 = x;
        }
        double g = gamma;
        double p0 = l0;
        double p1 = l1;
        double p2 = l2;
        double a = (1.0 - g) * x + g * p0;
        double b = -g * a + p0 + g * p1;
        double c = -g * b + p1 + g * p2;
        double d = -g * c + p2 + g * l3;
        double scale = Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(Math.abs(c), Math.abs(d)));
        if (!(scale <= Double.MAX_VALUE)) {
            return restart();
        }
        l0 = a;
        l1 = b;
        l2 = c;
        l3 = d;
        double cu = rises(a, b, c, d);
        double moves = cu + falls(a, b, c, d);
        if (moves > 1e-12 * scale) {
            rsi = moves <= Double.MAX_VALUE ? cu / moves : eighths(a, b, c, d);
        }
        return rsi;
    }

    /**
     * The share of the rises where the taps' moves add beyond the largest double (taps near both edges of the
     * doubles): the same ratio on the taps scaled by 1/8, exactly, where cu/inf read 0 (docs/contracts.md, "Extreme
     * values"). Three moves of at most MAX/4 each cannot overflow again.
     */
    private static double eighths(double a, double b, double c, double d) {
        a *= 0.125;
        b *= 0.125;
        c *= 0.125;
        d *= 0.125;
        double cu = rises(a, b, c, d);
        return cu / (cu + falls(a, b, c, d));
    }

    /**
     * {@code CU}: the rises between adjacent taps ({@code L0 ≥ L1} counts as one, as Ehlers wrote it). Each difference
     * goes up or down, a coin flip on market data: Math.max picks the same numbers as a branch on the comparison would,
     * without one.
     */
    private static double rises(double a, double b, double c, double d) {
        return Math.max(a - b, 0.0) + Math.max(b - c, 0.0) + Math.max(c - d, 0.0);
    }

    /** {@code CD}: the falls between adjacent taps. */
    private static double falls(double a, double b, double c, double d) {
        return Math.max(b - a, 0.0) + Math.max(c - b, 0.0) + Math.max(d - c, 0.0);
    }

    /**
     * Puts back a fresh instance's state when a tap overflowed (two ticks at the edge of the doubles, of opposite
     * signs or not): infinite taps would make every later output NaN (docs/contracts.md, "Extreme values").
     */
    private double restart() {
        started = false;
        l0 = l1 = l2 = l3 = 0.0;
        rsi = 0.0;
        return Double.NaN;
    }
}
