package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.SuperSmoother;
import io.ta.state.WindowSum;

/**
 * Ehlers' Trendflex (J. F. Ehlers, "Reflex: A New Zero-Lag Indicator", TASC Feb 2020): the price is smoothed by a
 * {@link SuperSmoother} with cutoff {@code period/2}; the mean difference between the current smoothed value
 * {@code f} and each of its last {@code period} values, {@code sum = Σ_{c=1..n}(f − f[c])/n}, is normalised by its
 * root mean square, {@code ms = 0.04·sum² + 0.96·ms₋₁} ({@code ms} starts at 0), {@code trendflex = sum/√ms};
 * {@code ms = 0} (a flat input) gives 0. Trendflex keeps the trend component; {@link Reflex} removes it.
 *
 * <p>O(1) per bar: Ehlers' loop over the n past values is {@code f − S/n} with {@code S = Σ f[c]} kept by a
 * {@link WindowSum} over the past smoothed values, whose oldest is {@link Reflex}'s {@code f[n]}.
 *
 * <p>Rounding: a sum within {@code 1e-12} (relative) of the smoothed level is taken as 0, so a flat input gives 0,
 * as in exact arithmetic, rather than its rounding noise normalised to ±5.
 *
 * <p>Seeding: the smoother starts at rest on the first value (see {@link SuperSmoother}), so the first output is at
 * bar n, when n past values exist; like Ehlers' code the normalisation starts from {@code ms = 0}, so the first
 * output is ±5 (or 0) and the average power settles over the next few dozen bars. Recursive state: a missing input
 * outputs NaN and is skipped entirely (docs/spec.md §5.2).
 *
 * <p>Overflow: a bar whose mean square would overflow (a smoothed value beyond ~1e154, as one extreme tick makes)
 * outputs NaN and restarts the Trendflex: the smoother, the mean square and the previous value are a fresh
 * instance's, and the next valid bar pushes a gap into the window, which keeps the old values out of every sum
 * until n new ones have come. From the next valid bar on, the output is then that of a stream started there (n
 * warm-up NaNs, then ±5 or 0), up to the rounding of the window sum. A window sum that overflowed (smoothed values
 * near {@link Double#MAX_VALUE}) outputs NaN until those values have left.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "trendflex",
        family = Family.CYCLE,
        scale = Scale.UNITLESS,
        summary = "Ehlers' Trendflex: mean distance of the smoothed price from its last period values, normalised.",
        reference = "J. F. Ehlers, TASC Feb 2020; hand-checked and base-R fixtures")
public final class Trendflex {
    final double period;
    final SuperSmoother smoother;
    /** The last n smoothed values before the current one, and their sum; the oldest is {@code f[n]}. */
    final WindowSum past;
    double meanSquare;
    /** The current smoothed value and the mean of the n before it, for {@link Reflex}. */
    double filtered = Double.NaN;
    double pastMean = Double.NaN;

    public Trendflex(
            @Param(defaultValue = "20", min = 2, max = 100_000, doc = "bars compared (smoother: half)") int period) {
        this.period = period;
        this.smoother = SuperSmoother.ofPeriod(0.5 * period);
        this.past = new WindowSum(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double x) {
        double f = smoother.step(x);
        if (f != f) {
            return Double.NaN;
        }
        double previous = filtered;
        filtered = f;
        WindowSum w = past;
        if (previous != previous && w.count() == 0) {
            return Double.NaN; // the first smoothed value: none before it
        }
        // After a restart previous is NaN, a gap that keeps the values from before it out of the next n sums, as a
        // fresh window would. One push for both: C2 inlines no call it has seen too few times to judge (a warm-up's
        // branch), and the window would escape into it and keep its fields in memory across the batch loop.
        w.push(previous);
        // NaN while the window fills or holds a restart's gap; infinite once the window's values overflow.
        double s = w.isFull() && !w.hasMissing() ? w.sum() : Double.NaN;
        if (!(Math.abs(s) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        double mean = s / period;
        pastMean = mean;
        double sum = resolved(f - mean, f, mean);
        double ms = 0.04 * sum * sum + 0.96 * meanSquare;
        if (!(ms <= Double.MAX_VALUE)) {
            restart();
            return Double.NaN;
        }
        meanSquare = ms;
        return ms == 0.0 ? 0.0 : sum / Math.sqrt(ms);
    }

    /**
     * Starts again from a fresh instance's smoother, mean square and previous value: an infinite mean square would
     * make every later output 0 or NaN. The window keeps its values; the next valid bar's gap takes their place.
     */
    void restart() {
        smoother.restart();
        meanSquare = 0.0;
        filtered = Double.NaN;
        pastMean = Double.NaN;
    }

    /**
     * {@code d}, or 0 when it is within rounding of the smoothed level ({@code |d| ≤ 1e-12·max(|f|, |mean|)}): the
     * normalisation would otherwise blow rounding noise up to ±5.
     */
    static double resolved(double d, double f, double mean) {
        return Math.abs(d) <= 1e-12 * Math.max(Math.abs(f), Math.abs(mean)) ? 0.0 : d;
    }

    /** The smoothed value of n valid bars ago; call after a step that produced a value. */
    double oldest() {
        return past.oldest();
    }
}
