package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Invariant;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.TrueRange;
import io.ta.kernels.stats.RollingSum;
import io.ta.state.WindowSumPair;

/**
 * Vortex indicator (Botes &amp; Siepman, TASC January 2010): {@code plus = ΣVM⁺/ΣTR}, {@code minus = ΣVM⁻/ΣTR} over the
 * last n bars, {@code VM⁺ = |H − L₋₁|}, {@code VM⁻ = |L − H₋₁|}, TR the {@link TrueRange}; {@code ΣTR = 0} gives 0
 * (exact test, CATALOG.md §5.1). Every term needs the previous bar, so bar 0 is NaN and the first output is at bar n. A
 * window kernel: each output is NaN while a term it sums is missing inside the window.
 *
 * <p>ΣVM⁺ and ΣVM⁻ share one {@link WindowSumPair} (one push, one block turn and one checkpoint where two
 * {@link RollingSum}s kept two: the step costs 0.7–0.9 of what it did). The pair counts a pair as missing when either
 * term is, and the two terms are not missing together, so the step pushes a missing term as 0 (a sum of non-negative
 * terms is the same with or without a 0 in it) and counts for each term the pushes since it was last missing.
 */
@Chart(pane = Chart.Pane.OWN, guides = {1})
@Kernel(
        name = "vortex",
        family = Family.TREND,
        summary = "Vortex indicator: sums of |H - L[-1]| and |L - H[-1]| over the sum of true range.",
        reference = "Botes & Siepman, TASC Jan 2010",
        scale = Scale.UNITLESS)
public final class Vortex {
    final int period;
    final TrueRange range;
    /** ΣVM⁺ and ΣVM⁻ in one window, a missing term pushed as 0 (it adds nothing to a sum of non-negative terms). */
    final WindowSumPair moves;
    final RollingSum rangeSum;
    double previousHigh = Double.NaN;
    double previousLow = Double.NaN;
    /** Pushes since VM⁺ was last missing, saturating at {@code period}: its sum counts once this reaches it. */
    @Range(min = "0", max = "period")
    int plusClean;
    /** The same for VM⁻: the two terms are not missing together (a missing low spoils this bar's VM⁻, the next VM⁺). */
    @Range(min = "0", max = "period")
    int minusClean;
    @Output(doc = "sum of VM+ / sum of true range")
    double plus;
    @Output(doc = "sum of VM- / sum of true range")
    double minus;

    public Vortex(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.period = period;
        this.range = new TrueRange();
        this.moves = new WindowSumPair(period);
        this.rangeSum = new RollingSum(period);
    }

    public static int lookback(int period) {
        return period;
    }

    /**
     * A term has been present for at most as many pushes as there were, and the pair holds no missing value (the step
     * pushes a missing term as 0): a restored snapshot that broke either would read a sum over a window the pair has
     * not filled, or without a value it never had.
     */
    @Invariant
    boolean cleanRunsFitThePushes() {
        long pushes = moves.count();
        return plusClean <= pushes && minusClean <= pushes && !moves.hasMissing();
    }

    @Step
    public void step(double high, double low, double close) {
        double up = Math.abs(high - previousLow);
        double down = Math.abs(low - previousHigh);
        boolean upOk = up <= Double.MAX_VALUE;
        boolean downOk = down <= Double.MAX_VALUE;
        plusClean = upOk ? Math.min(plusClean + 1, period) : 0;
        minusClean = downOk ? Math.min(minusClean + 1, period) : 0;
        WindowSumPair m = moves;
        m.push(upOk ? up : 0.0, downOk ? down : 0.0);
        double tr = rangeSum.step(range.step(high, low, close));
        previousHigh = high;
        previousLow = low;
        double vp = plusClean == period ? m.sumX() : Double.NaN;
        double vm = minusClean == period ? m.sumY() : Double.NaN;
        if (tr == 0.0) {
            plus = vp == vp ? 0.0 : Double.NaN;
            minus = vm == vm ? 0.0 : Double.NaN;
            return;
        }
        plus = vp / tr;
        minus = vm / tr;
    }
}
