package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Identical three crows, as TA-Lib C 0.6 CDLIDENTICAL3CROWS: three black candles with very short lower shadows and
 * falling closes, the second and third opening at (Equal to) the previous close. −100. "Long", "short", "doji",
 * "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 12, TA-Lib's; NaN while
 * a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_identical3crows",
        aliases = "identical_three_crows",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Identical three crows (bearish, 3 candles): -100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLIDENTICAL3CROWS (C 0.6)")
public final class CdlIdentical3Crows {
    final CandleFrame f = new CandleFrame(3, CandleSetting.SHADOW_VERY_SHORT, CandleSetting.EQUAL);

    public static int lookback() {
        return 12;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(2) == -1 && f.lowerShadow(2) < f.shadowVeryShort(2)
                && f.color(1) == -1 && f.lowerShadow(1) < f.shadowVeryShort(1)
                && f.color(0) == -1 && f.lowerShadow(0) < f.shadowVeryShort(0)
                && f.close(2) > f.close(1) && f.close(1) > f.close(0)
                && f.open(1) <= f.close(2) + f.equal(2) && f.open(1) >= f.close(2) - f.equal(2)
                && f.open(0) <= f.close(1) + f.equal(1) && f.open(0) >= f.close(1) - f.equal(1) ? -100 : 0;
    }
}
