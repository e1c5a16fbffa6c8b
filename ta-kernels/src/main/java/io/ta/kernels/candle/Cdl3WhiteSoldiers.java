package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Three advancing white soldiers, as TA-Lib C 0.6 CDL3WHITESOLDIERS: three white candles with very short upper
 * shadows and rising closes, each opening above the previous open and within or near (Near) the previous real
 * body, none far (Far) shorter than the one before, the last not short. +100. "Long", "short", "doji", "near",
 * "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 12, TA-Lib's; NaN while a
 * candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_3whitesoldiers",
        aliases = "three_white_soldiers",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Three advancing white soldiers (bullish, 3 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDL3WHITESOLDIERS (C 0.6)")
public final class Cdl3WhiteSoldiers {
    final CandleFrame f = new CandleFrame(3, CandleSetting.SHADOW_VERY_SHORT, CandleSetting.NEAR, CandleSetting.FAR, CandleSetting.BODY_SHORT);

    public static int lookback() {
        return 12;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(2) == 1 && f.upperShadow(2) < f.shadowVeryShort(2)
                && f.color(1) == 1 && f.upperShadow(1) < f.shadowVeryShort(1)
                && f.color(0) == 1 && f.upperShadow(0) < f.shadowVeryShort(0)
                && f.close(0) > f.close(1) && f.close(1) > f.close(2)
                && f.open(1) > f.open(2) && f.open(1) <= f.close(2) + f.near(2)
                && f.open(0) > f.open(1) && f.open(0) <= f.close(1) + f.near(1)
                && f.body(1) > f.body(2) - f.far(2)
                && f.body(0) > f.body(1) - f.far(1)
                && f.body(0) > f.bodyShort(0) ? 100 : 0;
    }
}
