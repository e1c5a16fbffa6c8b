package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Kicking, signed by the longer marubozu, as TA-Lib C 0.6 CDLKICKINGBYLENGTH: the kicking pattern ({@link
 * CdlKicking}); the sign is the colour of the longer of the two marubozu (the first on a tie). "Long", "short",
 * "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 11, TA-Lib's;
 * NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_kickingbylength",
        aliases = "kicking_by_length",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Kicking, signed by the longer marubozu (2 candles): +100 bullish, -100 bearish, else 0.",
        reference = "TA-Lib CDLKICKINGBYLENGTH (C 0.6)")
public final class CdlKickingByLength {
    final CandleFrame f = new CandleFrame(2, CandleSetting.SHADOW_VERY_SHORT, CandleSetting.BODY_LONG);

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(1) == -f.color(0)
                && f.body(1) > f.bodyLong(1) && f.upperShadow(1) < f.shadowVeryShort(1)
                && f.lowerShadow(1) < f.shadowVeryShort(1)
                && f.body(0) > f.bodyLong(0) && f.upperShadow(0) < f.shadowVeryShort(0)
                && f.lowerShadow(0) < f.shadowVeryShort(0)
                && (f.color(1) == -1 && f.gapUp(0, 1) || f.color(1) == 1 && f.gapDown(0, 1))
                ? f.color(f.body(0) > f.body(1) ? 0 : 1) * 100 : 0;
    }
}
