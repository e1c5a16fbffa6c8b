package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Engulfing, as TA-Lib C 0.6 CDLENGULFING: a real body that engulfs the previous, opposite-coloured one. ±100 when
 * it engulfs strictly at both ends; ±80 when it engulfs at one end and matches the other (TA-Lib 0.6; the 0.4 Java
 * port returns 0 there). The sign is the second candle's colour. Lookback 2, TA-Lib's; NaN while a
 * candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_engulfing",
        aliases = "engulfing",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Engulfing (2 candles): +100/-100 bullish/bearish, +80/-80 when one end of the bodies is equal, else 0.",
        reference = "TA-Lib CDLENGULFING (C 0.6)")
public final class CdlEngulfing {
    final CandleFrame f = new CandleFrame(2);

    public static int lookback() {
        return 2;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        if (f.color(0) == 1 && f.color(1) == -1
                        && (f.close(0) >= f.open(1) && f.open(0) < f.close(1) || f.close(0) > f.open(1) && f.open(0) <= f.close(1))
                || f.color(0) == -1 && f.color(1) == 1
                        && (f.open(0) >= f.close(1) && f.close(0) < f.open(1) || f.open(0) > f.close(1) && f.close(0) <= f.open(1))) {
            return f.open(0) != f.close(1) && f.close(0) != f.open(1) ? f.color(0) * 100 : f.color(0) * 80;
        }
        return 0;
    }
}
