package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Concealing baby swallow, as TA-Lib C 0.6 CDLCONCEALBABYSWALL: two black marubozu (very short shadows); a black
 * candle whose real body gaps down but whose upper shadow reaches into the second body; a black candle engulfing
 * the third, shadows included. +100. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle
 * settings ({@link CandleSetting}). Lookback 13, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_concealbabyswall",
        aliases = "concealing_baby_swallow",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Concealing baby swallow (bullish, 4 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLCONCEALBABYSWALL (C 0.6)")
public final class CdlConcealBabysWall {
    final CandleFrame f = new CandleFrame(4, CandleSetting.SHADOW_VERY_SHORT);

    public static int lookback() {
        return 13;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(3) == -1 && f.color(2) == -1 && f.color(1) == -1 && f.color(0) == -1
                && f.lowerShadow(3) < f.shadowVeryShort(3) && f.upperShadow(3) < f.shadowVeryShort(3)
                && f.lowerShadow(2) < f.shadowVeryShort(2) && f.upperShadow(2) < f.shadowVeryShort(2)
                && f.bodyGapDown(1, 2) && f.upperShadow(1) > f.shadowVeryShort(1) && f.high(1) > f.close(2)
                && f.high(0) > f.high(1) && f.low(0) < f.low(1) ? 100 : 0;
    }
}
