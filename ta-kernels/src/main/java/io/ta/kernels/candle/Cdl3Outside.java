package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Three outside up/down, as TA-Lib C 0.6 CDL3OUTSIDE: a candle engulfed by the next, opposite-coloured real body,
 * then a third candle closing beyond the second close in the second's direction. The sign is the second candle's
 * colour. Lookback 3 as TA-Lib's (the pattern reads three candles). Lookback 3, TA-Lib's; NaN while a candle it
 * reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_3outside",
        aliases = "three_outside",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Three outside up/down (3 candles): +100 up, -100 down, else 0.",
        reference = "TA-Lib CDL3OUTSIDE (C 0.6)")
public final class Cdl3Outside {
    final CandleFrame f = new CandleFrame(3);

    public static int lookback() {
        return 3;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(1) == 1 && f.color(2) == -1 && f.close(1) > f.open(2) && f.open(1) < f.close(2) && f.close(0) > f.close(1)
                || f.color(1) == -1 && f.color(2) == 1 && f.open(1) > f.close(2) && f.close(1) < f.open(2)
                        && f.close(0) < f.close(1) ? f.color(1) * 100 : 0;
    }
}
