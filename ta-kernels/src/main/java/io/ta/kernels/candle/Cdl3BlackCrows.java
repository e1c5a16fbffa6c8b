package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Three black crows, as TA-Lib C 0.6 CDL3BLACKCROWS: after a white candle, three black candles with very short
 * lower shadows, each opening inside the previous real body and closing lower, the first closing under the white
 * candle's high. −100. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link
 * CandleSetting}). Lookback 13, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_3blackcrows",
        aliases = "three_black_crows",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Three black crows (bearish, 4 candles): -100 where the pattern completes, else 0.",
        reference = "TA-Lib CDL3BLACKCROWS (C 0.6)")
public final class Cdl3BlackCrows {
    final CandleFrame f = new CandleFrame(4, CandleSetting.SHADOW_VERY_SHORT);

    public static int lookback() {
        return 13;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(3) == 1
                && f.color(2) == -1 && f.lowerShadow(2) < f.shadowVeryShort(2)
                && f.color(1) == -1 && f.lowerShadow(1) < f.shadowVeryShort(1)
                && f.color(0) == -1 && f.lowerShadow(0) < f.shadowVeryShort(0)
                && f.open(1) < f.open(2) && f.open(1) > f.close(2)
                && f.open(0) < f.open(1) && f.open(0) > f.close(1)
                && f.high(3) > f.close(2) && f.close(2) > f.close(1) && f.close(1) > f.close(0) ? -100 : 0;
    }
}
