package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Parabolic SAR, extended (Wilder 1978), as TA-Lib SAREXT (docs/spec.md §3.3): positive while long, negative while
 * short, from bar 1. Separate initial/step/maximum accelerations for long and short positions;
 * {@code start_value} &gt; 0 forces a long start at that SAR, &lt; 0 a short start at its absolute value, 0 picks the
 * direction from bars 0 and 1 (short if {@code L₀ − L₁ > 0} and {@code > H₁ − H₀}, TA-Lib's MINUS_DM(1) test) with
 * the SAR at L₀ (long) or H₀ (short) and the extreme point at bar 1. {@code offset_on_reverse} moves the reversal SAR
 * away from price by {@code sar·offset}. The loop is TA-Lib's, operation for operation; at bar 1 the "previous
 * bar" of the range checks is bar 1 itself, as in TA-Lib.
 *
 * <p>The output is TA-Lib's encoding, the SAR while long and {@code 0 − SAR} while short, so its sign is the side only
 * for positive prices (a long stop at −11 reads −11): for prices below zero, {@code psar} gives the level and the side
 * as two outputs.
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
    /** The SAR and the extreme point in the frame of the position held (see {@link #step}): negated while short. */
    double sar;
    double ep;
    /**
     * The acceleration of the position held, its step and its maximum: TA-Lib keeps an acceleration per side, but
     * resets a side's when that side starts, so one is enough; the step and the maximum are the side's parameters.
     */
    double af;
    double accel;
    double accelMax;

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

    /**
     * One bar. A short position is kept as the long one of the negated prices ({@link #trail}), so one path serves
     * both sides: a reversal in a method of its own was a call C2 leaves out of line on about 1 % of bars, and the
     * kernel escaped into it and kept its state in memory (psar's batch took 1.4× TA-Lib's).
     */
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
            // TA-Lib's bootstrap from the first two valid bars: the side, and the SAR at the first bar's stop side,
            // in the side's frame; or start_value's side and SAR, which is start_value itself in that frame. Its first
            // iteration then takes the current bar as its own previous bar.
            started = true;
            boolean l = startValue > 0 || startValue == 0 && !(prevLow - low > 0 && high - prevHigh < prevLow - low);
            isLong = l;
            sar = startValue != 0 ? startValue : l ? prevLow : -prevHigh;
            ep = l ? high : -low; // this bar's favour side, as at a reversal (in trail)
            af = l ? accelInitLong : accelInitShort;
            accel = l ? accelLong : accelShort;
            accelMax = l ? accelMaxLong : accelMaxShort;
            prevHigh = high;
            prevLow = low;
        }
        double out = trail(high, low, prevHigh, prevLow);
        if (!(Math.abs(sar) <= Double.MAX_VALUE)) {
            // A tick near the largest double, with an acceleration or offset above 1, carried the next stop past it:
            // no stop is left to trail, and an infinite one would never be crossed. The system starts again, from this
            // bar and the next as a fresh stream from this bar would.
            started = false;
        }
        return out;
    }

    /**
     * The bar's output and the next stop, in the frame of the position held: a short position is the long one of the
     * negated prices. For any two doubles {@code x < y} exactly when {@code −x > −y} (signed zeros included), and
     * negation is exact, so the long side's comparisons and arithmetic on negated prices give the short side's, bit
     * for bit. A method of its own, called on every valid bar, so that C2 inlines it as the step's (each under the 325
     * bytes of bytecode it inlines when hot).
     */
    private double trail(double high, double low, double prevHigh, double prevLow) {
        boolean l = isLong;
        double s = sar;
        // The favour and stop sides of this bar and the stop side of the one before.
        double up = l ? high : -low;
        double down = l ? low : -high;
        double prevDown = l ? prevLow : -prevHigh;
        double e = ep;
        double a = af;
        if (down <= s) {
            // Stopped: the other side starts, in its own frame. The SAR jumps to the extreme point, kept beyond the
            // last two bars' stop sides and moved away from price by the offset; this bar's favour side is the new
            // extreme point, at the side's initial acceleration.
            l = !l;
            double was = up;
            up = -down;
            down = -was;
            prevDown = l ? prevLow : -prevHigh;
            s = notAbove(-e, prevDown, down);
            if (offsetOnReverse != 0.0) {
                // TA-Lib's s − s·offset going long and s + s·offset going short, on the frame's sign.
                s += (l ? -s : s) * offsetOnReverse;
            }
            e = up;
            a = l ? accelInitLong : accelInitShort;
            accel = l ? accelLong : accelShort;
            accelMax = l ? accelMaxLong : accelMaxShort;
            isLong = l;
        } else if (up > e) {
            e = up;
            a += accel;
            if (a > accelMax) {
                a = accelMax;
            }
        }
        // TA-Lib's output is sar while long and 0 − sar while short; 0 + (−sar) is the same bits.
        double out = l ? s : 0.0 + s;
        s = notAbove(s + a * (e - s), prevDown, down);
        sar = s;
        ep = e;
        af = a;
        return out;
    }

    /**
     * A stop kept at or below the last two stop sides (a long position's lows), TA-Lib's two comparisons in TA-Lib's
     * order (they differ from {@code Math.min} on signed zeros); on negated prices, a short position's
     * {@code max}-wise bound.
     */
    private static double notAbove(double sar, double prevDown, double down) {
        double s = sar > prevDown ? prevDown : sar;
        return s > down ? down : s;
    }

    /** The position after the last valid bar: true while long. */
    public boolean isLong() {
        return isLong;
    }
}
