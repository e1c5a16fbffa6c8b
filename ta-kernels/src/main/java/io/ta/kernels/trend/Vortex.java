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
import io.ta.spi.Checks;
import io.ta.state.WindowSumTriple;

/**
 * Vortex indicator (Botes &amp; Siepman, TASC January 2010): {@code plus = ΣVM⁺/ΣTR}, {@code minus = ΣVM⁻/ΣTR} over the
 * last n bars, {@code VM⁺ = |H − L₋₁|}, {@code VM⁻ = |L − H₋₁|}, TR the {@link TrueRange}; {@code ΣTR = 0} gives 0
 * (exact test, docs/spec.md §5.1). Every term needs the previous bar, so bar 0 is NaN and the first output is at bar
 * n. A window kernel: each output is NaN while a term it sums is missing inside the window.
 *
 * <p>ΣVM⁺, ΣVM⁻ and ΣTR share one {@link WindowSumTriple}: one push, one block turn and one checkpoint where three
 * window sums kept three. The triple counts a triple as missing when any term is, and the terms are not missing
 * together, so the step pushes a missing VM as 0 (a sum of non-negative terms is the same with or without a 0 in it)
 * and counts for each term the pushes since it was last missing. A missing true range leaves the bar's VMs out of
 * their sums too, which only matters while it is in the window, where both outputs are NaN.
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
    /** ΣVM⁺, ΣVM⁻ and ΣTR in one window, a missing VM pushed as 0 (it adds nothing to a sum of non-negative terms). */
    final WindowSumTriple sums;
    double previousHigh = Double.NaN;
    double previousLow = Double.NaN;
    /** Pushes since VM⁺ was last missing, saturating at {@code period}: its sum counts once this reaches it. */
    @Range(min = "0", max = "period")
    int plusClean;
    /** The same for VM⁻: the two terms are not missing together (a missing low spoils this bar's VM⁻, the next VM⁺). */
    @Range(min = "0", max = "period")
    int minusClean;
    /** The same for the true range, which is missing on the first bar (a missing one makes its triple missing). */
    @Range(min = "0", max = "period")
    int rangeClean;
    @Output(doc = "sum of VM+ / sum of true range")
    double plus;
    @Output(doc = "sum of VM- / sum of true range")
    double minus;

    public Vortex(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.period = period;
        this.range = new TrueRange();
        this.sums = new WindowSumTriple(period);
    }

    public static int lookback(int period) {
        return period;
    }

    /**
     * A term has been present for at most as many pushes as there were, and the triple holds no missing value while
     * the true range's run is full (the step pushes a missing VM as 0): a restored snapshot that broke either would
     * read a sum over a window the triple has not filled, or without a value it never had. Not the converse: a
     * snapshot need not hold the window's oldest value when the next push drops it.
     */
    @Invariant
    boolean cleanRunsFitThePushes() {
        long pushes = sums.count();
        return plusClean <= pushes && minusClean <= pushes && rangeClean <= pushes
                && (rangeClean < period || !sums.hasMissing());
    }

    @Step
    public void step(double high, double low, double close) {
        double up = Math.abs(high - previousLow);
        double down = Math.abs(low - previousHigh);
        boolean upOk = up <= Double.MAX_VALUE;
        boolean downOk = down <= Double.MAX_VALUE;
        plusClean = upOk ? Math.min(plusClean + 1, period) : 0;
        minusClean = downOk ? Math.min(minusClean + 1, period) : 0;
        double r = range.step(high, low, close);
        rangeClean = r <= Double.MAX_VALUE ? Math.min(rangeClean + 1, period) : 0;
        WindowSumTriple m = sums;
        m.push(upOk ? up : 0.0, downOk ? down : 0.0, r);
        previousHigh = high;
        previousLow = low;
        // A true-range sum past the largest double is NaN, not the infinity a movement over it would read as 0.
        double tr = Checks.finiteOrNaN(rangeClean == period ? m.sumZ() : Double.NaN);
        double vp = plusClean == period ? m.sumX() : Double.NaN;
        double vm = minusClean == period ? m.sumY() : Double.NaN;
        if (tr == 0.0) {
            tr = Double.POSITIVE_INFINITY; // a flat window: a sum over it is 0 (or NaN, when missing)
        }
        plus = vp / tr;
        minus = vm / tr;
    }
}
