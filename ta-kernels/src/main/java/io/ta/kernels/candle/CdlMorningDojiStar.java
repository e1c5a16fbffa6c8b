package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Morning doji star, as TA-Lib C 0.6 CDLMORNINGDOJISTAR: a long black candle; a doji whose real body gaps down; a
 * white candle that is not short and closes more than {@code penetration} of the first real body above the first
 * close. +100. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link
 * CandleSetting}). Lookback 12, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_morningdojistar",
        aliases = "morning_doji_star",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Morning doji star (bullish, 3 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLMORNINGDOJISTAR (C 0.6)")
public final class CdlMorningDojiStar {
    final CandleFrame f = new CandleFrame(3, CandleSetting.BODY_LONG, CandleSetting.BODY_DOJI, CandleSetting.BODY_SHORT);
    final double penetration;

    public CdlMorningDojiStar(
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
        return MirroredPatterns.star(f, penetration, true, true);
    }
}
