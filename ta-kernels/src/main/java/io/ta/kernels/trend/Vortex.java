package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.TrueRange;
import io.ta.kernels.stats.RollingSum;

/**
 * Vortex indicator (Botes &amp; Siepman, TASC January 2010): {@code plus = ΣVM⁺/ΣTR}, {@code minus = ΣVM⁻/ΣTR} over the
 * last n bars, {@code VM⁺ = |H − L₋₁|}, {@code VM⁻ = |L − H₋₁|}, TR the {@link TrueRange}; sums are
 * {@link RollingSum}s; {@code ΣTR = 0} gives 0 (exact test, CATALOG.md §5.1). Every term needs the previous bar, so
 * bar 0 is NaN and the first output is at bar n. A window kernel: NaN while a missing cell is inside the window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {1})
@Kernel(
        name = "vortex",
        family = Family.TREND,
        summary = "Vortex indicator: sums of |H - L[-1]| and |L - H[-1]| over the sum of true range.",
        reference = "Botes & Siepman, TASC Jan 2010",
        scale = Scale.UNITLESS)
public final class Vortex {
    final TrueRange range;
    final RollingSum plusSum;
    final RollingSum minusSum;
    final RollingSum rangeSum;
    double previousHigh = Double.NaN;
    double previousLow = Double.NaN;
    @Output(doc = "sum of VM+ / sum of true range")
    double plus;
    @Output(doc = "sum of VM- / sum of true range")
    double minus;

    public Vortex(@Param(defaultValue = "14", min = 1, max = 100_000) int period) {
        this.range = new TrueRange();
        this.plusSum = new RollingSum(period);
        this.minusSum = new RollingSum(period);
        this.rangeSum = new RollingSum(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public void step(double high, double low, double close) {
        double vp = plusSum.step(Math.abs(high - previousLow));
        double vm = minusSum.step(Math.abs(low - previousHigh));
        double tr = rangeSum.step(range.step(high, low, close));
        previousHigh = high;
        previousLow = low;
        if (tr == 0.0) {
            plus = vp == vp ? 0.0 : Double.NaN;
            minus = vm == vm ? 0.0 : Double.NaN;
            return;
        }
        plus = vp / tr;
        minus = vm / tr;
    }
}
