package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Stick sandwich, as TA-Lib C 0.6 CDLSTICKSANDWICH: a black candle, a white candle trading above its close (low
 * above it), and a black candle closing at the first close (within Equal). +100. "Long", "short", "doji", "near",
 * "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 7, TA-Lib's; NaN while a candle
 * it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_sticksandwich",
        aliases = "stick_sandwich",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Stick sandwich (bullish, 3 candles): +100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLSTICKSANDWICH (C 0.6)")
public final class CdlStickSandwich {
    final CandleFrame f = new CandleFrame(3, CandleSetting.EQUAL);

    public static int lookback() {
        return 7;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f) : Double.NaN;
    }

    static double detect(CandleFrame f) {
        return f.color(2) == -1 && f.color(1) == 1 && f.color(0) == -1 && f.low(1) > f.close(2)
                && f.close(0) <= f.close(2) + f.equal(2) && f.close(0) >= f.close(2) - f.equal(2) ? 100 : 0;
    }
}
