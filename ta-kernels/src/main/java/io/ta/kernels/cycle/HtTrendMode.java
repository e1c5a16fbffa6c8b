package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.HtTrendline;

/**
 * Hilbert transform trend vs cycle mode (Ehlers, Rocket Science for Traders 2001), as TA-Lib HT_TRENDMODE: 1.0 in a
 * trend, 0.0 in a cycle. Composes {@link HtDcPhase} (which runs the Hilbert core from bar 37), {@link HtSine}'s sine
 * and lead sine of that phase, and an {@link HtTrendline} driven by the same core. On every transformed bar, in
 * TA-Lib's order:
 * <ol>
 *   <li>assume a trend;</li>
 *   <li>a crossing of sine and lead sine since the previous bar restarts the days-in-trend count and means a
 *       cycle;</li>
 *   <li>fewer days in trend than half the smoothed period means a cycle;</li>
 *   <li>a phase advance strictly between 0.67 and 1.5 times the dominant cycle's rate ({@code 360/smoothPeriod}
 *       degrees per bar) means a cycle;</li>
 *   <li>but a smoothed price at least 1.5% away from the trendline means a trend.</li>
 * </ol>
 * Phase, sine and lead sine start at 0 before the first transformed bar, as in TA-Lib. First output at bar 63. The
 * output is a number (NaN during warm-up, as TA-Lib's {@code outBegIdx}), not an event flag.
 *
 * <p>Recursive: a missing input returns NaN and changes no state (§5.2). A bar that overflows the transform
 * returns NaN and restarts it, and the phase, trendline, sines and days in trend with it (HilbertCore, "Overflow"):
 * from the next valid bar on, the outputs are those of a stream started there.
 */
@Chart(pane = Chart.Pane.OWN, style = Chart.Style.STEP, min = 0, max = 1)
@Kernel(
        name = "ht_trendmode",
        family = Family.CYCLE,
        summary = "Hilbert transform trend vs cycle mode: 1 in a trend, 0 in a cycle (Ehlers).",
        reference = "TA-Lib HT_TRENDMODE",
        scale = Scale.UNITLESS)
public final class HtTrendMode {

    final HtDcPhase phase;
    final HtTrendline trendline;
    double sine;
    double leadSine;
    /** Bars since the last sine crossing; a {@code long}, so a years-long trend cannot overflow it. */
    @Range(min = "0")
    long daysInTrend;

    public HtTrendMode() {
        this.phase = new HtDcPhase();
        this.trendline = HtTrendline.driven();
    }

    public static int lookback() {
        return 63;
    }

    @Step
    public double step(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        double prevPhase = phase.phase();
        phase.step(x);
        HilbertCore core = phase.core();
        // NaN before bar 63; the mode is not output there and carries nothing to later bars.
        double line = trendline.follow(x, core);
        if (!core.transformed()) {
            if (core.fresh()) {
                // The bar overflowed the transform: the phase and the trendline restarted with the core
                // (HilbertCore, "Overflow"), and the crossing state restarts with them.
                sine = 0.0;
                leadSine = 0.0;
                daysInTrend = 0;
            }
            return Double.NaN;
        }
        double dcPhase = phase.phase();
        double prevSine = sine;
        double prevLeadSine = leadSine;
        sine = HtSine.sineOf(dcPhase);
        leadSine = HtSine.leadSineOf(dcPhase);

        double trend = 1.0;
        if (sine > leadSine && prevSine <= prevLeadSine || sine < leadSine && prevSine >= prevLeadSine) {
            daysInTrend = 0;
            trend = 0.0;
        }
        daysInTrend++;
        double smoothPeriod = core.smoothPeriod();
        if (daysInTrend < 0.5 * smoothPeriod) {
            trend = 0.0;
        }
        double advance = dcPhase - prevPhase;
        if (smoothPeriod != 0.0 && advance > 0.67 * 360.0 / smoothPeriod && advance < 1.5 * 360.0 / smoothPeriod) {
            trend = 0.0;
        }
        double price = core.smoothedPrice();
        if (line != 0.0 && Math.abs((price - line) / line) >= 0.015) {
            trend = 1.0;
        }
        return core.bar() >= lookback() ? trend : Double.NaN;
    }
}
