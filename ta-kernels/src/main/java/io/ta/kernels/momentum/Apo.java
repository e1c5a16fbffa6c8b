package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ma;
import io.ta.kernels.ma.MaType;

/**
 * Absolute price oscillator, as TA-Lib APO: {@code MA(x, fast_period) − MA(x, slow_period)}, two {@link Ma}s of type
 * ma_type (TA-Lib's default SMA). Lookback {@code lb(ma_type, slow_period)}.
 *
 * <p>Alignment: docs/spec.md §3.1 lists apo with the aligned pair, but TA-Lib's APO — the normative reference and the
 * golden — runs both averages on the whole input (its TA_INT_PO calls MA twice from the same start index and pairs
 * the outputs bar by bar), unlike MACD/MACDEXT. The two readings coincide for the window types up to rounding but
 * differ materially for EMA and the other recursive types, so TA-Lib's is followed: both averages see every bar.
 * Since every type's lookback grows with the period, the slow average is the last to start.
 *
 * <p>{@code fast_period < slow_period} is required (TA-Lib swaps them; §5.3 rejects). Missing values: each average
 * handles them as its type does (§5.2); the output is NaN where either is.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "apo",
        family = Family.MOMENTUM,
        summary = "Absolute price oscillator: fast moving average minus slow moving average.",
        reference = "TA-Lib APO",
        scale = Scale.PRICE)
@Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
public final class Apo {
    final Ma fast;
    final Ma slow;
    /** The slow average as of the last step; {@link Ppo} divides by it. */
    double slowValue = Double.NaN;

    public Apo(
            @Param(defaultValue = "12", min = 2, max = 100_000) int fastPeriod,
            @Param(defaultValue = "26", min = 2, max = 100_000) int slowPeriod,
            @Param(defaultValue = "sma", doc = "moving average type of both averages") MaType maType) {
        this.fast = new Ma(fastPeriod, maType);
        this.slow = new Ma(slowPeriod, maType);
    }

    public static int lookback(int slowPeriod, MaType maType) {
        return Ma.lookback(slowPeriod, maType);
    }

    /** {@code average}'s step, its SMA's directly where it is one (see {@link Ma#stepsSma()}). */
    private static double stepAverage(Ma average, double x) {
        return average.stepsSma() ? average.sma().step(x) : average.step(x);
    }

    @Step
    public double step(double x) {
        double f = stepAverage(fast, x);
        double s = stepAverage(slow, x);
        slowValue = s;
        return f - s;
    }
}
