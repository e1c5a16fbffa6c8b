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
import io.ta.spi.Checks;

/**
 * Percentage price oscillator, as TA-Lib PPO: {@code ((MA_fast − MA_slow)/MA_slow)·100} in TA-Lib's operation order,
 * over an {@link Apo}'s two {@link Ma}s of type ma_type (TA-Lib's default SMA); 0 when the slow average is ≈0
 * (docs/spec.md §5.1) — negligible next to the input ({@link Checks#negligible}), where TA-Lib's absolute
 * {@code |MA_slow| < 1e-8} zeroes the PPO of prices below 1e-8. Lookback {@code lb(ma_type, slow_period)}.
 *
 * <p>Alignment as {@link Apo}: TA-Lib's PPO runs both averages on the whole input, not as §3.1's aligned pair; TA-Lib
 * (normative, and the golden) is followed.
 *
 * <p>{@code fast_period < slow_period} is required (TA-Lib swaps them; §5.3 rejects). Missing values: each average
 * handles them as its type does (§5.2); the output is NaN where either is.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "ppo",
        family = Family.MOMENTUM,
        summary = "Percentage price oscillator: 100 * (fast MA - slow MA) / slow MA.",
        reference = "TA-Lib PPO",
        scale = Scale.UNITLESS)
@Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
public final class Ppo {
    /** fast − slow, TA-Lib's first operation; PPO scales it by the slow average. */
    final Apo difference;

    public Ppo(
            @Param(defaultValue = "12", min = 2, max = 100_000) int fastPeriod,
            @Param(defaultValue = "26", min = 2, max = 100_000) int slowPeriod,
            @Param(defaultValue = "sma", doc = "moving average type of both averages") MaType maType) {
        this.difference = new Apo(fastPeriod, slowPeriod, maType);
    }

    public static int lookback(int slowPeriod, MaType maType) {
        return Ma.lookback(slowPeriod, maType);
    }

    @Step
    public double step(double x) {
        double d = difference.step(x);
        double s = difference.slowValue;
        if (d != d) {
            return Double.NaN;
        }
        return Checks.negligible(s, x) ? 0.0 : (d / s) * 100.0;
    }
}
