package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Invariant;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * Covariance of x and y over the last n bars, as R TTR {@code runCov(x, y, n, sample)}: the co-moment
 * {@code C = Σ(x − x̄)(y − ȳ)} divided by {@code n − 1} (sample, the default) or n (population).
 *
 * <p>Numerics: the textbook {@code Σxy − ΣxΣy/n} cancels catastrophically when the spread is small next to the level
 * (on index data near 1,600 it loses about 1e-9 of the covariance). Instead C is kept centred: when
 * {@code (x_in, y_in)} enters and {@code (x_out, y_out)} leaves, {@code x̄' = x̄ + (x_in − x_out)/n} and
 * {@code C' = C + (x_in − x̄')(y_in − ȳ) − (x_out − x̄')(y_out − ȳ)} (exact algebra; every term is a deviation,
 * so nothing large cancels), and the window is re-summed with the two-pass formula — means first, then the
 * deviations, oldest first — on its first full window and every n bars after, so rounding never accumulates.
 * Cost O(1) amortized; {@link RSquared} and {@link StdErr} take their variance from here (the covariance of x with
 * itself).
 *
 * <p>NaN while a missing value of either input is inside the window; the first clean window after it is re-summed.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "rolling_cov",
        aliases = "cov",
        family = Family.STATISTIC,
        scale = Scale.PRICE_SQUARED,
        summary = "Covariance of x and y over the last period bars (sample or population).",
        reference = "TTR runCov")
public final class RollingCov {
    final int period;
    final double divisor;
    final DoubleRing xs;
    final DoubleRing ys;
    double meanX;
    double meanY;
    double comoment;
    /** Missing pairs in the window. */
    @Range(min = "0", max = "period")
    int missing;
    /** Bars since the last re-sum; it re-sums when the count reaches the period. */
    @Range(min = "0", max = "period - 1")
    int sinceRescan;
    /** Whether a missing value was in the window since the last re-sum: the centred state must be rebuilt. */
    boolean stale = true;

    public RollingCov(
            @Param(defaultValue = "10", min = 2, max = 100_000) int period,
            @Param(defaultValue = "true", doc = "divide by n - 1 (sample) instead of n (population)") boolean sample) {
        this.period = period;
        this.divisor = sample ? period - 1 : period;
        this.xs = new DoubleRing(period);
        this.ys = new DoubleRing(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    /** Both rings are pushed together, and {@code missing} counts the pairs of the window with a missing value. */
    @Invariant
    boolean missingCountsTheWindow() {
        if (xs.size() != ys.size()) {
            return false;
        }
        int m = 0;
        for (int ago = 0; ago < xs.size(); ago++) {
            if (!(Math.abs(xs.get(ago)) <= Double.MAX_VALUE && Math.abs(ys.get(ago)) <= Double.MAX_VALUE)) {
                m++;
            }
        }
        return m == missing;
    }

    @Step
    public double step(double x, double y) {
        boolean full = xs.isFull();
        double xOut = xs.push(x);
        double yOut = ys.push(y);
        boolean finite = Math.abs(x) <= Double.MAX_VALUE && Math.abs(y) <= Double.MAX_VALUE;
        if (!finite) {
            missing++;
        }
        if (full && !(Math.abs(xOut) <= Double.MAX_VALUE && Math.abs(yOut) <= Double.MAX_VALUE)) {
            missing--;
        }
        if (!xs.isFull()) {
            return Double.NaN;
        }
        if (missing > 0) {
            stale = true;
            return Double.NaN;
        }
        if (stale || ++sinceRescan == period) {
            rescan();
        } else {
            double newMeanX = meanX + (x - xOut) / period;
            comoment += (x - newMeanX) * (y - meanY) - (xOut - newMeanX) * (yOut - meanY);
            meanX = newMeanX;
            meanY = meanY + (y - yOut) / period;
        }
        return comoment / divisor;
    }

    /** The two-pass co-moment of the (clean, full) window, oldest value first. */
    private void rescan() {
        double sx = 0.0;
        double sy = 0.0;
        for (int ago = period - 1; ago >= 0; ago--) {
            sx += xs.get(ago);
            sy += ys.get(ago);
        }
        double mx = sx / period;
        double my = sy / period;
        double c = 0.0;
        for (int ago = period - 1; ago >= 0; ago--) {
            c += (xs.get(ago) - mx) * (ys.get(ago) - my);
        }
        meanX = mx;
        meanY = my;
        comoment = c;
        sinceRescan = 0;
        stale = false;
    }
}
