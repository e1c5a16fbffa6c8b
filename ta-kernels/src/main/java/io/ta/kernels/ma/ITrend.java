package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Ehlers' instantaneous trendline (J. F. Ehlers, <i>Cybernetic Analysis for Stocks and Futures</i>, 2004): a
 * two-pole low-pass whose transfer function cancels the lag of the dominant cycle,
 * {@code it = (α − α²/4)·x + 0.5·α²·x₋₁ − (α − 0.75·α²)·x₋₂ + 2(1 − α)·it₋₁ − (1 − α)²·it₋₂}, started — as Ehlers
 * starts it for the first seven bars — with the FIR {@code (x + 2·x₋₁ + x₋₂)/4}; {@code trigger = 2·it − it₋₂}, the
 * crossing line. Ehlers feeds the median price (pass {@code hl2}) with α = 0.07.
 *
 * <p>Bars 2 to 5 (the first with two previous inputs, up to Ehlers' {@code CurrentBar < 7}) are the FIR, the recursion
 * runs from bar 6 on; {@code itrend} is valid from bar 2 and {@code trigger}, which reads two bars back, from bar 4
 * (per-output lookbacks, docs/spec.md §1.3). Recursive state: a missing input outputs NaN and is skipped
 * (docs/spec.md §5.2); the bar count that picks FIR or recursion counts valid bars only. A bar that would make the
 * trendline infinite outputs NaN and restarts it, so that the outputs from the next bar on are those of a stream
 * started there.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "itrend",
        aliases = "instantaneous_trendline",
        family = Family.MOVING_AVERAGE,
        scale = Scale.PRICE,
        summary = "Ehlers' instantaneous trendline and its trigger line.",
        reference = "J. F. Ehlers, Cybernetic Analysis for Stocks and Futures (2004); base-R fixtures")
public final class ITrend {
    final double k0;
    final double k1;
    final double k2;
    final double k3;
    final double k4;
    double x1;
    double x2;
    double it1;
    double it2;
    /** Valid bars seen, counted up to 7. */
    @Range(min = "0", max = "7")
    int seen;
    @Output(lookback = "itrendLookback", doc = "the instantaneous trendline")
    double itrend;
    @Output(lookback = "triggerLookback", doc = "2 * itrend - itrend two bars back")
    double trigger;

    public ITrend(@Param(defaultValue = "0.07", min = 0, max = 1, minExclusive = true, doc = "smoothing factor") double alpha) {
        this.k0 = alpha - alpha * alpha / 4.0;
        this.k1 = 0.5 * alpha * alpha;
        this.k2 = alpha - 0.75 * alpha * alpha;
        this.k3 = 2.0 * (1.0 - alpha);
        this.k4 = (1.0 - alpha) * (1.0 - alpha);
    }

    public static int lookback() {
        return 4;
    }

    public static int itrendLookback() {
        return 2;
    }

    public static int triggerLookback() {
        return 4;
    }

    @Step
    public void step(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            itrend = trigger = Double.NaN;
            return;
        }
        double it = Double.NaN;
        if (seen >= 2) {
            it = seen >= 6 ? k0 * x + k1 * x1 - k2 * x2 + k3 * it1 - k4 * it2 : (x + 2.0 * x1 + x2) / 4.0;
            // Tested where every bar after the first two comes: a test that only the warm-up's NaN reaches has too
            // few counts for C2 to leave the call out, and the kernel would escape into it (batch 1.5x).
            if (!(Math.abs(it) <= Double.MAX_VALUE)) {
                restart();
                return;
            }
        }
        trigger = seen >= 4 ? 2.0 * it - it2 : Double.NaN;
        itrend = it;
        if (seen < 7) {
            seen++;
        }
        x2 = x1;
        x1 = x;
        it2 = it1;
        it1 = it;
    }

    /**
     * Puts back a fresh instance's state when the trendline overflowed (two ticks at the top of the doubles): an
     * infinite trendline would make every later output NaN (docs/contracts.md, "Extreme values").
     */
    private void restart() {
        seen = 0;
        x1 = x2 = it1 = it2 = 0.0;
        itrend = trigger = Double.NaN;
    }
}
