package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Klinger volume force (S. Klinger, TASC Dec 1997), docs/spec.md §3.7 — the published form, the VF inside Tulip
 * {@code kvo} (§1.7: not laakhay's simplified form). With {@code hlc = H + L + C} and {@code dm = H − L}: the trend
 * turns up when {@code hlc} rises and was not up, down when it falls and was not down, and each turn restarts the
 * cumulative measurement at the previous bar's {@code dm}; then {@code cm += dm}. Output
 * {@code VF = 100·V·s·|2·dm/cm − 1|}, {@code s = −1} in a down trend, else +1 (also before the first turn);
 * {@code cm = 0} gives 0. Bar 0 only seeds {@code hlc₋₁} and {@code dm₋₁} (lookback 1).
 *
 * <p>Recursive state (trend and {@code cm} carry): a bar with a missing input outputs NaN and is skipped, so the next
 * valid bar is compared with the last valid one (docs/spec.md §5.2). A bar whose range would take {@code cm} beyond the
 * largest double is skipped too, its trend, {@code hlc} and {@code dm} still passed on.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "klinger_vf",
        family = Family.VOLUME,
        summary = "Klinger volume force: volume signed by the hlc trend, scaled by |2*dm/cm - 1|.",
        reference = "Klinger, TASC Dec 1997; Tulip kvo (volume force)",
        scale = Scale.VOLUME)
public final class KlingerVf {
    static final int UNSET = 0;
    static final int UP = 1;
    static final int DOWN = -1;

    @Range(min = "-1", max = "1")
    int trend;
    double cm;
    double previousHlc;
    double previousDm;
    boolean started;

    public KlingerVf() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double high, double low, double close, double volume) {
        if (!(Math.abs(high) <= Double.MAX_VALUE && Math.abs(low) <= Double.MAX_VALUE
                && Math.abs(close) <= Double.MAX_VALUE && Math.abs(volume) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        double hlc = high + low + close;
        double dm = high - low;
        if (!started) {
            started = true;
            previousHlc = hlc;
            previousDm = dm;
            return Double.NaN;
        }
        if (hlc > previousHlc && trend != UP) {
            trend = UP;
            cm = previousDm;
        } else if (hlc < previousHlc && trend != DOWN) {
            trend = DOWN;
            cm = previousDm;
        }
        double measured = cm + dm;
        previousHlc = hlc;
        previousDm = dm;
        if (!(Math.abs(measured) <= Double.MAX_VALUE)) {
            // A measurement a double cannot hold (ranges near the largest double): the bar is skipped, its hlc and dm
            // passed on, so that no infinite cm outlives it (docs/contracts.md, "Extreme values").
            return Double.NaN;
        }
        cm = measured;
        if (measured == 0.0) {
            return 0.0;
        }
        double sign = trend == DOWN ? -1.0 : 1.0;
        // 2·(dm/cm), not 2·dm/cm: the same bits, but 2·dm of a range near the largest double overflowed, and a force
        // of finite terms read as infinite.
        // + 0.0: a force of 0 (no volume, or dm/cm = 1/2) is +0.0 on a down trend too, not −0.0 (docs/contracts.md,
        // "Signed zeros").
        return 100.0 * volume * sign * Math.abs(2.0 * (dm / cm) - 1.0) + 0.0;
    }
}
