package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Branchless;

/**
 * Negative volume index (P. Dysart, 1930s; N. Fosback, "Stock Market Logic", 1976): an index that follows the price
 * only on bars whose volume fell, on the idea that quiet days show what informed money does. It starts at
 * {@code start}; on a bar with {@code V < V₋₁} it moves by the close's percentage change, in Fosback's form
 * {@code nvi += ((C − C₋₁)/C₋₁)·nvi} (the same as multiplying by {@code C/C₋₁}); otherwise it stays. A previous close
 * of 0 leaves it unchanged (CATALOG.md §5.1). Tulip {@code nvi} (start 1000) matches. {@link Pvi} is this index of
 * the negated volume.
 *
 * <p>The index is a product of every move so far, and a product rounded at each step drifts: its relative error grows
 * with the square root of the number of moves (262 ulps, some 3e-14, after a million bars near 1e6). So
 * the index is kept as two doubles, the rounded value and what it lacks of the exact product, and every move's
 * rounding errors are carried into the second: the ratio's (its division's remainder, and the difference's when the
 * closes are more than a factor 2 apart), the product's (a fused multiply-add) and the sum's (TwoSum). The output is
 * the exact product of the moves rounded once, however long the stream (docs/contracts.md, "running products";
 * CumulativeDriftTest). A bar that does not move the index moves it by 0, without a branch: whether the volume fell
 * is a coin flip on market data.
 *
 * <p>Missing values: recursive state (§5.2) — a bar with a missing close or volume is skipped and the next valid bar
 * compares with the last valid one. A bar that would overflow the index is skipped the same way, so one extreme bar
 * cannot end the stream with an infinite index.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "nvi",
        family = Family.VOLUME,
        scale = Scale.UNITLESS,
        summary = "Negative volume index: follows the close's percentage changes on bars whose volume fell.",
        reference = "P. Dysart; N. Fosback, Stock Market Logic 1976; Tulip nvi")
public final class Nvi {
    final double start;
    /** The index: the exact product of the moves so far, rounded. */
    double value;
    /** What {@link #value} lacks of the exact product: the rounding errors of every move, carried. */
    double error;
    double previousClose;
    double previousVolume;
    boolean started;

    public Nvi(
            @Param(defaultValue = "1000", min = 0, minExclusive = true, doc = "the index at the first bar") double start) {
        this.start = start;
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double close, double volume) {
        if (!(Math.abs(close) <= Double.MAX_VALUE && Math.abs(volume) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        double next = start;
        double nextError = 0.0;
        if (started) {
            double before = previousClose;
            boolean moves = volume < previousVolume && before != 0.0;
            // The exact ratio (C − C₋₁)/C₋₁ as r + rr: the difference's rounding error (0 for closes within a factor 2
            // of each other) and the division's remainder, both exact, give the rest. 0 on a bar that does not move.
            double d = close - before;
            double dz = d - close;
            double de = (close - (d - dz)) - (before + dz);
            double q = d / before;
            double r = Branchless.keepIf(moves, q);
            double rr = Branchless.keepIf(moves, (Math.fma(-q, before, d) + de) / before);
            // index·(1 + r + rr) = value + r·value + (error·(1 + r) + rr·value), with r·value = p + pe and
            // value + p = s + se exactly.
            double v = value;
            double p = r * v;
            double pe = Math.fma(r, v, -p);
            double s = v + p;
            double sz = s - v;
            double se = (v - (s - sz)) + (p - sz);
            double e = Math.fma(error, 1.0 + r, Math.fma(rr, v, pe + se));
            next = s + e;
            if (!(Math.abs(next) <= Double.MAX_VALUE)) {
                return Double.NaN;
            }
            nextError = e - (next - s);
        }
        started = true;
        value = next;
        error = nextError;
        previousClose = close;
        previousVolume = volume;
        return next;
    }
}
