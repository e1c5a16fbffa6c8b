package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Hanging man, as TA-Lib C 0.6 CDLHANGINGMAN: a small real body with a long lower shadow (longer than the body)
 * and a very short upper shadow, its body at or near (Near) the previous candle's high. −100. "Long", "short",
 * "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 11, TA-Lib's;
 * NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_hangingman",
        aliases = "hanging_man",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Hanging man (bearish, 1 candle in context): -100 where it appears, else 0.",
        reference = "TA-Lib CDLHANGINGMAN (C 0.6)")
public final class CdlHangingMan {
    final CandleFrame f = new CandleFrame(2, CandleSetting.BODY_SHORT, CandleSetting.SHADOW_LONG, CandleSetting.SHADOW_VERY_SHORT, CandleSetting.NEAR);

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return MirroredPatterns.hammer(f, false);
    }
}
