package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Up/down-gap side-by-side white lines, as TA-Lib C 0.6 CDLGAPSIDESIDEWHITE: two white candles of about the same
 * size (Near) opening at about the same price (Equal), both real bodies gapping away from the candle before them.
 * +100 for an upside gap, −100 for a downside gap. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's
 * candle settings ({@link CandleSetting}). Lookback 7, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_gapsidesidewhite",
        aliases = "side_by_side_white",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Up/down-gap side-by-side white lines (3 candles): +100 after an up gap, -100 after a down gap, else 0.",
        reference = "TA-Lib CDLGAPSIDESIDEWHITE (C 0.6)")
public final class CdlGapSideSideWhite {
    final CandleFrame f = new CandleFrame(3, CandleSetting.NEAR, CandleSetting.EQUAL);

    public static int lookback() {
        return 7;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return (f.bodyGapUp(1, 2) && f.bodyGapUp(0, 2) || f.bodyGapDown(1, 2) && f.bodyGapDown(0, 2))
                && f.color(1) == 1 && f.color(0) == 1
                && f.body(0) >= f.body(1) - f.near(1) && f.body(0) <= f.body(1) + f.near(1)
                && f.open(0) >= f.open(1) - f.equal(1) && f.open(0) <= f.open(1) + f.equal(1)
                ? (f.bodyGapUp(1, 2) ? 100 : -100) : 0;
    }
}
