package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Abandoned baby, as TA-Lib C 0.6 CDLABANDONEDBABY: a long candle; a doji whose whole range gaps away from it; a
 * candle that is not short, of the opposite colour, whose whole range gaps back and which closes more than {@code
 * penetration} of the first real body into it. The sign is the third candle's colour. "Long", "short", "doji",
 * "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 12, TA-Lib's; NaN while
 * a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_abandonedbaby",
        aliases = "abandoned_baby",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Abandoned baby (3 candles): +100 bullish, -100 bearish, else 0.",
        reference = "TA-Lib CDLABANDONEDBABY (C 0.6)")
public final class CdlAbandonedBaby {
    final CandleFrame f = new CandleFrame(3, CandleSetting.BODY_LONG, CandleSetting.BODY_DOJI, CandleSetting.BODY_SHORT);
    final double penetration;

    public CdlAbandonedBaby(
            @Param(defaultValue = "0.3", min = 0, doc = "How far into the first real body the third candle must close, as a fraction of that body.")
            double penetration) {
        this.penetration = penetration;
    }

    public static int lookback() {
        return 12;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f, penetration) : Double.NaN;
    }

    static double detect(CandleFrame f, double penetration) {
        return f.body(2) > f.bodyLong(2) && f.body(1) <= f.bodyDoji(1) && f.body(0) > f.bodyShort(0)
                && (f.color(2) == 1 && f.color(0) == -1 && f.close(0) < f.close(2) - f.body(2) * penetration
                                && f.gapUp(1, 2) && f.gapDown(0, 1)
                        || f.color(2) == -1 && f.color(0) == 1 && f.close(0) > f.close(2) + f.body(2) * penetration
                                && f.gapDown(1, 2) && f.gapUp(0, 1)) ? f.color(0) * 100 : 0;
    }
}
