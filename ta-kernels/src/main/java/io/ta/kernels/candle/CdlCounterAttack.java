package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Counterattack lines, as TA-Lib C 0.6 CDLCOUNTERATTACK: two long candles of opposite colours closing at the same
 * price (within Equal of each other). The sign is the second candle's colour. "Long", "short", "doji", "near",
 * "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 11, TA-Lib's; NaN while a
 * candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_counterattack",
        aliases = "counterattack",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Counterattack lines (2 candles): +100 bullish, -100 bearish, else 0.",
        reference = "TA-Lib CDLCOUNTERATTACK (C 0.6)")
public final class CdlCounterAttack {
    final CandleFrame f = new CandleFrame(2, CandleSetting.EQUAL, CandleSetting.BODY_LONG);

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(1) == -f.color(0) && f.body(1) > f.bodyLong(1) && f.body(0) > f.bodyLong(0)
                && f.close(0) <= f.close(1) + f.equal(1) && f.close(0) >= f.close(1) - f.equal(1) ? f.color(0) * 100 : 0;
    }
}
