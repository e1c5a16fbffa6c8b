package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * McGinley dynamic (J. R. McGinley, "The McGinley Dynamic", 1990): a moving average whose speed follows the market,
 * {@code M += (x − M) / (n·(x/M)⁴)} — it slows down when prices run away above it and speeds up when they fall
 * below. McGinley's original form, without the 0.6 factor some platforms add (docs/spec.md §2.1).
 *
 * <p>Seed: the mean of the first n valid values — exactly the seed of the catalog {@link Ema} (§1.5), which is
 * reused for it — so the first value is at {@code n − 1}. When M or x is 0 the ratio is undefined and M becomes x
 * (§5.1); the same happens when {@code (x/M)⁴} underflows to 0 or the update overflows, the limit of the formula as
 * x/M goes to 0. When {@code (x/M)⁴} overflows the correction is 0 and M stays, its limit the other way. No TTR or
 * Tulip function computes it.
 *
 * <p>Missing values: recursive state, the bar is skipped (§5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "mcginley",
        aliases = "mcginley_dynamic",
        family = Family.MOVING_AVERAGE,
        scale = Scale.PRICE,
        summary = "McGinley dynamic: M += (x - M) / (period * (x/M)^4), seeded with the mean of period values.",
        reference = "J. R. McGinley 1990")
public final class McGinley {
    final double period;
    final Ema seed;
    double value;

    public McGinley(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.period = period;
        this.seed = new Ema(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        if (!seed.isSeeded()) {
            // The Ema is only stepped until its seed (the mean of the first n valid values) exists.
            value = seed.step(x);
            return value;
        }
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        if (value == 0.0 || x == 0.0) {
            value = x;
            return value;
        }
        double ratio = x / value;
        double speed = period * (ratio * ratio) * (ratio * ratio);
        double next = value + (x - value) / speed;
        value = Math.abs(next) <= Double.MAX_VALUE ? next : x;
        return value;
    }
}
