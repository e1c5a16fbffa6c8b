package io.ta.kernels.volume;

import io.ta.annotation.Scale;
import static java.lang.Math.max;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Step;

/**
 * Chaikin A/D oscillator, as TA-Lib ADOSC: a fast minus a slow exponential average of the {@link Ad} line, both with
 * {@code k = 2/(period+1)} and both seeded with the first A/D value AD₀ — not with an SMA (docs/spec.md §2.6) — and
 * updated from bar 1 on. Output from bar {@code max(fast, slow) − 1}, as TA-Lib (which does not require fast &lt; slow).
 *
 * <p>Why the averages are not {@link io.ta.kernels.ma.Ema}s: {@code Ema.withSmoothing(1, k)} would express the AD₀
 * seed, but TA-Lib updates these two averages as {@code k·AD + (1 − k)·e}, while {@code Ema} uses the catalog's
 * {@code (x − e)·k + e}. The two round differently by about an ulp of the A/D line, and the oscillator is a small
 * difference of two large averages, so near its zero crossings that ulp exceeds the 1e-9 golden tolerance. The
 * recursion is therefore written here, in TA-Lib's form.
 *
 * <p>Recursive state: a bar with a missing input outputs NaN and is skipped (the A/D line skips it too); skipped bars
 * do not count toward the warm-up.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "adosc",
        family = Family.VOLUME,
        summary = "Chaikin A/D oscillator: fast EMA minus slow EMA of the A/D line, both seeded with its first value.",
        reference = "TA-Lib ADOSC",
        scale = Scale.VOLUME)
public final class Adosc {
    final Ad line;
    final int lookback;
    final double fastK;
    final double fastKeep;
    final double slowK;
    final double slowKeep;
    double fast;
    double slow;
    @Range(min = "0", max = "lookback + 1")
    int seen;

    public Adosc(
            @Param(defaultValue = "3", min = 2, max = 100_000) int fastPeriod,
            @Param(defaultValue = "10", min = 2, max = 100_000) int slowPeriod) {
        this.line = new Ad();
        this.lookback = lookback(fastPeriod, slowPeriod);
        this.fastK = 2.0 / (fastPeriod + 1);
        this.fastKeep = 1.0 - fastK;
        this.slowK = 2.0 / (slowPeriod + 1);
        this.slowKeep = 1.0 - slowK;
    }

    public static int lookback(int fastPeriod, int slowPeriod) {
        return max(fastPeriod, slowPeriod) - 1; // static import: the catalog shows the formula as written
    }

    @Step
    public double step(double high, double low, double close, double volume) {
        double ad = line.step(high, low, close, volume);
        if (ad != ad) {
            return Double.NaN;
        }
        if (seen == 0) {
            fast = ad;
            slow = ad;
        } else {
            fast = (fastK * ad) + (fastKeep * fast);
            slow = (slowK * ad) + (slowKeep * slow);
        }
        if (seen <= lookback) {
            seen++; // counts valid bars up to the first output, then stays
        }
        return seen > lookback ? fast - slow : Double.NaN;
    }
}
