package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OfInput;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.AnchoredSum;

/**
 * Simple moving average, as TA-Lib SMA: a running window total divided by n (TA-Lib's own operation order). The total
 * is an {@link AnchoredSum}, TA-Lib's one add per bar re-anchored to a fresh sum every n bars, so it cannot drift and
 * forgets an outlier at most one window after it left; a window of zeros averages to exactly 0. Period 1 is the
 * identity. (Sums whose size matters next to zero, such as sums of gains or flows, use the exact
 * {@link io.ta.kernels.stats.RollingSum}.)
 *
 * <p>Missing values (non-finite) occupy their window slot without entering the sum; the output is NaN while one
 * is inside the window (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "sma",
        aliases = {"rolling_mean", "mean", "average", "avg"},
        family = Family.MOVING_AVERAGE,
        summary = "Simple moving average: the mean of the last period values.",
        reference = "TA-Lib SMA",
        scale = Scale.PRICE)
public final class Sma {
    /**
     * {@code 1/period}: the mean is a product with it, not a quotient. TA-Lib's loop and ours were both bound by the
     * divider; a product is within an ulp of the quotient, well inside the rounding the sum itself carries.
     */
    final double inverse;
    /** The step pushes x and only x, so a batch lends the window its input: TA-Lib's loop, no ring. */
    @OfInput("x")
    final AnchoredSum sum;

    public Sma(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.inverse = 1.0 / period;
        this.sum = new AnchoredSum(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    /**
     * The kernel's step, which its batch and its stream call: the batch lends the window its input. A kernel that
     * holds an average calls {@link #step}, to the same bits; the two push apart so that an sma's batch does not make
     * C2 compile the lent path into every average held elsewhere ({@link AnchoredSum#pushLendable}).
     */
    @Step
    public double stepLendable(double x) {
        sum.pushLendable(x);
        return mean();
    }

    /** The mean after {@code x}, for a kernel that holds this average: never lent an input. */
    public double step(double x) {
        sum.push(x);
        return mean();
    }

    /**
     * {@link #step}, to the same bits, for a kernel that holds this average over an input that is often 0 (qstick's
     * candle bodies): {@link AnchoredSum#pushKeepingZeroRuns}.
     */
    public double stepKeepingZeroRuns(double x) {
        sum.pushKeepingZeroRuns(x);
        return mean();
    }

    private double mean() {
        AnchoredSum w = sum;
        return w.isFull() && !w.hasMissing() ? w.sum() * inverse : Double.NaN;
    }
}
