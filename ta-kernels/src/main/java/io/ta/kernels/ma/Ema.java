package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.SeededAverage;

/**
 * Exponential moving average, as TA-Lib EMA (docs/spec.md §1.5): {@code k = 2/(n+1)}, seeded with the arithmetic mean
 * of the first n valid inputs, then {@code e = (x − e)·k + e} in TA-Lib's operation order — {@link SeededAverage.Exponential}, the seeded
 * average this kernel shares with {@link Rma}, {@link T3} and ADX.
 *
 * <p>Recursive state: a missing input outputs NaN and is skipped (it neither advances the seed nor the average), so
 * the average recovers on the next valid bar (§5.2). This also makes an EMA of another kernel's output start its
 * warm-up at that output's first valid bar, as the composition rule requires.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "ema",
        aliases = "rolling_ema",
        family = Family.MOVING_AVERAGE,
        summary = "Exponential moving average, k = 2/(period+1), seeded with the mean of the first period values.",
        reference = "TA-Lib EMA",
        scale = Scale.PRICE)
public final class Ema {
    final int period;
    final double k;
    final SeededAverage.Exponential average;

    public Ema(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this(period, 2.0 / (period + 1));
    }

    private Ema(int period, double k) {
        this.period = period;
        this.k = k;
        this.average = new SeededAverage.Exponential(period, k);
    }

    /**
     * An EMA seeded over {@code period} values but smoothing with {@code k} instead of {@code 2/(period+1)}, for
     * composites such as TA-Lib MACDFIX (0.15 and 0.075).
     */
    public static Ema withSmoothing(int period, double k) {
        return new Ema(period, k);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x) {
        return average.push(x);
    }

    /** Whether the seed is complete (the last valid step produced an average). */
    public boolean isSeeded() {
        return average.isSeeded();
    }
}
