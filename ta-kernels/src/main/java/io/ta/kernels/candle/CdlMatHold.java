package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Mat hold, as TA-Lib C 0.6 CDLMATHOLD: a long white candle; a short black candle whose real body gaps up; two
 * more short candles falling back into (but not more than {@code penetration} of) the first real body; a white
 * candle opening above the fourth close and closing above the highs of the three small candles. +100. "Long",
 * "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 14,
 * TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_mathold",
        aliases = "mat_hold",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Mat hold (bullish, 5 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLMATHOLD (C 0.6)")
public final class CdlMatHold {
    final CandleFrame f = new CandleFrame(5, CandleSetting.BODY_SHORT, CandleSetting.BODY_LONG);
    final double penetration;

    public CdlMatHold(
            @Param(defaultValue = "0.5", min = 0, doc = "How far into the first real body the reaction candles may fall, as a fraction of that body.")
            double penetration) {
        this.penetration = penetration;
    }

    public static int lookback() {
        return 14;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f, penetration) : Double.NaN;
    }

    static double detect(CandleFrame f, double penetration) {
        return f.body(4) > f.bodyLong(4) && f.body(3) < f.bodyShort(3) && f.body(2) < f.bodyShort(2)
                && f.body(1) < f.bodyShort(1)
                && f.color(4) == 1 && f.color(3) == -1 && f.color(0) == 1
                && f.bodyGapUp(3, 4)
                && f.bodyBottom(2) < f.close(4) && f.bodyBottom(1) < f.close(4)
                && f.bodyBottom(2) > f.close(4) - f.body(4) * penetration
                && f.bodyBottom(1) > f.close(4) - f.body(4) * penetration
                && f.bodyTop(2) < f.open(3) && f.bodyTop(1) < f.bodyTop(2)
                && f.open(0) > f.close(1) && f.close(0) > Math.max(Math.max(f.high(3), f.high(2)), f.high(1)) ? 100 : 0;
    }
}
