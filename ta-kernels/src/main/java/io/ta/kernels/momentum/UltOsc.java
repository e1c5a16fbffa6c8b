package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.TrueRange;
import io.ta.state.WindowSumPair;

/**
 * Ultimate oscillator (L. Williams, 1985), as TA-Lib ULTOSC. From bar 1, buying pressure {@code BP = C − min(L, C₋₁)}
 * and the {@link TrueRange}; the three periods are sorted ascending (s1 ≤ s2 ≤ s3, as TA-Lib sorts them) and
 * {@code ULTOSC = 100·((4·ΣBP/ΣTR over s1 + 2·ΣBP/ΣTR over s2 + ΣBP/ΣTR over s3)/7)}, the two sums of each period
 * one {@link WindowSumPair}. A term whose ΣTR is 0 adds nothing, as in TA-Lib — exactly 0, a window of ranges of
 * 0, not TA-Lib's absolute 1e-8. Lookback: the longest period.
 *
 * <p>The sums start at the first bar with a true range (§1.2). A missing value makes the output NaN while it is
 * inside the longest window (§5.2); so do true ranges whose sums come near the largest double (a tick near its edge),
 * where a sum that overflowed would make its term 0.
 */
@Chart(pane = Chart.Pane.OWN, guides = {30, 70}, min = 0, max = 100)
@Kernel(
        name = "ultosc",
        family = Family.MOMENTUM,
        summary = "Ultimate oscillator: weighted (4, 2, 1) buying pressure over true range on three periods.",
        reference = "TA-Lib ULTOSC (Williams 1985)",
        scale = Scale.UNITLESS)
public final class UltOsc {
    final TrueRange trueRange;
    /** Σ BP and Σ TR over the shortest period, the middle one and the longest. */
    final WindowSumPair sums1;
    final WindowSumPair sums2;
    final WindowSumPair sums3;
    double previousClose = Double.NaN;
    boolean started;

    public UltOsc(
            @Param(defaultValue = "7", min = 1, max = 100_000, doc = "one of the three periods (sorted: shortest weighs 4)") int period1,
            @Param(defaultValue = "14", min = 1, max = 100_000, doc = "one of the three periods (sorted: middle weighs 2)") int period2,
            @Param(defaultValue = "28", min = 1, max = 100_000, doc = "one of the three periods (sorted: longest weighs 1)") int period3) {
        int shortest = Math.min(period1, Math.min(period2, period3));
        int longest = Math.max(period1, Math.max(period2, period3));
        int middle = period1 + period2 + period3 - shortest - longest;
        this.trueRange = new TrueRange();
        this.sums1 = new WindowSumPair(shortest);
        this.sums2 = new WindowSumPair(middle);
        this.sums3 = new WindowSumPair(longest);
    }

    public static int lookback(int period1, int period2, int period3) {
        return Math.max(period1, Math.max(period2, period3));
    }

    @Step
    public double step(double high, double low, double close) {
        double c = previousClose;
        previousClose = close;
        double tr = trueRange.step(high, low, close);
        double bp = close - Math.min(low, c);
        if (tr != tr || !Double.isFinite(bp)) {
            tr = Double.NaN; // one missing cell makes the bar's pressure and range missing together
            bp = Double.NaN;
        }
        // The sums start at the first bar that has a true range (docs/spec.md §1.2 composition rule).
        if (!started) {
            if (tr != tr) {
                return Double.NaN;
            }
            started = true;
        }
        WindowSumPair w1 = sums1;
        WindowSumPair w2 = sums2;
        WindowSumPair w3 = sums3;
        w1.push(bp, tr);
        w2.push(bp, tr);
        w3.push(bp, tr);
        if (!w3.isFull() || w3.hasMissing() || w2.hasMissing() || w1.hasMissing()) {
            return Double.NaN;
        }
        double a1 = w1.sumX();
        double b1 = w1.sumY();
        double a2 = w2.sumX();
        double b2 = w2.sumY();
        double a3 = w3.sumX();
        double b3 = w3.sumY();
        // True ranges that sum beyond the largest double (a tick near its edge inside a window) are not known: NaN,
        // as for a missing value, where ΣBP/∞ would add 0. One test for the three: none is negative.
        if (!(b1 + b2 + b3 <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        // Window sums of non-negative true ranges are exactly 0 for a window of zeros and never a residue otherwise
        // (docs/contracts.md, "window sums"), so a window with a range has its ratio however small it is next to the
        // close (ranges of 1 at 1e15 read 0 under a relative "≈ 0").
        double output = 0.0;
        if (b1 != 0.0) {
            output += 4.0 * (a1 / b1);
        }
        if (b2 != 0.0) {
            output += 2.0 * (a2 / b2);
        }
        if (b3 != 0.0) {
            output += a3 / b3;
        }
        return 100.0 * (output / 7.0);
    }
}
