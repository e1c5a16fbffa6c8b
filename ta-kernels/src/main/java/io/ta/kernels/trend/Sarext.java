package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Parabolic SAR, extended (Wilder 1978), as TA-Lib SAREXT (CATALOG.md §3.3): positive while long, negative while
 * short, from bar 1. Separate initial/step/maximum accelerations for long and short positions;
 * {@code start_value} &gt; 0 forces a long start at that SAR, &lt; 0 a short start at its absolute value, 0 picks the
 * direction from bars 0 and 1 (short if {@code L₀ − L₁ > 0} and {@code > H₁ − H₀}, TA-Lib's MINUS_DM(1) test) with
 * the SAR at L₀ (long) or H₀ (short) and the extreme point at bar 1. {@code offset_on_reverse} moves the reversal SAR
 * away from price by {@code sar·offset}. The loop is TA-Lib's, operation for operation; at bar 1 the "previous
 * bar" of the range checks is bar 1 itself, as in TA-Lib.
 *
 * <p>Deliberate difference: TA-Lib silently clamps an initial or step acceleration above its maximum; here such
 * parameters are rejected (§5.3). Missing values: the previous bar is a one-bar window; a bar that reads a missing
 * cell outputs NaN and leaves the SAR state unchanged (§5.2).
 */
// Signed (negative while short), so not over the price: its own panel, dots either side of zero.
@Chart(pane = Chart.Pane.OWN, style = Chart.Style.DOTS, guides = {0})
@Kernel(
        name = "sarext",
        family = Family.TREND,
        summary = "Parabolic SAR with separate long/short accelerations; negative while short.",
        reference = "TA-Lib SAREXT (Wilder 1978)",
        scale = Scale.PRICE)
@Require(left = "accel_init_long", op = Require.Op.LE, right = "accel_max_long")
@Require(left = "accel_long", op = Require.Op.LE, right = "accel_max_long")
@Require(left = "accel_init_short", op = Require.Op.LE, right = "accel_max_short")
@Require(left = "accel_short", op = Require.Op.LE, right = "accel_max_short")
public final class Sarext {
    final double startValue;
    final double offsetOnReverse;
    final double accelInitLong;
    final double accelLong;
    final double accelMaxLong;
    final double accelInitShort;
    final double accelShort;
    final double accelMaxShort;
    double previousHigh = Double.NaN;
    double previousLow = Double.NaN;
    boolean started;
    boolean isLong;
    double sar;
    double ep;
    double afLong;
    double afShort;

    public Sarext(
            @Param(defaultValue = "0", scale = Scale.PRICE,
                    doc = "> 0: start long at this SAR; < 0: start short at its absolute value; 0: automatic") double startValue,
            @Param(defaultValue = "0", min = 0, doc = "fraction the SAR moves away from price on a reversal") double offsetOnReverse,
            @Param(defaultValue = "0.02", min = 0, doc = "initial acceleration, long") double accelInitLong,
            @Param(defaultValue = "0.02", min = 0, doc = "acceleration step, long") double accelLong,
            @Param(defaultValue = "0.2", min = 0, doc = "maximum acceleration, long") double accelMaxLong,
            @Param(defaultValue = "0.02", min = 0, doc = "initial acceleration, short") double accelInitShort,
            @Param(defaultValue = "0.02", min = 0, doc = "acceleration step, short") double accelShort,
            @Param(defaultValue = "0.2", min = 0, doc = "maximum acceleration, short") double accelMaxShort) {
        this.startValue = startValue;
        this.offsetOnReverse = offsetOnReverse;
        this.accelInitLong = accelInitLong;
        this.accelLong = accelLong;
        this.accelMaxLong = accelMaxLong;
        this.accelInitShort = accelInitShort;
        this.accelShort = accelShort;
        this.accelMaxShort = accelMaxShort;
    }

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double high, double low) {
        double prevHigh = previousHigh;
        double prevLow = previousLow;
        previousHigh = high;
        previousLow = low;
        if (!(Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(prevHigh) && Double.isFinite(prevLow))) {
            return Double.NaN;
        }
        if (!started) {
            start(prevHigh, prevLow, high, low);
            // TA-Lib's first iteration uses the current bar as its own previous bar.
            prevHigh = high;
            prevLow = low;
        }
        double out;
        if (isLong) {
            if (low <= sar) {
                out = turn(false, prevHigh, high, low);
            } else {
                out = sar;
                if (high > ep) {
                    ep = high;
                    afLong += accelLong;
                    if (afLong > accelMaxLong) {
                        afLong = accelMaxLong;
                    }
                }
                sar = notAbove(sar + afLong * (ep - sar), prevLow, low);
            }
        } else if (high >= sar) {
            out = turn(true, prevLow, low, high);
        } else {
            out = 0.0 - sar;
            if (low < ep) {
                ep = low;
                afShort += accelShort;
                if (afShort > accelMaxShort) {
                    afShort = accelMaxShort;
                }
            }
            sar = notBelow(sar + afShort * (ep - sar), prevHigh, high);
        }
        if (!(Math.abs(sar) <= Double.MAX_VALUE)) {
            // A tick near the largest double, with an acceleration or offset above 1, carried the next stop past it:
            // no stop is left to trail, and an infinite one would never be crossed. The system starts again, from this
            // bar and the next as a fresh stream from this bar would.
            started = false;
        }
        return out;
    }

    // A reversal in a method of its own: the step stays under the 325 bytes of bytecode C2 inlines into a batch loop
    // (at 472 bytes it was called on every bar, and psar's batch took about 1.1x the time).

    /**
     * The position stops out and the other side starts ({@code toLong}: a short one ends): the SAR jumps to the extreme
     * point, kept beyond the last two bars' {@code bound}s (lows going long, highs going short), and {@code extreme},
     * this bar's opposite extreme, is the new one. Returns the bar's output. One method for both directions; each
     * call site passes a constant, so the selects fold away.
     */
    private double turn(boolean toLong, double prevBound, double bound, double extreme) {
        isLong = toLong;
        double s = toLong ? notAbove(ep, prevBound, bound) : notBelow(ep, prevBound, bound);
        if (offsetOnReverse != 0.0) {
            // s − s·offset going long, s + s·offset going short: the same bits as TA-Lib's -= and +=.
            s += (toLong ? -s : s) * offsetOnReverse;
        }
        double out = toLong ? s : 0.0 - s;
        double af = toLong ? accelInitLong : accelInitShort;
        if (toLong) {
            afLong = af;
        } else {
            afShort = af;
        }
        ep = extreme;
        double next = s + af * (extreme - s);
        sar = toLong ? notAbove(next, prevBound, bound) : notBelow(next, prevBound, bound);
        return out;
    }

    /**
     * A long position's stop kept at or below the last two lows, TA-Lib's two comparisons in TA-Lib's order (they
     * differ from {@code Math.min} on signed zeros).
     */
    private static double notAbove(double sar, double prevLow, double low) {
        double s = sar > prevLow ? prevLow : sar;
        return s > low ? low : s;
    }

    /** A short position's stop kept at or above the last two highs; the mirror of {@link #notAbove}. */
    private static double notBelow(double sar, double prevHigh, double high) {
        double s = sar < prevHigh ? prevHigh : sar;
        return s < high ? high : s;
    }

    /** The initial position, SAR and extreme point from the first two valid bars (TA-Lib's bootstrap). */
    private void start(double firstHigh, double firstLow, double high, double low) {
        started = true;
        afLong = accelInitLong;
        afShort = accelInitShort;
        if (startValue == 0) {
            double up = high - firstHigh;
            double down = firstLow - low;
            isLong = !(down > 0 && up < down);
            ep = isLong ? high : low;
            sar = isLong ? firstLow : firstHigh;
        } else if (startValue > 0) {
            isLong = true;
            ep = high;
            sar = startValue;
        } else {
            isLong = false;
            ep = low;
            sar = Math.abs(startValue);
        }
    }

    /** The position after the last valid bar: true while long. */
    public boolean isLong() {
        return isLong;
    }
}
