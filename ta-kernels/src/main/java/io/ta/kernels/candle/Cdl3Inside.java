package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Three inside up/down, as TA-Lib C 0.6 CDL3INSIDE: a long candle; a short candle whose real body lies strictly
 * inside the first (a harami); a third candle of the opposite colour to the first that closes beyond the first's
 * open. −100 after a white first candle, +100 after a black one. "Long", "short", "doji", "near", "equal" and
 * "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 12, TA-Lib's; NaN while a candle it reads
 * is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_3inside",
        aliases = "three_inside",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Three inside up/down (3 candles): +100 up, -100 down, else 0.",
        reference = "TA-Lib CDL3INSIDE (C 0.6)")
public final class Cdl3Inside {
    final CandleFrame f = new CandleFrame(3, CandleSetting.BODY_LONG, CandleSetting.BODY_SHORT);

    public static int lookback() {
        return 12;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.body(2) > f.bodyLong(2) && f.body(1) <= f.bodyShort(1)
                && f.bodyTop(1) < f.bodyTop(2) && f.bodyBottom(1) > f.bodyBottom(2)
                && (f.color(2) == 1 && f.color(0) == -1 && f.close(0) < f.open(2)
                        || f.color(2) == -1 && f.color(0) == 1 && f.close(0) > f.open(2)) ? -f.color(2) * 100 : 0;
    }
}
