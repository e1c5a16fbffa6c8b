package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Tristar, as TA-Lib C 0.6 CDLTRISTAR: three dojis (all judged by the first doji's threshold, as TA-Lib does), the
 * second gapping away: −100 when it gaps up and the third's body top is lower than the second's, +100 when it gaps
 * down and the third's body bottom is higher. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's
 * candle settings ({@link CandleSetting}). Lookback 12, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_tristar",
        aliases = "tristar",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Tristar (3 candles): +100 bullish, -100 bearish, else 0.",
        reference = "TA-Lib CDLTRISTAR (C 0.6)")
public final class CdlTristar {
    final CandleFrame f = new CandleFrame(3, CandleSetting.BODY_DOJI);

    public static int lookback() {
        return 12;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        double doji = f.bodyDoji(2);
        if (f.body(2) <= doji && f.body(1) <= doji && f.body(0) <= doji) {
            if (f.bodyGapDown(1, 2) && f.bodyBottom(0) > f.bodyBottom(1)) {
                return 100;
            }
            if (f.bodyGapUp(1, 2) && f.bodyTop(0) < f.bodyTop(1)) {
                return -100;
            }
        }
        return 0;
    }
}
