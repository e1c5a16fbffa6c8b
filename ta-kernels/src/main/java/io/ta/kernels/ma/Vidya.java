package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingVar;

/**
 * Variable index dynamic average (T. Chande, "Adapting Moving Averages to Market Volatility", TASC Mar 1992), in
 * the form of docs/spec.md §3.4 and Tulip {@code vidya}: an exponential average whose smoothing constant is scaled by
 * relative volatility, {@code V_t = V_{t−1} + k·(x_t − V_{t−1})} with {@code k = alpha·σ_short/σ_long}, σ the
 * population standard deviations of the last short / long values ({@link RollingVar}; a variance that cancels to a
 * negative is 0, and {@code σ_long = 0} gives {@code k = 0}, §5.1).
 *
 * <p>The state starts at the value just before the first full long window ({@code x_{long−2}} on clean data) and the
 * first output is at {@code long − 1}. Tulip {@code vidya} matches from there; it also prints that starting value
 * one bar earlier, which is the seed, not an average, and is not part of this kernel's output.
 *
 * <p>Missing values: the deviations are window reads, so k is NaN while a missing value is inside the long window;
 * V is recursive state and skips those bars, then continues from where it was (§5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "vidya",
        family = Family.MOVING_AVERAGE,
        scale = Scale.PRICE,
        summary = "Chande's variable index dynamic average: EMA-like with k = alpha * std(short)/std(long).",
        reference = "T. Chande, TASC Mar 1992; Tulip vidya")
@Require(left = "short_period", op = Require.Op.LE, right = "long_period")
public final class Vidya {
    final double alpha;
    final RollingVar shortVariance;
    final RollingVar longVariance;
    double previous = Double.NaN;
    double value;
    boolean started;

    public Vidya(
            @Param(defaultValue = "2", min = 1, max = 100_000) int shortPeriod,
            @Param(defaultValue = "5", min = 2, max = 100_000) int longPeriod,
            @Param(defaultValue = "0.2", min = 0, max = 1, doc = "smoothing constant at equal volatilities")
                    double alpha) {
        this.alpha = alpha;
        this.shortVariance = new RollingVar(shortPeriod);
        this.longVariance = new RollingVar(longPeriod);
    }

    public static int lookback(int longPeriod) {
        return longPeriod - 1;
    }

    @Step
    public double step(double x) {
        double p = previous;
        previous = x;
        double shortVar = shortVariance.step(x);
        double longVar = longVariance.step(x);
        if (longVar != longVar || shortVar != shortVar) {
            return Double.NaN;
        }
        if (!started) {
            // A full long window (long >= 2) is finite, so the bar before this one is a valid starting value.
            started = true;
            value = p;
        }
        double longDev = longVar > 0 ? Math.sqrt(longVar) : 0.0;
        double shortDev = shortVar > 0 ? Math.sqrt(shortVar) : 0.0;
        double k = longDev == 0.0 ? 0.0 : alpha * (shortDev / longDev);
        value = (x - value) * k + value;
        return value;
    }
}
