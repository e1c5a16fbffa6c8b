package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Shooting star, as TA-Lib C 0.6 CDLSHOOTINGSTAR: a small real body with a long upper shadow (longer than the
 * body) and a very short lower shadow, gapping up from the previous real body. −100. "Long", "short", "doji",
 * "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 11, TA-Lib's; NaN while
 * a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_shootingstar",
        aliases = "shooting_star",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Shooting star (bearish, 2 candles): -100 where it appears, else 0.",
        reference = "TA-Lib CDLSHOOTINGSTAR (C 0.6)")
public final class CdlShootingStar {
    final CandleFrame f = new CandleFrame(2, CandleSetting.BODY_SHORT, CandleSetting.SHADOW_LONG, CandleSetting.SHADOW_VERY_SHORT);

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return MirroredPatterns.invertedHammer(f, false);
    }
}
