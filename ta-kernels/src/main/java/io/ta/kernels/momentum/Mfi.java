package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.TypicalPrice;
import io.ta.spi.Branchless;
import io.ta.state.WindowSumPair;

/**
 * Money flow index (G. Quong and A. Soudack, 1989), as TA-Lib MFI: from bar 1 the money flow {@code TP·V}
 * ({@link TypicalPrice}) goes to the positive side when TP rose, to the negative side when it fell, to neither when
 * unchanged; P and N are the sums of the last n flows (one {@link WindowSumPair}) and
 * {@code MFI = 100·(P/(P + N))}, 0 when there is no flow at all (docs/spec.md §1.7: laakhay gave 100 when N = 0).
 * TA-Lib's guard is {@code P + N < 1}, an absolute amount of money that zeroes the MFI of low-priced or thinly traded
 * series; flows are sums of non-negative terms, never below 0 and exactly 0 over a window of zeros, so "no flow" is
 * exactly {@code P + N = 0}.
 * First output at bar n.
 *
 * <p>A flow reads two bars; while a missing flow (a missing TP on either bar, or a missing volume) is inside the
 * window the output is NaN (§5.2). A flow is an amount of money, so a typical price or a volume below zero (a spread,
 * a future trading below zero) has none: it is missing too. Taken as it is, such a flow made P and N of opposite signs,
 * and the index of a series around zero read 27,250 (TA-Lib: about 300, or 0).
 */
@Chart(pane = Chart.Pane.OWN, guides = {20, 80}, min = 0, max = 100)
@Kernel(
        name = "mfi",
        family = Family.MOMENTUM,
        summary = "Money flow index: positive money flow over total money flow on period bars, 0..100.",
        reference = "TA-Lib MFI (Quong and Soudack 1989)",
        scale = Scale.UNITLESS)
public final class Mfi {
    final TypicalPrice typical;
    /** Σ positive flow and Σ negative flow over the window. */
    final WindowSumPair flows;
    double previous;
    boolean hasPrevious;

    public Mfi(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.typical = new TypicalPrice();
        this.flows = new WindowSumPair(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double close, double volume) {
        double tp = typical.step(high, low, close);
        double before = previous;
        previous = tp;
        // The first flow is at bar 1; the sums start there (docs/spec.md §1.2).
        if (!hasPrevious) {
            hasPrevious = true;
            return Double.NaN;
        }
        double up = Double.NaN;
        double down = Double.NaN;
        // tp >= 0 and volume >= 0 also refuse NaN; the upper bounds refuse +Infinity.
        if (tp >= 0.0 && tp <= Double.MAX_VALUE && Double.isFinite(before)
                && volume >= 0.0 && volume <= Double.MAX_VALUE) {
            double change = tp - before;
            double flow = tp * volume;
            // The direction is a coin flip on market data: no branch.
            up = Branchless.keepIf(change > 0, flow);
            down = Branchless.keepIf(change < 0, flow);
        }
        WindowSumPair w = flows;
        w.push(up, down);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        double p = w.sumX();
        double n = w.sumY();
        if (p != p || n != n) {
            return Double.NaN; // finite flows whose sums overflowed both ways
        }
        double total = p + n;
        return total > 0.0 ? 100.0 * (p / total) : 0.0;
    }
}
