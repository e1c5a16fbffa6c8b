package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Homing pigeon, as TA-Lib C 0.6 CDLHOMINGPIGEON: a long black candle, then a short black candle whose real body
 * lies inside the first's. +100. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings
 * ({@link CandleSetting}). Lookback 11, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_homingpigeon",
        aliases = "homing_pigeon",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Homing pigeon (bullish, 2 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLHOMINGPIGEON (C 0.6)")
public final class CdlHomingPigeon {
    final CandleFrame f = new CandleFrame(2, CandleSetting.BODY_LONG, CandleSetting.BODY_SHORT);

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(1) == -1 && f.color(0) == -1 && f.body(1) > f.bodyLong(1) && f.body(0) <= f.bodyShort(0)
                && f.open(0) < f.open(1) && f.close(0) > f.close(1) ? 100 : 0;
    }
}
