package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Three-line strike, as TA-Lib C 0.6 CDL3LINESTRIKE: three candles of one colour, each opening within or near
 * (Near) the previous real body and closing beyond the previous close; a fourth candle of the other colour that
 * opens beyond the third close and closes beyond the first open. The sign is the colour of the three (TA-Lib's
 * convention: +100 after three white candles). "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's
 * candle settings ({@link CandleSetting}). Lookback 8, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_3linestrike",
        aliases = "three_line_strike",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Three-line strike (4 candles): +100 after three white, -100 after three black, else 0.",
        reference = "TA-Lib CDL3LINESTRIKE (C 0.6)")
public final class Cdl3LineStrike {
    final CandleFrame f = new CandleFrame(4, CandleSetting.NEAR);

    public static int lookback() {
        return 8;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(3) == f.color(2) && f.color(2) == f.color(1) && f.color(0) == -f.color(1)
                && f.open(2) >= f.bodyBottom(3) - f.near(3) && f.open(2) <= f.bodyTop(3) + f.near(3)
                && f.open(1) >= f.bodyBottom(2) - f.near(2) && f.open(1) <= f.bodyTop(2) + f.near(2)
                && (f.color(1) == 1 && f.close(1) > f.close(2) && f.close(2) > f.close(3)
                                && f.open(0) > f.close(1) && f.close(0) < f.open(3)
                        || f.color(1) == -1 && f.close(1) < f.close(2) && f.close(2) < f.close(3)
                                && f.open(0) < f.close(1) && f.close(0) > f.open(3)) ? f.color(1) * 100 : 0;
    }
}
