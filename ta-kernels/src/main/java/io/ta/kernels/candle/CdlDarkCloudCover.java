package io.ta.kernels.candle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Dark cloud cover, as TA-Lib C 0.6 CDLDARKCLOUDCOVER: a long white candle; a black candle opening above its high
 * and closing inside its real body, more than {@code penetration} of it below its close. −100. "Long", "short",
 * "doji", "near", "equal" and "far" are TA-Lib's candle settings ({@link CandleSetting}). Lookback 11, TA-Lib's;
 * NaN while a candle it reads is missing.
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.MARKER, min = -100, max = 100)
@Kernel(
        name = "cdl_darkcloudcover",
        aliases = "dark_cloud_cover",
        family = Family.CANDLE,
        scale = Scale.UNITLESS,
        summary = "Dark cloud cover (bearish, 2 candles): -100 where the pattern completes, else 0.",
        reference = "TA-Lib CDLDARKCLOUDCOVER (C 0.6)")
public final class CdlDarkCloudCover {
    final CandleFrame f = new CandleFrame(2, CandleSetting.BODY_LONG);
    final double penetration;

    public CdlDarkCloudCover(
            @Param(defaultValue = "0.5", min = 0, doc = "How far into the white real body the black candle must close, as a fraction of that body.")
            double penetration) {
        this.penetration = penetration;
    }

    public static int lookback() {
        return 11;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        return f.push(open, high, low, close) > lookback() ? detect(f, penetration) : Double.NaN;
    }

    static double detect(CandleFrame f, double penetration) {
        return f.color(1) == 1 && f.body(1) > f.bodyLong(1)
                && f.color(0) == -1 && f.open(0) > f.high(1)
                && f.close(0) > f.open(1) && f.close(0) < f.close(1) - f.body(1) * penetration ? -100 : 0;
    }
}
