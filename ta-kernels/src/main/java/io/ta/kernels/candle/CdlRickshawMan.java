package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Rickshaw man, as TA-Lib C 0.6 CDLRICKSHAWMAN: a doji with two long shadows whose body is near (Near) the middle
 * of the high-low range. +100. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings
 * ({@link CandleSetting}). Lookback 10, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_rickshawman",
        aliases = "rickshaw_man",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Rickshaw man (1 candle): 100 where it appears, else 0.",
        reference = "TA-Lib CDLRICKSHAWMAN (C 0.6)")
public final class CdlRickshawMan {
    final CandleFrame f = new CandleFrame(1, CandleSetting.BODY_DOJI, CandleSetting.SHADOW_LONG, CandleSetting.NEAR);

    public static int lookback() {
        return 10;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.body(0) <= f.bodyDoji(0) && f.lowerShadow(0) > f.shadowLong(0) && f.upperShadow(0) > f.shadowLong(0)
                && f.bodyBottom(0) <= f.low(0) + f.range(0) / 2 + f.near(0)
                && f.bodyTop(0) >= f.low(0) + f.range(0) / 2 - f.near(0) ? 100 : 0;
    }
}
