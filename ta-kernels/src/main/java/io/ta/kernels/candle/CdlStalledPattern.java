package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Stalled pattern, as TA-Lib C 0.6 CDLSTALLEDPATTERN: three white candles with rising closes: two long ones, the
 * second opening within or near (Near) the first body with a very short upper shadow; then a small one riding on
 * the second's shoulder (opening at or near its close, less the small body). −100. "Long", "short", "doji",
 * "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 12, TA-Lib's; NaN while
 * a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_stalledpattern",
        aliases = "stalled_pattern",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Stalled pattern (bearish, 3 candles): -100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLSTALLEDPATTERN (C 0.6)")
public final class CdlStalledPattern {
    final CandleFrame f = new CandleFrame(3, CandleSetting.BODY_LONG, CandleSetting.BODY_SHORT, CandleSetting.SHADOW_VERY_SHORT, CandleSetting.NEAR);

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
                && f.body(2) > f.bodyLong(2) && f.body(1) > f.bodyLong(1)
                && f.upperShadow(1) < f.shadowVeryShort(1)
                && f.open(1) > f.open(2) && f.open(1) <= f.close(2) + f.near(2)
                && f.body(0) < f.bodyShort(0)
                && f.open(0) >= f.close(1) - f.body(0) - f.near(1) ? -100 : 0;
    }
}
