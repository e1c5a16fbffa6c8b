package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * High-wave candle, as TA-Lib C 0.6 CDLHIGHWAVE: a short real body with both shadows very long (each longer than
 * twice the body). The sign is its colour. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle
 * settings ({@link CandleSetting}). Lookback 10, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_highwave",
        aliases = "high_wave",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "High-wave candle (1 candle): +100 white, -100 black, else 0.",
        reference = "TA-Lib CDLHIGHWAVE (C 0.6)")
public final class CdlHighWave {
    final CandleFrame f = new CandleFrame(1, CandleSetting.BODY_SHORT, CandleSetting.SHADOW_VERY_LONG);

    public static int lookback() {
        return 10;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.body(0) < f.bodyShort(0) && f.upperShadow(0) > f.shadowVeryLong(0)
                && f.lowerShadow(0) > f.shadowVeryLong(0) ? f.color(0) * 100 : 0;
    }
}
