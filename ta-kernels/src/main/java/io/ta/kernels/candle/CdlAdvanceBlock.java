package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Advance block, as TA-Lib C 0.6 CDLADVANCEBLOCK: three white candles with rising closes, each opening within or
 * near (Near) the previous real body, the first long with a short upper shadow, and the advance weakening: the
 * second far (Far) smaller than the first and the third not longer than the second, or the third far smaller than
 * the second, or shrinking bodies with a long-ish upper shadow on the second or third, or a smaller third body
 * with a long upper shadow. −100. "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings
 * ({@link CandleSetting}). Lookback 12, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_advanceblock",
        aliases = "advance_block",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Advance block (bearish, 3 candles): -100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLADVANCEBLOCK (C 0.6)")
public final class CdlAdvanceBlock {
    final CandleFrame f = new CandleFrame(3, CandleSetting.SHADOW_SHORT, CandleSetting.SHADOW_LONG, CandleSetting.NEAR, CandleSetting.FAR, CandleSetting.BODY_LONG);

    public static int lookback() {
        return 12;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(2) == 1 && f.color(1) == 1 && f.color(0) == 1
                && f.close(0) > f.close(1) && f.close(1) > f.close(2)
                && f.open(1) > f.open(2) && f.open(1) <= f.close(2) + f.near(2)
                && f.open(0) > f.open(1) && f.open(0) <= f.close(1) + f.near(1)
                && f.body(2) > f.bodyLong(2) && f.upperShadow(2) < f.shadowShort(2)
                && (f.body(1) < f.body(2) - f.far(2) && f.body(0) < f.body(1) + f.near(1)
                        || f.body(0) < f.body(1) - f.far(1)
                        || f.body(0) < f.body(1) && f.body(1) < f.body(2)
                                && (f.upperShadow(0) > f.shadowShort(0) || f.upperShadow(1) > f.shadowShort(1))
                        || f.body(0) < f.body(1) && f.upperShadow(0) > f.shadowLong(0)) ? -100 : 0;
    }
}
