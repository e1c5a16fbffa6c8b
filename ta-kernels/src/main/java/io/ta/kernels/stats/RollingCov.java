package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowComoments;

/**
 * Covariance of x and y over the last n bars, as R TTR {@code runCov(x, y, n, sample)}: the co-moment
 * {@code C = Σ(x − x̄)(y − ȳ)} divided by {@code n − 1} (sample, the default) or n (population).
 *
 * <p>Numerics: the textbook {@code Σxy − ΣxΣy/n} cancels catastrophically when the spread is small next to the level
 * (on index data near 1,600 it loses about 1e-9 of the covariance), and a running centred mean carries rounding of
 * the level into the co-moment. C is the exact window co-moment of {@link WindowComoments} (sums centred on a pair
 * inside the window, never updated by subtraction), as {@link Correl} and {@link Beta} use: no drift over a long
 * stream, no residue of an outlier once it has left, the same relative precision at any price level.
 *
 * <p>NaN while a missing value of either input is inside the window.
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
    final double divisor;
    final WindowComoments window;

    public RollingCov(
            @Param(defaultValue = "10", min = 2, max = 100_000) int period,
            @Param(defaultValue = "true", doc = "divide by n - 1 (sample) instead of n (population)") boolean sample) {
        this.divisor = sample ? period - 1 : period;
        this.window = new WindowComoments(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x, double y) {
        WindowComoments w = window;
        w.push(x, y);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        w.compute();
        return w.comoment() / divisor;
    }
}
