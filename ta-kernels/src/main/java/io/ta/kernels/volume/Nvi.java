package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Branchless;
import io.ta.spi.ExactArithmetic;

/**
 * Negative volume index (P. Dysart, 1930s; N. Fosback, "Stock Market Logic", 1976): an index that follows the price
 * only on bars whose volume fell, on the idea that quiet days show what informed money does. It starts at
 * {@code start}; on a bar with {@code V < V₋₁} it moves by the close's percentage change, Fosback's
 * {@code nvi += ((C − C₋₁)/C₋₁)·nvi}, which is a multiplication by {@code C/C₋₁}; otherwise it stays. A previous close
 * of 0 leaves it unchanged (docs/spec.md §5.1). Tulip {@code nvi} (start 1000) matches to its own rounding. {@link Pvi}
 * is this index of the negated volume.
 *
 * <p>The index is a product of every move so far, and a product rounded at each move drifts: its relative error grows
 * with the square root of the number of moves (262 ulps, some 3e-14, after a million bars near 1e6). So the index is
 * kept as two doubles, that product and what it lacks of the exact one, and every move's rounding errors are carried
 * into the second: the factor's (the remainder of its quotient) and the product's, both exact
 * ({@link ExactArithmetic}). The output is the exact product of the moves rounded once, however long the stream
 * (docs/contracts.md, "running products"; CumulativeDriftTest).
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
    /** The index as a product rounded at each move. */
    double value;
    /** What {@link #value} lacks of the exact product of the moves: the rounding errors of every move, carried. */
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
        if (started) {
            double before = previousClose;
            // Whether the volume fell is a coin flip on market data: no branch on it, not even &&'s.
            boolean moves = volume < previousVolume & before != 0.0;
            // The move's factor C/C₋₁ as f + ff exactly (to u² of f): the quotient by a reciprocal, and the rest from
            // its remainder. f = 1 and ff = 0 on a bar that does not move.
            double inverse = 1.0 / before;
            double t = close * inverse;
            double f = Branchless.choose(moves, t, 1.0);
            double ff = Branchless.keepIf(moves, ExactArithmetic.remainder(close, t, before) * inverse);
            // index·(f + ff) = value·f + (error·f + value·ff), and value·f = s + its rounding error, exactly. value is
            // not renormalized: it stays the product rounded at each move, one multiplication from bar to bar, and
            // error, a chain of its own, what it lacks. (error·f and value·ff are u-sized: plain products round them
            // well enough and give the same bits on every JVM, where fused ones would not without the instruction.)
            double v = value;
            double s = v * f;
            double e = error * f + (v * ff + ExactArithmetic.productError(v, f, s));
            next = s + e;
            if (!(Math.abs(next) <= Double.MAX_VALUE)) {
                return Double.NaN;
            }
            value = s;
            error = e;
        } else {
            value = next;
            error = 0.0;
        }
        started = true;
        previousClose = close;
        previousVolume = volume;
        return next;
    }
}
