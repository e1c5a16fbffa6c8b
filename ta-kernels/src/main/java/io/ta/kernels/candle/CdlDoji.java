package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Doji, as TA-Lib C 0.6 CDLDOJI: a real body no longer than BodyDoji. +100. "Long", "short", "doji", "near",
 * "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 10, TA-Lib's; NaN while a
 * candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_doji",
        aliases = "doji",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Doji (1 candle): 100 where open and close (almost) coincide, else 0.",
        reference = "TA-Lib CDLDOJI (C 0.6)")
public final class CdlDoji {
    final CandleFrame f = new CandleFrame(1, CandleSetting.BODY_DOJI);

    public static int lookback() {
        return 10;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.body(0) <= f.bodyDoji(0) ? 100 : 0;
    }
}
