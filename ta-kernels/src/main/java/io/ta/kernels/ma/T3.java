package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;
import io.ta.state.SeededAverage;

/**
 * Tillson T3 moving average (T. Tillson, TASC Jan 1998), as TA-Lib T3: six chained EMAs {@code e1..e6} of the same
 * period, {@code k = 2/(n+1)}, combined as {@code c1·e6 + c2·e5 + c3·e4 + c4·e3} with volume factor v:
 * {@code c1 = −v³}, {@code c2 = 3v² + 3v³}, {@code c3 = −6v² − 3v − 3v³}, {@code c4 = 1 + 3v + v³ + 3v²}.
 *
 * <p>Seeding as TA-Lib: each EMA is seeded with the mean of its input's first n values (its input's first value being
 * that stage's seed), so the first output is at bar 6(n−1).
 *
 * <p>Why not six {@link Ema}s: the seeding would match, but TA-Lib's T3 steps its EMAs as {@code k·x + (1−k)·e},
 * while TA-Lib EMA (and so {@link Ema}) uses {@code (x − e)·k + e}. The two differ in the last bits, so each stage is
 * the same seeded average in T3's own form ({@link SeededAverage.Blend}) to reproduce TA-Lib's T3 bit for bit.
 *
 * <p>Recursive: a missing input outputs NaN and is skipped (§5.2); it neither advances a seed nor any EMA.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "t3",
        family = Family.MOVING_AVERAGE,
        summary = "Tillson T3: six chained EMAs combined with volume-factor weights.",
        reference = "TA-Lib T3",
        scale = Scale.PRICE)
public final class T3 {
    final double c1;
    final double c2;
    final double c3;
    final double c4;
    /** The EMAs e1..e6, each fed the previous one's output: a stage starts seeding when the one before is seeded. */
    final SeededAverage.Blend e1;
    final SeededAverage.Blend e2;
    final SeededAverage.Blend e3;
    final SeededAverage.Blend e4;
    final SeededAverage.Blend e5;
    final SeededAverage.Blend e6;

    public T3(
            @Param(defaultValue = "5", min = 2, max = 100_000) int period,
            @Param(defaultValue = "0.7", min = 0, max = 1, doc = "volume factor") double vFactor) {
        double k = 2.0 / (period + 1.0);
        this.e1 = new SeededAverage.Blend(period, k);
        this.e2 = new SeededAverage.Blend(period, k);
        this.e3 = new SeededAverage.Blend(period, k);
        this.e4 = new SeededAverage.Blend(period, k);
        this.e5 = new SeededAverage.Blend(period, k);
        this.e6 = new SeededAverage.Blend(period, k);
        // TA-Lib's coefficient arithmetic, term for term.
        double v2 = vFactor * vFactor;
        this.c1 = -(v2 * vFactor);
        this.c2 = 3.0 * (v2 - c1);
        this.c3 = -6.0 * v2 - 3.0 * (vFactor - c1);
        this.c4 = 1.0 + 3.0 * vFactor - c1 + 3.0 * v2;
    }

    public static int lookback(int period) {
        return 6 * (period - 1);
    }

    @Step
    public double step(double x) {
        // A NaN (a missing input, or a stage still seeding) passes down the chain without touching the later stages.
        double v6 = e6.push(e5.push(e4.push(e3.push(e2.push(e1.push(x))))));
        if (v6 != v6) {
            return Double.NaN;
        }
        return Means.weighted(c1, v6, c2, e5.value(), c3, e4.value(), c4, e3.value(), 1.0);
    }
}
