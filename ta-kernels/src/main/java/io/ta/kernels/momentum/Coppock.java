package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Wma;
import io.ta.state.DoubleRing;

/**
 * Coppock curve (E. S. Coppock, Barron's 1962): {@code wma(roc(x, slow_roc) + roc(x, fast_roc), wma_period)}, with
 * {@link Roc} as TA-Lib's (percent; 0 when the earlier value is 0) and a {@link Wma} that starts at the sum's first
 * valid bar (§1.2), so the lookback is {@code max(fast_roc, slow_roc) + wma_period − 1}. The catalog puts no order
 * on the two ROC periods, so none is required. No TTR/Tulip function; the golden is a base-R transcription of this
 * formula. A missing value makes the output NaN while one of the ROCs that read it is inside the WMA window (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "coppock",
        family = Family.MOMENTUM,
        summary = "Coppock curve: WMA of the sum of two rates of change.",
        reference = "E. S. Coppock, Barron's 1962",
        scale = Scale.UNITLESS)
public final class Coppock {
    /** x and the values before it, back to the longer ROC's: both rates read it, so x is pushed once. */
    final DoubleRing history;
    final int fastRoc;
    final int slowRoc;
    final Wma average;
    boolean started;

    public Coppock(
            @Param(defaultValue = "10", min = 1, max = 100_000, doc = "WMA period") int wmaPeriod,
            @Param(defaultValue = "11", min = 1, max = 100_000, doc = "period of the shorter ROC") int fastRoc,
            @Param(defaultValue = "14", min = 1, max = 100_000, doc = "period of the longer ROC") int slowRoc) {
        this.history = new DoubleRing(Math.max(fastRoc, slowRoc) + 1);
        this.fastRoc = fastRoc;
        this.slowRoc = slowRoc;
        this.average = new Wma(wmaPeriod);
    }

    public static int lookback(int wmaPeriod, int fastRoc, int slowRoc) {
        return Math.max(fastRoc, slowRoc) + wmaPeriod - 1;
    }

    @Step
    public double step(double x) {
        DoubleRing h = history;
        h.push(x);
        // Both rates exist once the longer one's earlier value does (the ring is full); NaN before, as each Roc's.
        double sum = h.isFull() ? Roc.rate(x, h.get(slowRoc)) + Roc.rate(x, h.get(fastRoc)) : Double.NaN;
        // The WMA window starts at the sum's first valid bar (docs/spec.md §1.2 composition rule).
        if (!started) {
            if (sum != sum) {
                return Double.NaN;
            }
            started = true;
        }
        // A rate of change is 0 wherever the price is what it was: the average keeps its runs of zeros.
        return average.stepKeepingZeroRuns(sum);
    }
}
