package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.MedPrice;
import io.ta.kernels.volatility.Atr;

/**
 * SuperTrend (O. Seban), docs/spec.md §3.5: basic bands {@code m ± multiplier·atr} around {@code m = (H+L)/2}
 * ({@link MedPrice}, {@link Atr} with the catalog's TA-Lib seed). At the first ATR bar the final bands are the basic
 * ones, the trend is down (−1) and the line is the upper band. Afterwards the upper band only falls (it resets to
 * the basic band when that is lower or the previous close broke above it), the lower band only rises (mirror
 * rule); a close above the upper band turns the trend up (line = lower band), a close below the lower band turns it
 * down (line = upper band). The direction state decides which band is tested — laakhay compared the previous line
 * with the previous upper band, which is equivalent except when the two bands coincide. No TTR/Tulip equivalent.
 *
 * <p>Recursive: a bar whose ATR or previous close is missing outputs NaN and leaves the bands and the direction
 * unchanged (§5.2); the previous close is a one-bar window.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "supertrend",
        family = Family.TREND,
        summary = "SuperTrend: ATR bands around the median price that flip with the close; line and direction.",
        reference = "O. Seban (Super Trend)",
        scale = Scale.PRICE)
public final class Supertrend {
    final MedPrice median;
    final Atr atr;
    final double multiplier;
    double previousClose = Double.NaN;
    double finalUpper;
    double finalLower;
    double trend;
    boolean started;
    @Output(doc = "the trailing band in force")
    double supertrend;
    @Chart(pane = Chart.Pane.OWN, style = Chart.Style.STEP)
    @Output(doc = "+1 up-trend, -1 down-trend", scale = Scale.UNITLESS)
    double direction;

    public Supertrend(
            @Param(defaultValue = "10", min = 1, max = 100_000) int period,
            @Param(defaultValue = "3.0", min = 0, minExclusive = true, doc = "band width in ATRs") double multiplier) {
        this.median = new MedPrice();
        this.atr = new Atr(period);
        this.multiplier = multiplier;
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public void step(double high, double low, double close) {
        double c1 = previousClose;
        previousClose = close;
        double a = atr.step(high, low, close);
        double m = median.step(high, low);
        supertrend = Double.NaN;
        direction = Double.NaN;
        if (a != a || !Double.isFinite(m)) {
            return;
        }
        double basicUpper = m + multiplier * a;
        double basicLower = m - multiplier * a;
        if (!started) {
            started = true;
            finalUpper = basicUpper;
            finalLower = basicLower;
            trend = -1.0;
            supertrend = finalUpper;
            direction = trend;
            return;
        }
        if (!Double.isFinite(close) || !Double.isFinite(c1)) {
            return;
        }
        if (basicUpper < finalUpper || c1 > finalUpper) {
            finalUpper = basicUpper;
        }
        if (basicLower > finalLower || c1 < finalLower) {
            finalLower = basicLower;
        }
        if (trend < 0) {
            if (close > finalUpper) {
                trend = 1.0;
            }
        } else if (close < finalLower) {
            trend = -1.0;
        }
        supertrend = trend > 0 ? finalLower : finalUpper;
        direction = trend;
    }
}
