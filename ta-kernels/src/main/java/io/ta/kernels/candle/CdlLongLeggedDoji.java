package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Long-legged doji, as TA-Lib C 0.6 CDLLONGLEGGEDDOJI: a doji with at least one long shadow (longer than the
 * body). +100. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link
 * CandleSetting}). Lookback 10, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_longleggeddoji",
        aliases = "long_legged_doji",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Long-legged doji (1 candle): 100 where it appears, else 0.",
        reference = "TA-Lib CDLLONGLEGGEDDOJI (C 0.6)")
public final class CdlLongLeggedDoji {
    final CandleFrame f = new CandleFrame(1, CandleSetting.BODY_DOJI, CandleSetting.SHADOW_LONG);

    public static int lookback() {
        return 10;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.body(0) <= f.bodyDoji(0)
                && (f.lowerShadow(0) > f.shadowLong(0) || f.upperShadow(0) > f.shadowLong(0)) ? 100 : 0;
    }
}
