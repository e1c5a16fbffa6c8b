package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Matching low, as TA-Lib C 0.6 CDLMATCHINGLOW: two black candles closing at the same price (within Equal). +100.
 * "Long", "short", "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}).
 * Lookback 6, TA-Lib's; NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_matchinglow",
        aliases = "matching_low",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Matching low (bullish, 2 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLMATCHINGLOW (C 0.6)")
public final class CdlMatchingLow {
    final CandleFrame f = new CandleFrame(2, CandleSetting.EQUAL);

    public static int lookback() {
        return 6;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(1) == -1 && f.color(0) == -1
                && f.close(0) <= f.close(1) + f.equal(1) && f.close(0) >= f.close(1) - f.equal(1) ? 100 : 0;
    }
}
