package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingMin;

/**
 * Williams %R (L. Williams, 1973), as TA-Lib WILLR: {@code (HH − C)/((HH − LL)/−100)} over the last n bars
 * ({@link RollingMax} of the highs, {@link RollingMin} of the lows), in TA-Lib's order; 0 when {@code HH − LL} is
 * exactly 0 (TA-Lib's guard). Ranges over −100..0. NaN while a missing value is inside the window (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {-80, -20}, min = -100, max = 0)
@Kernel(
        name = "williams_r",
        aliases = {"willr", "wpr"},
        family = Family.MOMENTUM,
        summary = "Williams %R: -100 * (highest high - close) / (highest high - lowest low) over period bars.",
        reference = "TA-Lib WILLR (Williams 1973)",
        scale = Scale.UNITLESS)
public final class WilliamsR {
    final RollingMax highest;
    final RollingMin lowest;

    public WilliamsR(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double high, double low, double close) {
        double hh = highest.step(high);
        double ll = lowest.step(low);
        // No test for a missing value: HH and LL are NaN while one is in the window, and the quotient is then NaN; a
        // missing close makes it NaN or infinite, and outputs are written finite or NaN. Each test a profile never
        // saw taken was a trap in the compiled step, whose size decides whether a batch loop inlines it
        // (docs/kernel-guide.md). Only the flat range's 0 must test the close: 0 when it is finite, else NaN.
        double diff = (hh - ll) / -100.0;
        if (diff == Double.NEGATIVE_INFINITY) {
            // A range beyond the largest double (ticks near both its edges in the window): the same ratio of halves,
            // exactly, where (hh − close)/∞ read 0.
            return (hh * 0.5 - close * 0.5) / ((hh * 0.5 - ll * 0.5) / -100.0) + 0.0;
        }
        // + 0.0: a close at the high is 0/(−range), which is −0.0 (TA-Lib's bits), and a computed zero is +0.0
        // (docs/contracts.md, "Signed zeros"); every other value keeps its bits.
        return diff != 0.0 ? (hh - close) / diff + 0.0 : Math.abs(close) * 0.0;
    }
}
