package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ma;
import io.ta.kernels.ma.MaType;

/**
 * MACD with selectable moving averages, as TA-Lib MACDEXT: {@code macd = MA_fast − MA_slow},
 * {@code signal = MA_signal(macd)}, {@code histogram = macd − signal}, each average a {@link Ma} of its own type
 * (TA-Lib's defaults: SMA for all three). It is {@link Macd}'s aligned pair ({@link Macd#extended}, docs/spec.md §3.1)
 * with TA-Lib's MACDEXT alignment: both averages first output at {@code max(lb fast, lb slow)}, the one with the
 * smaller lookback starting on the input suffix that TA-Lib's MA gives it (for an EMA, the seed is the mean of the
 * fast_period values ending there; for SMA-like windows the start fixes the running sum's rounding, as TA-Lib's).
 * With EMA types this equals {@code macd} exactly, as TA-Lib's MACDEXT equals MACD. Lookback
 * {@code max(lb(fast_ma_type, fast_period), lb(slow_ma_type, slow_period)) + lb(signal_ma_type, signal_period)}.
 *
 * <p>{@code fast_period < slow_period} is required, as for {@code macd}, {@code apo} and {@code ppo} (TA-Lib swaps
 * the periods and their types; §5.3 rejects). The lookbacks need not follow the periods: a fast T3 can start later
 * than a slow SMA, and then the slow average is the one that waits. Missing values as {@link Macd}.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "macdext",
        family = Family.MOMENTUM,
        summary = "MACD with selectable moving-average types for the fast, slow and signal lines.",
        reference = "TA-Lib MACDEXT",
        scale = Scale.PRICE)
@Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
public final class MacdExt {
    final Macd line;

    @Output(doc = "fast average minus slow average")
    double macd;

    @Output(doc = "moving average of the macd line over signal_period")
    double signal;

    @Chart(style = Chart.Style.HISTOGRAM)
    @Output(doc = "macd minus signal")
    double histogram;

    public MacdExt(
            @Param(defaultValue = "12", min = 2, max = 100_000) int fastPeriod,
            @Param(defaultValue = "26", min = 2, max = 100_000) int slowPeriod,
            @Param(defaultValue = "9", min = 1, max = 100_000) int signalPeriod,
            @Param(defaultValue = "sma", doc = "moving average type of the fast line") MaType fastMaType,
            @Param(defaultValue = "sma", doc = "moving average type of the slow line") MaType slowMaType,
            @Param(defaultValue = "sma", doc = "moving average type of the signal line") MaType signalMaType) {
        this.line = Macd.extended(fastPeriod, slowPeriod, signalPeriod, fastMaType, slowMaType, signalMaType);
    }

    public static int lookback(
            int fastPeriod, int slowPeriod, int signalPeriod, MaType fastMaType, MaType slowMaType, MaType signalMaType) {
        return Math.max(Ma.lookback(fastPeriod, fastMaType), Ma.lookback(slowPeriod, slowMaType))
                + Ma.lookback(signalPeriod, signalMaType);
    }

    @Step
    public void step(double x) {
        line.step(x);
        macd = line.macd;
        signal = line.signal;
        histogram = line.histogram;
    }
}
