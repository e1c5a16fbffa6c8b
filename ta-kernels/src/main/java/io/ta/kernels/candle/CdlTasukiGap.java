package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Tasuki gap, as TA-Lib C 0.6 CDLTASUKIGAP: a real-body gap in the trend's direction, a candle of the trend's
 * colour, then an opposite candle of about the same size (Near) that opens inside the second body and closes
 * inside the gap without filling it. The sign is the second candle's colour. "Long", "short", "doji", "near",
 * "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 7, TA-Lib's; NaN while a candle
 * it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_tasukigap",
        aliases = "tasuki_gap",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Tasuki gap (3 candles): +100 upside, -100 downside, else 0.",
        reference = "TA-Lib CDLTASUKIGAP (C 0.6)")
public final class CdlTasukiGap {
    final CandleFrame f = new CandleFrame(3, CandleSetting.NEAR);

    public static int lookback() {
        return 7;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.bodyGapUp(1, 2) && f.color(1) == 1 && f.color(0) == -1
                        && f.open(0) < f.close(1) && f.open(0) > f.open(1)
                        && f.close(0) < f.open(1) && f.close(0) > f.bodyTop(2)
                        && Math.abs(f.body(1) - f.body(0)) < f.near(1)
                || f.bodyGapDown(1, 2) && f.color(1) == -1 && f.color(0) == 1
                        && f.open(0) < f.open(1) && f.open(0) > f.close(1)
                        && f.close(0) > f.open(1) && f.close(0) < f.bodyBottom(2)
                        && Math.abs(f.body(1) - f.body(0)) < f.near(1) ? f.color(1) * 100 : 0;
    }
}
