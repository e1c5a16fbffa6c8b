package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Upside gap two crows, as TA-Lib C 0.6 CDLUPSIDEGAP2CROWS: a long white candle; a short black candle whose real
 * body gaps up; a black candle engulfing the second's body and closing above the first close. −100. "Long",
 * "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 12,
 * TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_upsidegap2crows",
        aliases = "upside_gap_two_crows",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Upside gap two crows (bearish, 3 candles): -100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLUPSIDEGAP2CROWS (C 0.6)")
public final class CdlUpsideGap2Crows {
    final CandleFrame f = new CandleFrame(3, CandleSetting.BODY_LONG, CandleSetting.BODY_SHORT);

    public static int lookback() {
        return 12;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(2) == 1 && f.body(2) > f.bodyLong(2)
                && f.color(1) == -1 && f.body(1) <= f.bodyShort(1) && f.bodyGapUp(1, 2)
                && f.color(0) == -1 && f.open(0) > f.open(1) && f.close(0) < f.close(1)
                && f.close(0) > f.close(2) ? -100 : 0;
    }
}
