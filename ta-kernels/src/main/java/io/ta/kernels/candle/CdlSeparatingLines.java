package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Separating lines, as TA-Lib C 0.6 CDLSEPARATINGLINES: two candles of opposite colours opening at the same price
 * (within Equal), the second a belt hold: long, with a very short shadow on its opening side. The sign is the
 * second candle's colour. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link
 * CandleSetting}). Lookback 11, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_separatinglines",
        aliases = "separating_lines",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Separating lines (2 candles): +100 bullish, -100 bearish, else 0.",
        reference = "TA-Lib CDLSEPARATINGLINES (C 0.6)")
public final class CdlSeparatingLines {
    final CandleFrame f = new CandleFrame(2, CandleSetting.SHADOW_VERY_SHORT, CandleSetting.BODY_LONG, CandleSetting.EQUAL);

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(1) == -f.color(0)
                && f.open(0) <= f.open(1) + f.equal(1) && f.open(0) >= f.open(1) - f.equal(1)
                && f.body(0) > f.bodyLong(0)
                && (f.color(0) == 1 && f.lowerShadow(0) < f.shadowVeryShort(0)
                        || f.color(0) == -1 && f.upperShadow(0) < f.shadowVeryShort(0)) ? f.color(0) * 100 : 0;
    }
}
