package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Rma;

/**
 * Relative strength index (Wilder 1978), as TA-Lib RSI: from bar 1 each change {@code d = x − x₋₁} feeds a gain
 * ({@code max(d, 0)}) and a loss ({@code max(−d, 0)}) Wilder average ({@link Rma}: the mean of the first n values, then
 * {@code (e·(n−1) + v)/n} — TA-Lib's own operations, in its order); {@code RSI = 100·(G/(G + L))}. When
 * {@code G + L} is 0 the output is 0 (docs/spec.md §1.7: laakhay gave 50) — exactly 0, which an average of
 * non-negative moves is only when they all were 0, where TA-Lib's absolute {@code |G + L| < 1e-8} makes the RSI of
 * prices near 1e-6 0 on every bar (and a relative 1e-12 that of ticks of 1 at 1e15). First output at bar n.
 *
 * <p>Recursive: a missing input outputs NaN and is skipped entirely, so the next change is measured from the last
 * valid value (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {30, 70}, min = 0, max = 100)
@Kernel(
        name = "rsi",
        family = Family.MOMENTUM,
        summary = "Relative strength index: Wilder-smoothed gains over gains plus losses, 0..100.",
        reference = "TA-Lib RSI (Wilder 1978)",
        scale = Scale.UNITLESS)
public final class Rsi {
    final Rma gain;
    final Rma loss;
    double previous;
    boolean hasPrevious;
    /** The last Wilder averages of gains and losses (NaN during warm-up); CMO reads them. */
    double averageGain = Double.NaN;
    double averageLoss = Double.NaN;

    public Rsi(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.gain = new Rma(period);
        this.loss = new Rma(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double x) {
        if (!Double.isFinite(x)) {
            return Double.NaN;
        }
        if (!hasPrevious) {
            previous = x;
            hasPrevious = true;
            return Double.NaN;
        }
        double change = x - previous;
        previous = x;
        // TA-Lib adds a negative change to the losses (as −change) and anything else to the gains; adding the
        // other side's 0.0 leaves it bit for bit unchanged. Math.max compiles branch-free; the sign of a price
        // change is a coin flip the branch predictor loses half the time.
        double g = gain.step(Math.max(change, 0.0));
        double l = loss.step(Math.max(-change, 0.0));
        averageGain = g;
        averageLoss = l;
        if (g != g) {
            return Double.NaN;
        }
        // G and L are Wilder averages of exact non-negative moves, so their sum is 0 only where every move in their
        // memory was, and any other sum is a real move: a tick of 1 at 1e15 is 1e-15 of the price, which a relative
        // "≈ 0" of 1e-12 read as RSI 0 (TA-Lib: 0 only below its absolute 1e-8).
        double sum = g + l;
        return sum == 0.0 ? 0.0 : 100 * (g / sum);
    }
}
