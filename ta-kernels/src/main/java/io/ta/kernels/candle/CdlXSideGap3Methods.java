package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Upside/downside gap three methods, as TA-Lib C 0.6 CDLXSIDEGAP3METHODS: two candles of one colour with a
 * real-body gap between them, then a candle of the other colour opening inside the second body and closing inside
 * the first, filling the gap. The sign is the first candle's colour. Lookback 2, TA-Lib's; NaN
 * while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_xsidegap3methods",
        aliases = "gap_three_methods",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Upside/downside gap three methods (3 candles): +100 upside, -100 downside, else 0.",
        reference = "TA-Lib CDLXSIDEGAP3METHODS (C 0.6)")
public final class CdlXSideGap3Methods {
    final CandleFrame f = new CandleFrame(3);

    public static int lookback() {
        return 2;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(2) == f.color(1) && f.color(1) == -f.color(0)
                && f.open(0) < f.bodyTop(1) && f.open(0) > f.bodyBottom(1)
                && f.close(0) < f.bodyTop(2) && f.close(0) > f.bodyBottom(2)
                && (f.color(2) == 1 && f.bodyGapUp(1, 2) || f.color(2) == -1 && f.bodyGapDown(1, 2)) ? f.color(2) * 100 : 0;
    }
}
