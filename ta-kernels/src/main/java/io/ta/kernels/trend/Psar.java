package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Parabolic stop and reverse (Wilder 1978), as TA-Lib SAREXT with start value 0, no reversal offset and the same
 * three accelerations for long and short (docs/spec.md §3.3; with {@code af_start = af_increment} it is TA-Lib SAR).
 * {@code sar} is the stop level and {@code direction} the position after the bar, +1 long, −1 short; both from
 * bar 1 (laakhay's bar-0 output and close-based start are settled to TA-Lib's, §1.7). {@code sar} is the level
 * itself, below the bar while long and above it while short, whatever the sign of the prices (a spread below zero).
 *
 * <p>Deliberate difference: TA-Lib clamps an acceleration above the maximum; here it is rejected (§5.3).
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.DOTS)
@Kernel(
        name = "psar",
        aliases = "sar",
        family = Family.TREND,
        summary = "Parabolic SAR: stop level and position direction (+1 long, -1 short).",
        reference = "Wilder 1978; TA-Lib SAREXT/SAR",
        scale = Scale.PRICE)
@Require(left = "af_start", op = Require.Op.LE, right = "af_max")
@Require(left = "af_increment", op = Require.Op.LE, right = "af_max")
public final class Psar {
    final Sarext sarext;
    @Output(doc = "the stop-and-reverse level")
    double sar;
    @Chart(pane = Chart.Pane.OWN, style = Chart.Style.STEP)
    @Output(doc = "+1 long, -1 short (position after the bar)", scale = Scale.UNITLESS)
    double direction;

    public Psar(
            @Param(defaultValue = "0.02", min = 0, doc = "initial acceleration factor") double afStart,
            @Param(defaultValue = "0.02", min = 0, doc = "acceleration step on each new extreme") double afIncrement,
            @Param(defaultValue = "0.2", min = 0, minExclusive = true, doc = "maximum acceleration factor") double afMax) {
        this.sarext = new Sarext(0.0, 0.0, afStart, afIncrement, afMax, afStart, afIncrement, afMax);
    }

    public static int lookback() {
        return 1;
    }

    @Step
    public void step(double high, double low) {
        double v = sarext.step(high, low);
        if (v != v) {
            sar = Double.NaN;
            direction = Double.NaN;
            return;
        }
        // SAREXT's sign is the position, not the level's: while short it reports 0 − sar, so the level is its
        // negation, which Math.abs gave only for positive prices (a long stop at −11 read 11). 0.0 + v for a long
        // stop, as 0.0 − v for a short one, writes a zero level as +0.0, as Math.abs did.
        boolean l = sarext.isLong();
        sar = l ? 0.0 + v : 0.0 - v;
        direction = l ? 1.0 : -1.0;
    }
}
