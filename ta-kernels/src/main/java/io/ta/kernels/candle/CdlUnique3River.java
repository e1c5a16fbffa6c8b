package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Unique three river, as TA-Lib C 0.6 CDLUNIQUE3RIVER: a long black candle; a black harami-like candle (closing
 * above the first close, opening at or below its open) with a lower low; a short white candle opening above that
 * low. +100. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link
 * CandleSetting}). Lookback 12, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_unique3river",
        aliases = "unique_three_river",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Unique three river (bullish, 3 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLUNIQUE3RIVER (C 0.6)")
public final class CdlUnique3River {
    final CandleFrame f = new CandleFrame(3, CandleSetting.BODY_LONG, CandleSetting.BODY_SHORT);

    public static int lookback() {
        return 12;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.body(2) > f.bodyLong(2) && f.color(2) == -1 && f.color(1) == -1
                && f.close(1) > f.close(2) && f.open(1) <= f.open(2) && f.low(1) < f.low(2)
                && f.body(0) < f.bodyShort(0) && f.color(0) == 1 && f.open(0) > f.low(1) ? 100 : 0;
    }
}
