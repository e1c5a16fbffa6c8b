package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Marubozu, as TA-Lib C 0.6 CDLMARUBOZU: a long real body with both shadows very short. The sign is its colour.
 * "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}).
 * Lookback 10, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_marubozu",
        aliases = "marubozu",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Marubozu (1 candle): +100 white, -100 black, else 0.",
        reference = "TA-Lib CDLMARUBOZU (C 0.6)")
public final class CdlMarubozu {
    final CandleFrame f = new CandleFrame(1, CandleSetting.BODY_LONG, CandleSetting.SHADOW_VERY_SHORT);

    public static int lookback() {
        return 10;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.body(0) > f.bodyLong(0) && f.upperShadow(0) < f.shadowVeryShort(0)
                && f.lowerShadow(0) < f.shadowVeryShort(0) ? f.color(0) * 100 : 0;
    }
}
