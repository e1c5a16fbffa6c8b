package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Breakaway, as TA-Lib C 0.6 CDLBREAKAWAY: a long candle; a second of the same colour whose real body gaps away; a
 * third and fourth extending the move (each with a more extreme high and low); the fourth of the first colour; a
 * fifth of the opposite colour closing inside the gap between the first and second bodies. The sign is the fifth
 * candle's colour. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link
 * CandleSetting}). Lookback 14, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_breakaway",
        aliases = "breakaway",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Breakaway (5 candles): +100 bullish, -100 bearish, else 0.",
        reference = "TA-Lib CDLBREAKAWAY (C 0.6)")
public final class CdlBreakaway {
    final CandleFrame f = new CandleFrame(5, CandleSetting.BODY_LONG);

    public static int lookback() {
        return 14;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.body(4) > f.bodyLong(4)
                && f.color(4) == f.color(3) && f.color(3) == f.color(1) && f.color(1) == -f.color(0)
                && (f.color(4) == -1 && f.bodyGapDown(3, 4)
                                && f.high(2) < f.high(3) && f.low(2) < f.low(3)
                                && f.high(1) < f.high(2) && f.low(1) < f.low(2)
                                && f.close(0) > f.open(3) && f.close(0) < f.close(4)
                        || f.color(4) == 1 && f.bodyGapUp(3, 4)
                                && f.high(2) > f.high(3) && f.low(2) > f.low(3)
                                && f.high(1) > f.high(2) && f.low(1) > f.low(2)
                                && f.close(0) < f.open(3) && f.close(0) > f.close(4)) ? f.color(0) * 100 : 0;
    }
}
