package io.ta.kernels.momentum;

import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;

/**
 * Moving average convergence/divergence (G. Appel, 1979), as TA-Lib MACD with its alignment (CATALOG.md §3.1): the
 * slow {@link Ema} runs on every value; the fast one starts {@code slow_period − fast_period} values later, so its
 * seed is the mean of the fast_period values ending where the slow seed ends and both first output at bar
 * {@code slow_period − 1}. {@code macd = fast − slow}; {@code signal} is the EMA of the macd line
 * ({@code k = 2/(signal_period+1)}) seeded with the mean of its first signal_period values;
 * {@code histogram = macd − signal}. All three outputs start at {@code (slow−1) + (signal−1)} (TA-Lib's single
 * lookback). CATALOG.md §1.7: laakhay ran independent x[0]-seeded EMAs.
 *
 * <p>{@code fast_period < slow_period} is required (TA-Lib swaps them; §5.3 rejects). Recursive: a missing input
 * outputs NaN and is skipped by every average (§5.2); the fast average's offset counts valid values only.
 */
@Kernel(
        name = "macd",
        family = Family.MOMENTUM,
        summary = "MACD: fast EMA minus slow EMA (aligned as TA-Lib), its EMA signal and their difference.",
        reference = "TA-Lib MACD (Appel 1979)")
@Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
public final class Macd {
    final Ema fast;
    final Ema slow;
    final Ema signalAverage;
    final int offset;
    int skipped;

    @Output(doc = "fast EMA minus slow EMA")
    double macd;

    @Output(doc = "EMA of the macd line over signal_period")
    double signal;

    @Output(doc = "macd minus signal")
    double histogram;

    public Macd(
            @Param(defaultValue = "12", min = 2, max = 100_000) int fastPeriod,
            @Param(defaultValue = "26", min = 2, max = 100_000) int slowPeriod,
            @Param(defaultValue = "9", min = 1, max = 100_000) int signalPeriod) {
        this(new Ema(fastPeriod), new Ema(slowPeriod), slowPeriod - fastPeriod, signalPeriod);
    }

    private Macd(Ema fast, Ema slow, int offset, int signalPeriod) {
        this.fast = fast;
        this.slow = slow;
        this.offset = offset;
        this.signalAverage = new Ema(signalPeriod);
    }

    /**
     * TA-Lib MACDFIX's line: seed windows of 12 and 26 values but smoothing constants fixed at 0.15 and 0.075
     * (instead of 2/13 and 2/27), for {@link MacdFix}.
     */
    static Macd fixed(int signalPeriod) {
        return new Macd(Ema.withSmoothing(12, 0.15), Ema.withSmoothing(26, 0.075), 26 - 12, signalPeriod);
    }

    public static int lookback(int slowPeriod, int signalPeriod) {
        return (slowPeriod - 1) + (signalPeriod - 1);
    }

    @Step
    public void step(double x) {
        macd = Double.NaN;
        signal = Double.NaN;
        histogram = Double.NaN;
        if (!Double.isFinite(x)) {
            return;
        }
        double s = slow.step(x);
        // The fast average runs on the suffix starting offset valid values in (TA-Lib's alignment, §3.1).
        if (skipped < offset) {
            skipped++;
            return;
        }
        double f = fast.step(x);
        if (f != f) {
            return;
        }
        double line = f - s;
        double sig = signalAverage.step(line);
        if (sig != sig) {
            return;
        }
        macd = line;
        signal = sig;
        histogram = line - sig;
    }
}
