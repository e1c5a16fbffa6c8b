package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Three stars in the south, as TA-Lib C 0.6 CDL3STARSINSOUTH: three black candles: a long one with a long lower
 * shadow; a smaller one opening above the first close (within its range) and trading below that close but not
 * below its low, with a lower shadow; a small marubozu inside the second candle's range. +100. "Long", "short",
 * "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 12, TA-Lib's;
 * NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_3starsinsouth",
        aliases = "three_stars_in_south",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Three stars in the south (bullish, 3 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDL3STARSINSOUTH (C 0.6)")
public final class Cdl3StarsInSouth {
    final CandleFrame f = new CandleFrame(3, CandleSetting.BODY_LONG, CandleSetting.SHADOW_LONG, CandleSetting.SHADOW_VERY_SHORT, CandleSetting.BODY_SHORT);

    public static int lookback() {
        return 12;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(2) == -1 && f.color(1) == -1 && f.color(0) == -1
                && f.body(2) > f.bodyLong(2) && f.lowerShadow(2) > f.shadowLong(2)
                && f.body(1) < f.body(2) && f.open(1) > f.close(2) && f.open(1) <= f.high(2)
                && f.low(1) < f.close(2) && f.low(1) >= f.low(2) && f.lowerShadow(1) > f.shadowVeryShort(1)
                && f.body(0) < f.bodyShort(0) && f.lowerShadow(0) < f.shadowVeryShort(0)
                && f.upperShadow(0) < f.shadowVeryShort(0)
                && f.low(0) > f.low(1) && f.high(0) < f.high(1) ? 100 : 0;
    }
}
