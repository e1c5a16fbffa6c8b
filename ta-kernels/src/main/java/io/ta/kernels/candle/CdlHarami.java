package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Harami, as TA-Lib C 0.6 CDLHARAMI: a long candle, then a short candle whose real body lies inside the first.
 * ±100 when strictly inside; ±80 when one end of the two bodies matches (TA-Lib 0.6; the 0.4 Java port returns 0
 * there). −100 after a white candle, +100 after a black one. "Long", "short", "doji", "near", "equal" and "far"
 * are TA-Lib's candle settings ({@link CandleSetting}). Lookback 11, TA-Lib's; NaN while a candle it reads is
 * missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_harami",
        aliases = "harami",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Harami (2 candles): +100/-100, or +80/-80 when one end of the bodies is equal, else 0.",
        reference = "TA-Lib CDLHARAMI (C 0.6)")
public final class CdlHarami {
    final CandleFrame f = new CandleFrame(2, CandleSetting.BODY_LONG, CandleSetting.BODY_SHORT);

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return MirroredPatterns.harami(f, false);
    }
}
