package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.MedPrice;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingMin;

/**
 * Fisher transform (J. Ehlers, TASC Nov 2002), in laakhay's form (docs/spec.md §3.4): with {@code m = (H+L)/2}
 * ({@link MedPrice}) and {@code lo, hi} its min and max over n bars ({@link RollingMin}, {@link RollingMax}),
 * {@code u = (m − lo)/(hi − lo) − 0.5} (0 when {@code hi = lo}, §5.1), {@code v = clamp(0.66·u + 0.67·v₋₁, −0.999,
 * 0.999)}, {@code fisher = 0.5·ln((1+v)/(1−v)) + 0.5·fisher₋₁} with {@code v₋₁ = fisher₋₁ = 0} before the first
 * output, and {@code signal = fisher₋₁} (0.0 at the first output). Lookback n−1. Tulip {@code fisher} has the
 * formula but differs on the flat range and the clamp; the golden is a base-R transcription of §3.4.
 *
 * <p>Recursive: while the window holds a missing value both outputs are NaN and v, fisher are left unchanged; the
 * next valid bar continues from them (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "fisher",
        family = Family.MOMENTUM,
        summary = "Fisher transform of the median price's position in its period range, and its one-bar lag.",
        reference = "Ehlers, TASC Nov 2002 (laakhay form); Tulip fisher (formula)",
        scale = Scale.UNITLESS)
public final class Fisher {
    final MedPrice median;
    final RollingMax highest;
    final RollingMin lowest;
    double value;
    double transform;

    @Output(doc = "the Fisher transform")
    double fisher;

    @Output(doc = "the previous bar's Fisher transform")
    double signal;

    public Fisher(@Param(defaultValue = "9", min = 1, max = 100_000) int period) {
        this.median = new MedPrice();
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double high, double low) {
        double m = median.step(high, low);
        double hi = highest.step(m);
        double lo = lowest.step(m);
        if (hi != hi || lo != lo) {
            fisher = Double.NaN;
            signal = Double.NaN;
            return;
        }
        double range = hi - lo;
        double u = hi == lo ? 0.0 : (m - lo) / range - 0.5;
        if (range == Double.POSITIVE_INFINITY) {
            // A window from near one edge of the doubles to the other: the same ratio of halves, exactly, where ∞/∞
            // was NaN and left v and the transform NaN for good.
            u = (m * 0.5 - lo * 0.5) / (hi * 0.5 - lo * 0.5) - 0.5;
        }
        double v = 0.66 * u + 0.67 * value;
        v = v > 0.999 ? 0.999 : v < -0.999 ? -0.999 : v;
        double f = 0.5 * Math.log((1 + v) / (1 - v)) + 0.5 * transform;
        signal = transform;
        fisher = f;
        value = v;
        transform = f;
    }
}
