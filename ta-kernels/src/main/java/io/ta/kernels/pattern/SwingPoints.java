package io.ta.kernels.pattern;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Selector;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;
import io.ta.state.SlidingExtreme;

/**
 * Swing highs and lows, fractal style (laakhay-ta {@code swing_points}, docs/spec.md §3.8); the one place pivots are
 * detected — {@link SwingHighAt}, {@link SwingLowAt} and {@link FibRetracement} compose this kernel: they call
 * {@link #step} and read {@link #pivotHigh()} and {@link #pivotLow()}, the pivot prices whatever the return mode.
 *
 * <p>A pivot high at bar p ({@code p ≥ left}) needs {@code H_p ≥ H_j} for every j in {@code [p−left, p+right]}
 * and, unless {@code allow_equal_extremes}, no other j in that window with {@code H_j = H_p}. A pivot low is the
 * same on L with ≤, and (laakhay's rule, kept on purpose, §1.7) only once some pivot high exists at an index ≤ p; at
 * one bar the high is decided first, so a bar that is both pivots counts. A pivot is reported at its confirming bar
 * {@code c = p + right}, never at p, so the kernel is causal and its lookback is {@code left + right}.
 * {@code return_mode = flags}: 1.0 at c, else 0.0 (warm-up 0.0); {@code levels}: the pivot price at c, NaN elsewhere.
 *
 * <p>Missing values (§5.2): a window holding a missing value yields no pivot. The two series are independent: a
 * missing L never hides a high pivot, and a missing H hides a low only indirectly (no high, no lows yet).
 *
 * <p>How: the window is split at p. A ring of {@code right + 1} values holds {@code H_p} as its oldest entry;
 * sliding maxima over the {@code left} bars before p (fed with the values leaving the ring) and over the
 * {@code right} bars after it make the test O(1) amortized: pivot iff {@code H_p} is strictly above both (or
 * {@code ≥} both with equal extremes allowed), which is exactly "maximal and unique". Sliding extremes report NaN
 * while a missing value is inside, which fails every comparison.
 *
 * <p>Scale: {@code Scale.NONE}, because it depends on {@code return_mode}: flags are unitless, levels are prices.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.DOTS)
@Kernel(
        name = "swing_points",
        family = Family.PATTERN,
        kind = OutputKind.LEVEL,
        summary = "Swing highs and lows (fractal pivots), reported right bars after the pivot.",
        reference = "laakhay-ta swing_points; no TTR/Tulip/TA-Lib equivalent",
        selectors = {
            @Selector(alias = "swing_highs", output = "swing_high"),
            @Selector(alias = "swing_lows", output = "swing_low")
        },
        scale = Scale.NONE)
public final class SwingPoints {
    /** What the outputs hold at a confirming bar. */
    public enum ReturnMode {
        /** 1.0 at the confirming bar, 0.0 elsewhere. */
        FLAGS,
        /** The pivot's price at the confirming bar, NaN elsewhere. */
        LEVELS
    }

    final boolean levels;
    final boolean allowEqualExtremes;
    /** laakhay's rule that lows count only after a high; {@link Fractals} (Williams) has no such rule. */
    final boolean lowsAfterHigh;
    final DoubleRing recentHighs;
    final DoubleRing recentLows;
    final SlidingExtreme highsBefore;
    final SlidingExtreme highsAfter;
    final SlidingExtreme lowsBefore;
    final SlidingExtreme lowsAfter;
    boolean highSeen;

    /** Price of the pivot high confirmed at this bar, NaN if none: {@link #pivotHigh()}. */
    double pivotHigh = Double.NaN;

    /** Price of the pivot low confirmed at this bar, NaN if none. */
    double pivotLow = Double.NaN;

    @Output(doc = "Swing high confirmed at this bar: 1/0 (flags) or its price (levels).")
    double swingHigh;

    @Output(doc = "Swing low confirmed at this bar: 1/0 (flags) or its price (levels).")
    double swingLow;

    public SwingPoints(
            @Param(defaultValue = "2", min = 1, max = 1_000, doc = "Bars before the pivot.") int left,
            @Param(defaultValue = "2", min = 1, max = 1_000, doc = "Bars after the pivot (confirmation delay).") int right,
            @Param(defaultValue = "flags", doc = "flags (1/0) or levels (pivot price).") ReturnMode returnMode,
            @Param(defaultValue = "false", doc = "Whether a pivot may tie another bar of its window.") boolean allowEqualExtremes) {
        this(left, right, returnMode, allowEqualExtremes, true);
    }

    private SwingPoints(int left, int right, ReturnMode returnMode, boolean allowEqualExtremes, boolean lowsAfterHigh) {
        this.levels = returnMode == ReturnMode.LEVELS;
        this.allowEqualExtremes = allowEqualExtremes;
        this.lowsAfterHigh = lowsAfterHigh;
        this.recentHighs = new DoubleRing(right + 1);
        this.recentLows = new DoubleRing(right + 1);
        this.highsBefore = SlidingExtreme.max(left);
        this.highsAfter = SlidingExtreme.max(right);
        this.lowsBefore = SlidingExtreme.min(left);
        this.lowsAfter = SlidingExtreme.min(right);
    }

    /**
     * Bill Williams' fractals: strict pivots with {@code n} bars on either side, lows independent of highs (no
     * "lows only after the first high" rule), as flags.
     */
    static SwingPoints williams(int n) {
        return new SwingPoints(n, n, ReturnMode.FLAGS, false, false);
    }

    public static int lookback(int left, int right) {
        return left + right;
    }

    @Step
    public void step(double high, double low) {
        pivotHigh = confirm(high, recentHighs, highsBefore, highsAfter, true, allowEqualExtremes);
        if (pivotHigh == pivotHigh) {
            highSeen = true;
        }
        // The low windows advance on every bar, even before the first high makes low pivots possible.
        double l = confirm(low, recentLows, lowsBefore, lowsAfter, false, allowEqualExtremes);
        pivotLow = highSeen || !lowsAfterHigh ? l : Double.NaN;
        if (levels) {
            swingHigh = pivotHigh;
            swingLow = pivotLow;
        } else {
            swingHigh = pivotHigh == pivotHigh ? 1.0 : 0.0;
            swingLow = pivotLow == pivotLow ? 1.0 : 0.0;
        }
    }

    /**
     * Advances one series' windows by {@code x} and returns the price of the pivot at {@code p = t − right} if it is
     * one, else NaN.
     */
    private static double confirm(
            double x, DoubleRing recent, SlidingExtreme before, SlidingExtreme after, boolean max, boolean allowEqual) {
        boolean full = recent.isFull();
        double leaving = recent.push(x); // the value just before p, once the ring is full
        after.push(x);
        if (full) {
            before.push(leaving);
        }
        if (!before.isFull()) {
            return Double.NaN;
        }
        double p = recent.oldest();
        if (!Double.isFinite(p)) {
            return Double.NaN;
        }
        double b = before.value();
        double a = after.value();
        boolean pivot;
        if (max) {
            pivot = allowEqual ? p >= b && p >= a : p > b && p > a;
        } else {
            pivot = allowEqual ? p <= b && p <= a : p < b && p < a;
        }
        return pivot ? p : Double.NaN;
    }

    /**
     * The price of the pivot high confirmed by the last step (at bar {@code t − right}), NaN if it confirmed none —
     * in either return mode. The composition hook of the pivot rule: a kernel holding a {@code SwingPoints} calls
     * {@link #step} once per bar and then reads this and {@link #pivotLow()}.
     */
    public double pivotHigh() {
        return pivotHigh;
    }

    /**
     * The price of the pivot low confirmed by the last step, NaN if none (including lows that §3.8's laakhay rule
     * does not count yet); see {@link #pivotHigh()}.
     */
    public double pivotLow() {
        return pivotLow;
    }
}
