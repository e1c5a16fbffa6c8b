package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Moving average with a variable period, as TA-Lib MAVP: at bar t the {@link Ma} of type ma_type over
 * {@code p_t = periods_t} truncated to an integer ({@code (int)}, toward zero) and clamped to
 * {@code [min_period, max_period]}.
 *
 * <p>As TA-Lib: MAVP asks TA-Lib's MA, for each period p, for its values from bar {@code lb(ma_type, max_period)} on,
 * and MA then runs on the input suffix starting {@code lb(p)} bars earlier. So one {@link Ma} per period of the range
 * runs on every bar (held in a {@link MaBank}), the one for p starting after {@code lb(max) − lb(p)} values: every
 * average first outputs at {@code lb(max)}, the lookback, and an EMA-like average of a shorter period is seeded there,
 * not at bar 0 (so mavp with a constant period p equals {@code ma} with period p exactly only for
 * {@code p = max_period}; for the window types otherwise up to rounding). MAMA ignores the period (as inside
 * {@code ma}), so its bank holds one average. Cost: {@code max_period − min_period + 1} averages advance every bar
 * (TA-Lib computes each distinct period over the whole series), and the window types (sma, wma, trima) and kama keep
 * one window per period, about {@code (max_period² − min_period²)/2} values in all — fine for the usual ranges, heavy
 * for a max_period in the thousands.
 *
 * <p>Missing values: a missing x goes to every started average (windows hold it, recursive types skip it, §5.2; start
 * offsets count valid values); a missing or non-finite period makes only its own bar NaN. {@code min_period ≤
 * max_period} is required (§5.3).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "mavp",
        family = Family.MOVING_AVERAGE,
        summary = "Moving average whose period is read per bar from the periods input, clamped to [min_period, max_period].",
        reference = "TA-Lib MAVP",
        scale = Scale.PRICE)
@Require(left = "min_period", op = Require.Op.LE, right = "max_period")
public final class Mavp {
    /** The choices by ordinal, so the step can recompute each slot's start (an enum is not kernel state). */
    private static final MaType[] TYPES = MaType.values();

    final int minPeriod;
    final int maxPeriod;
    /** ma_type's ordinal. */
    final int type;
    /** MAMA: one slot serves every period. */
    final boolean single;
    final int maxLookback;
    /** The longest wait, that of the min_period slot. */
    final int maxOffset;
    /** Slot i averages over {@code min_period + i} (one slot for MAMA). */
    final MaBank bank;
    /** Valid values seen, counted up to {@link #maxOffset}. */
    @Range(min = "0", max = "maxOffset")
    int seen;

    public Mavp(
            @Param(defaultValue = "2", min = 2, max = 100_000, doc = "smallest period used") int minPeriod,
            @Param(defaultValue = "30", min = 2, max = 100_000, doc = "largest period used") int maxPeriod,
            @Param(defaultValue = "sma", doc = "moving average type") MaType maType) {
        this.minPeriod = minPeriod;
        this.maxPeriod = maxPeriod;
        this.type = maType.ordinal();
        this.single = maType == MaType.MAMA;
        this.maxLookback = Ma.lookback(maxPeriod, maType);
        this.maxOffset = single ? 0 : maxLookback - Ma.lookback(minPeriod, maType);
        Ma[] averages = new Ma[single ? 1 : maxPeriod - minPeriod + 1];
        for (int i = 0; i < averages.length; i++) {
            averages[i] = new Ma(single ? maxPeriod : minPeriod + i, maType);
        }
        this.bank = new MaBank(averages);
    }

    public static int lookback(int maxPeriod, MaType maType) {
        return Ma.lookback(maxPeriod, maType);
    }

    @Step
    public double step(double x, @Input(scale = Scale.UNITLESS) double periods) {
        int chosen = -1;
        if (Double.isFinite(periods)) {
            // TA-Lib: (int) truncation, then below min → min, above max → max.
            int p = (int) periods;
            p = p < minPeriod ? minPeriod : p > maxPeriod ? maxPeriod : p;
            chosen = single ? 0 : p - minPeriod;
        }
        MaType t = TYPES[type];
        double out = Double.NaN;
        for (int i = 0; i < bank.size(); i++) {
            // Slot i runs on the suffix TA-Lib's MA gives it: it waits lb(max) − lb(own period) valid values.
            int offset = single ? 0 : maxLookback - Ma.lookback(minPeriod + i, t);
            if (seen >= offset) {
                double v = bank.get(i).step(x);
                if (i == chosen) {
                    out = v;
                }
            }
        }
        if (Double.isFinite(x) && seen < maxOffset) {
            seen++;
        }
        return out;
    }
}
