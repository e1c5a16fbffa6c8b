package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Ladder bottom, as TA-Lib C 0.6 CDLLADDERBOTTOM: three black candles with falling opens and closes; a fourth
 * black candle with an upper shadow (not very short); a white candle opening above the fourth's open and closing
 * above its high. +100. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link
 * CandleSetting}). Lookback 14, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_ladderbottom",
        aliases = "ladder_bottom",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Ladder bottom (bullish, 5 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLLADDERBOTTOM (C 0.6)")
public final class CdlLadderBottom {
    final CandleFrame f = new CandleFrame(5, CandleSetting.SHADOW_VERY_SHORT);

    public static int lookback() {
        return 14;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(4) == -1 && f.color(3) == -1 && f.color(2) == -1
                && f.open(4) > f.open(3) && f.open(3) > f.open(2)
                && f.close(4) > f.close(3) && f.close(3) > f.close(2)
                && f.color(1) == -1 && f.upperShadow(1) > f.shadowVeryShort(1)
                && f.color(0) == 1 && f.open(0) > f.open(1) && f.close(0) > f.high(1) ? 100 : 0;
    }
}
