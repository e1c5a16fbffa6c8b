package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Thrusting, as TA-Lib C 0.6 CDLTHRUSTING: a long black candle; a white candle opening below its low and closing
 * into its body, above the close by more than Equal but not above the body's midpoint. −100. "Long", "short",
 * "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 11, TA-Lib's;
 * NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_thrusting",
        aliases = "thrusting",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Thrusting (bearish, 2 candles): -100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLTHRUSTING (C 0.6)")
public final class CdlThrusting {
    final CandleFrame f = new CandleFrame(2, CandleSetting.EQUAL, CandleSetting.BODY_LONG);

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(1) == -1 && f.body(1) > f.bodyLong(1) && f.color(0) == 1 && f.open(0) < f.low(1)
                && f.close(0) > f.close(1) + f.equal(1) && f.close(0) <= f.close(1) + f.body(1) * 0.5 ? -100 : 0;
    }
}
