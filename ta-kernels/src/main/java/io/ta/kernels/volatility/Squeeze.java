package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.price.TrueRange;
import io.ta.kernels.stats.LinearReg;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingMin;
import io.ta.spi.Means;

/**
 * TTM Squeeze (J. Carter, "Mastering the Trade", 2005/2012, ch. 11): the squeeze is {@code on} (1) while the Bollinger
 * bands lie inside the Keltner channel — volatility has contracted — and off (0) otherwise; {@code momentum} says which
 * way the release is likely to go. Carter's setting, as in the TradeStation/thinkorswim study and its open
 * reproductions: Bollinger bands of period and {@code bb_mult} population deviations ({@link Bbands}), a Keltner
 * channel of {@code kc_mult} times the simple average of the {@link TrueRange} around the same simple average of the
 * close, both over {@code period} (20, 2.0, 1.5); on when {@code bb_lower > kc_lower} and {@code bb_upper < kc_upper}.
 * The momentum is the linear-regression value ({@link LinearReg}, at the newest bar) over {@code period} bars of the
 * close's distance from the midpoint of the Donchian mid-line and the average:
 * {@code close − ((HH + LL)/2 + SMA(close))/2}, with HH and LL the {@code period}-bar high and low.
 *
 * <p>Lookback {@code 2(period − 1)} for both outputs: the regression starts at the first distance (docs/spec.md §1.2);
 * the channel's average true range, first valid at {@code period}, is ready by then. Missing values make the outputs NaN
 * while they are inside any window, then they are exact again (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "squeeze",
        aliases = "ttm_squeeze",
        family = Family.VOLATILITY,
        summary = "TTM Squeeze: 1 while Bollinger bands are inside the Keltner channel, and its linear-regression momentum.",
        reference = "J. Carter, Mastering the Trade (2005), ch. 11 (TTM Squeeze)",
        scale = Scale.PRICE)
public final class Squeeze {
    final Bbands bands;
    final TrueRange trueRange;
    final Sma averageRange;
    final double kcMult;
    final RollingMax highest;
    final RollingMin lowest;
    final LinearReg regression;

    @Chart(style = Chart.Style.STEP)
    @Output(doc = "1 while the Bollinger bands are inside the Keltner channel, else 0", scale = Scale.UNITLESS)
    double on;

    @Chart(style = Chart.Style.HISTOGRAM)
    @Output(doc = "linear regression of close - ((HH + LL) / 2 + SMA(close)) / 2 over period bars")
    double momentum;

    public Squeeze(
            @Param(defaultValue = "20", min = 2, max = 100_000, doc = "bars of the bands, the channel and the momentum") int period,
            @Param(defaultValue = "2.0", min = 0, minExclusive = true, doc = "Bollinger band width in standard deviations") double bbMult,
            @Param(defaultValue = "1.5", min = 0, minExclusive = true, doc = "Keltner channel width in average true ranges") double kcMult) {
        this.bands = new Bbands(period, bbMult);
        this.trueRange = new TrueRange();
        this.averageRange = new Sma(period);
        this.kcMult = kcMult;
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
        this.regression = new LinearReg(period);
    }

    public static int lookback(int period) {
        return 2 * (period - 1);
    }

    @Step
    public void step(double high, double low, double close) {
        bands.step(close);
        double middle = bands.middle;
        double width = kcMult * averageRange.step(trueRange.step(high, low, close));
        double mid = Means.mean(highest.step(high), lowest.step(low));
        double m = regression.step(close - Means.mean(mid, middle));
        boolean inside = bands.lower > middle - width && bands.upper < middle + width;
        // One lookback for both outputs (docs/spec.md §1.3). The bands are NaN where the middle is not when the closes'
        // squares overflow (ticks near ±1e155 and beyond): a comparison with NaN is false, which read as "off".
        boolean valid = m == m && width == width && bands.upper == bands.upper;
        on = valid ? (inside ? 1.0 : 0.0) : Double.NaN;
        momentum = valid ? m : Double.NaN;
    }
}
