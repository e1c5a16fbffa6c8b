package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.MaType;

/**
 * Stochastic RSI (T. Chande and S. Kroll, The New Technical Trader, 1994), as TA-Lib STOCHRSI: the {@link Stochf}
 * kernel run on the {@link Rsi} with high = low = close = rsi, so
 * {@code fastk = 100·(rsi − min rsi)/(max rsi − min rsi)} over fastk_period RSI values (0 when the range is within
 * the RSI's rounding, 1e-12 of it; exactly 0 or 100 when the RSI is within that of its low or high) and
 * {@code fastd} its moving average of type fastd_ma_type. TA-Lib computes it the same way (RSI into a buffer,
 * then STOCHF on it). Lookback {@code period + (fastk_period − 1) + lb(fastd_ma_type, fastd_period)}.
 *
 * <p>The stochastic starts at the RSI's first valid bar (docs/spec.md §1.2). Missing values: the RSI skips a missing
 * input (it outputs NaN there, §5.2), and that NaN RSI value then sits in the stochastic's window like any missing
 * value.
 */
@Chart(pane = Chart.Pane.OWN, guides = {20, 80}, min = 0, max = 100)
@Kernel(
        name = "stochrsi",
        family = Family.MOMENTUM,
        summary = "Stochastic RSI: the fast stochastic (fastk, fastd) of the RSI.",
        reference = "TA-Lib STOCHRSI (Chande & Kroll 1994)",
        scale = Scale.UNITLESS)
public final class StochRsi {
    final Rsi rsi;
    final Stochf stochastic;
    boolean started;

    @Output(doc = "fast %K of the RSI over fastk_period values")
    double fastk;

    @Output(doc = "the moving average of fastk over fastd_period values")
    double fastd;

    public StochRsi(
            @Param(defaultValue = "14", min = 2, max = 100_000, doc = "RSI period") int period,
            @Param(defaultValue = "5", min = 1, max = 100_000, doc = "RSI values in the high-low range") int fastkPeriod,
            @Param(defaultValue = "3", min = 1, max = 100_000, doc = "moving average period of fastd") int fastdPeriod,
            @Param(defaultValue = "sma", doc = "moving average type of fastd") MaType fastdMaType) {
        this.rsi = new Rsi(period);
        this.stochastic = new Stochf(fastkPeriod, fastdPeriod, fastdMaType);
    }

    public static int lookback(int period, int fastkPeriod, int fastdPeriod, MaType fastdMaType) {
        return Rsi.lookback(period) + Stochf.lookback(fastkPeriod, fastdPeriod, fastdMaType);
    }

    @Step
    public void step(double x) {
        double r = rsi.step(x);
        fastk = Double.NaN;
        fastd = Double.NaN;
        // The stochastic's windows start at the RSI's first valid bar (docs/spec.md §1.2 composition rule).
        if (!started) {
            if (r != r) {
                return;
            }
            started = true;
        }
        // An RSI flat to its last bit is flat: its rounding, 1e-14 of its range, is no move (Stochf#step).
        stochastic.stepWithin(r, r, r, true);
        fastk = stochastic.fastk;
        fastd = stochastic.fastd;
    }
}
