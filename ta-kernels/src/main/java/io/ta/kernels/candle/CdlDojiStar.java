package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Doji star, as TA-Lib C 0.6 CDLDOJISTAR: a long candle, then a doji whose real body gaps away in the first
 * candle's direction. −100 after a white candle, +100 after a black one. "Long", "short", "doji", "near", "equal"
 * and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 11, TA-Lib's; NaN while a candle it
 * reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_dojistar",
        aliases = "doji_star",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Doji star (2 candles): +100 after a long black candle, -100 after a long white one, else 0.",
        reference = "TA-Lib CDLDOJISTAR (C 0.6)")
public final class CdlDojiStar {
    final CandleFrame f = new CandleFrame(2, CandleSetting.BODY_LONG, CandleSetting.BODY_DOJI);

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.body(1) > f.bodyLong(1) && f.body(0) <= f.bodyDoji(0)
                && (f.color(1) == 1 && f.bodyGapUp(0, 1) || f.color(1) == -1 && f.bodyGapDown(0, 1)) ? -f.color(1) * 100 : 0;
    }
}
