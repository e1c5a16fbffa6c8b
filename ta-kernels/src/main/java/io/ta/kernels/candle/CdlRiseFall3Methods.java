package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Rising/falling three methods, as TA-Lib C 0.6 CDLRISEFALL3METHODS: a long candle; three short candles of the
 * other colour drifting against it, each with part of its body inside the first candle's range; a long candle of
 * the first colour opening beyond the fourth close and closing beyond the first close. The sign is the first
 * candle's colour. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link
 * CandleSetting}). Lookback 14, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_risefall3methods",
        aliases = "rise_fall_three_methods",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Rising/falling three methods (5 candles): +100 rising, -100 falling, else 0.",
        reference = "TA-Lib CDLRISEFALL3METHODS (C 0.6)")
public final class CdlRiseFall3Methods {
    final CandleFrame f = new CandleFrame(5, CandleSetting.BODY_SHORT, CandleSetting.BODY_LONG);

    public static int lookback() {
        return 14;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        int c = f.color(4);
        return f.body(4) > f.bodyLong(4) && f.body(3) < f.bodyShort(3) && f.body(2) < f.bodyShort(2)
                && f.body(1) < f.bodyShort(1) && f.body(0) > f.bodyLong(0)
                && c == -f.color(3) && f.color(3) == f.color(2) && f.color(2) == f.color(1) && f.color(1) == -f.color(0)
                && f.bodyBottom(3) < f.high(4) && f.bodyTop(3) > f.low(4)
                && f.bodyBottom(2) < f.high(4) && f.bodyTop(2) > f.low(4)
                && f.bodyBottom(1) < f.high(4) && f.bodyTop(1) > f.low(4)
                && f.close(2) * c < f.close(3) * c && f.close(1) * c < f.close(2) * c
                && f.open(0) * c > f.close(1) * c && f.close(0) * c > f.close(4) * c ? 100 * c : 0;
    }
}
