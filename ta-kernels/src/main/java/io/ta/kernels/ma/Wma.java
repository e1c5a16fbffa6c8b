package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.OfInput;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.AnchoredWeightedSum;

/**
 * Weighted moving average, as TA-Lib WMA: weights 1..n (newest n), divided by n(n+1)/2, from TA-Lib's two running
 * sums — kept in an {@link AnchoredWeightedSum}, which re-anchors both to fresh sums every n bars, so the average
 * neither drifts nor keeps an outlier's residue more than a window after it left. Period 1 is the identity, exactly.
 * Matches TA-Lib on clean data to a few ulps.
 *
 * <p>A missing value makes the output NaN while it is inside the window (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "wma",
        aliases = "rolling_wma",
        family = Family.MOVING_AVERAGE,
        summary = "Linearly weighted moving average, weights 1..period with the newest heaviest.",
        reference = "TA-Lib WMA",
        scale = Scale.PRICE)
public final class Wma {
    /** The step pushes x and only x, so a batch lends the window its input: TA-Lib's loop, no ring. */
    @OfInput("x")
    final AnchoredWeightedSum window;

    public Wma(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.window = new AnchoredWeightedSum(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    /**
     * The kernel's step, which its batch and its stream call: the batch lends the window its input. A kernel that
     * holds an average calls {@link #step}, to the same bits, as for {@link Sma#stepLendable}.
     */
    @Step
    public double stepLendable(double x) {
        window.pushLendable(x);
        return window.mean();
    }

    /** The mean after {@code x}, for a kernel that holds this average: never lent an input. */
    public double step(double x) {
        window.push(x);
        return window.mean();
    }

    /**
     * {@link #step}, to the same bits, for a kernel that holds this average over an input that is often 0 (coppock's
     * rates of change): {@link AnchoredWeightedSum#pushKeepingZeroRuns}.
     */
    public double stepKeepingZeroRuns(double x) {
        window.pushKeepingZeroRuns(x);
        return window.mean();
    }
}
