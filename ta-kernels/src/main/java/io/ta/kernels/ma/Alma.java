package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Complexity;
import io.ta.annotation.Derived;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * Arnaud Legoux moving average (A. Legoux and D. Kouzis-Loukas, 2009): a Gaussian-weighted average of the last n
 * values, {@code w_i = exp(−(i − m)² / (2s²))} for {@code i = 0} (oldest) … {@code n − 1}, with the peak at
 * {@code m = ⌊offset·(n − 1)⌋} and width {@code s = n / sigma}, normalised to sum to 1. An offset near 1 moves the
 * peak to the newest bars (responsive), near 0 to the oldest (smooth). R TTR {@code ALMA} matches.
 *
 * <p>The weights have no recursive form, so each bar costs one pass over the window: O(period) per bar, as in every
 * ALMA implementation (the default period is 9). The weights are fixed at construction; the peak weight is
 * {@code exp(0) = 1}, so their sum is never 0.
 *
 * <p>Missing values: a missing value in the window makes the product sum non-finite, so the output is NaN while
 * it is inside, then exact again (§5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "alma",
        family = Family.MOVING_AVERAGE,
        scale = Scale.PRICE,
        summary = "Arnaud Legoux moving average: Gaussian weights peaking at offset*(period-1), width period/sigma.",
        reference = "Legoux & Kouzis-Loukas 2009; TTR ALMA",
        cost = Complexity.LINEAR)
public final class Alma {
    /** The shape parameters, kept so a snapshot restores only into a stream with the same weights. */
    final double offset;
    final double sigma;
    /**
     * Normalised weights, newest first: {@code weights[ago]} is {@code w_{n−1−ago}}. A constant of the parameters, so
     * checkpoints and snapshots leave it out and a restore computes it again.
     */
    @Derived final double[] weights;
    final DoubleRing window;

    public Alma(
            @Param(defaultValue = "9", min = 1, max = 100_000) int period,
            @Param(defaultValue = "0.85", min = 0, max = 1, doc = "position of the weights' peak, 0 oldest to 1 newest")
                    double offset,
            @Param(defaultValue = "6.0", min = 0, minExclusive = true, doc = "window width in standard deviations")
                    double sigma) {
        this.offset = offset;
        this.sigma = sigma;
        this.weights = new double[period];
        this.window = new DoubleRing(period);
        double m = Math.floor(offset * (period - 1));
        double s = period / sigma;
        double total = 0;
        for (int i = 0; i < period; i++) {
            double d = i - m;
            // The peak is exactly 1 even when a huge sigma makes 2s² underflow to 0 (0/0 would be NaN).
            double w = d == 0 ? 1.0 : Math.exp(-(d * d) / (2 * s * s));
            weights[period - 1 - i] = w;
            total += w;
        }
        for (int ago = 0; ago < period; ago++) {
            weights[ago] /= total;
        }
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        window.push(x);
        if (!window.isFull()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int ago = weights.length - 1; ago >= 0; ago--) {
            sum += weights[ago] * window.get(ago);
        }
        return sum;
    }
}
