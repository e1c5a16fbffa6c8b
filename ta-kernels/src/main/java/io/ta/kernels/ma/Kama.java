package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Invariant;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingSum;
import io.ta.state.DoubleRing;

/**
 * Kaufman adaptive moving average (Kaufman 1995), as TA-Lib KAMA (docs/spec.md §3.4), with the fast/slow constants
 * as parameters (TA-Lib fixes 2 and 30). Efficiency ratio {@code ER = |x_t − x_{t−n}| / Σ|Δx|} over the last n
 * changes (1 when the sum is not above the net change, as when it is 0), smoothing
 * {@code sc = (ER·(f − s) + s)²} with
 * {@code f = 2/(fast+1)}, {@code s = 2/(slow+1)}; the average starts at {@code x_{n−1}} and first moves at bar n.
 * The sum of changes is a {@link RollingSum} of {@code |Δx|} (exact: TA-Lib's running sum drifts and keeps an
 * outlier's residue), and its "≈0" is exactly 0, not TA-Lib's absolute 1e-8: a sum of exact moves of the data is 0
 * only where every move was, in any unit (docs/contracts.md, "Zero is relative").
 * The count of values seen saturates, so a stream can run for ever.
 *
 * <p>Recursive: a missing input is skipped entirely (§5.2), so KAMA runs on the valid values.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "kama",
        family = Family.MOVING_AVERAGE,
        summary = "Kaufman adaptive moving average: smoothing driven by the efficiency ratio over period bars.",
        reference = "TA-Lib KAMA",
        scale = Scale.PRICE)
public final class Kama {
    final int period;
    final double constMax;
    final double constDiff;
    /** The last {@code period} valid values: a push returns the one {@code period} back, which leaves. */
    final DoubleRing values;
    final RollingSum changes;
    double value;
    /**
     * The last valid value, the ring's newest: kept, not read back from the ring, because the ring's index arithmetic
     * cost kama's batch more than a field (docs/performance-log.md, "kama's values from its push").
     */
    double previous = Double.NaN;
    /** Valid values seen, saturating at {@code period + 1} (the first output). */
    @Range(min = "0", max = "period + 1")
    int seen;

    public Kama(
            @Param(defaultValue = "30", min = 2, max = 100_000) int period,
            @Param(defaultValue = "2", min = 1, max = 100_000, doc = "fastest smoothing period") int fast,
            @Param(defaultValue = "30", min = 1, max = 100_000, doc = "slowest smoothing period") int slow) {
        this.period = period;
        this.constMax = 2.0 / (slow + 1.0);
        this.constDiff = 2.0 / (fast + 1.0) - constMax;
        this.values = new DoubleRing(period);
        this.changes = new RollingSum(period);
    }

    public static int lookback(int period) {
        return period;
    }

    /**
     * The ring holds every value seen, up to {@code period} (the push that returns the value {@code period} back needs a
     * full ring once the count saturates), and the previous value is its newest, bit for bit.
     */
    @Invariant
    boolean ringAndPreviousHoldWhatWasSeen() {
        return values.size() == Math.min(seen, period)
                && (seen == 0 || Double.doubleToRawLongBits(previous) == Double.doubleToRawLongBits(values.newest()));
    }

    @Step
    public double step(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        // The value period back (NaN until the ring is full, which it is from the first output on).
        double old = values.push(x);
        double previous = this.previous;
        this.previous = x;
        double sumChange = Double.NaN;
        if (seen > 0) {
            sumChange = changes.step(Math.abs(previous - x));
        }
        if (seen <= period) {
            if (++seen <= period) {
                return Double.NaN;
            }
            value = previous;
        }
        double netChange = x - old;
        // TA-Lib's "≈0" is exact here: Σ|Δx| is a window sum of moves of the data, exact for values of one sign
        // within a factor of 2, and 0 only where every move in the window was (then netChange is 0 too, and the first
        // test holds). A relative "≈0" read ticks of 1 at 1e15 (1e-15 of the price) as no move: ER 1, the fastest
        // constant. A composite feeding kama a computed series cleans its rounding residue first (macd's line,
        // stochf's %K).
        double er = sumChange <= netChange ? 1.0 : Math.abs(netChange / sumChange);
        double sc = er * constDiff + constMax;
        sc *= sc;
        double v = (x - value) * sc + value;
        if (!(Math.abs(v) <= Double.MAX_VALUE)) {
            // A tick near the largest double: either only this order's x − value overflowed (an average of two
            // finite values is finite, so weigh each first), or the window of changes still holds an overflowed sum
            // and the ratio is unknown (NaN, for at most a window): the bar is skipped, as a missing one, and the
            // average kept.
            v = x * sc + value * (1.0 - sc);
            if (!(Math.abs(v) <= Double.MAX_VALUE)) {
                return Double.NaN;
            }
        }
        value = v;
        return v;
    }
}
