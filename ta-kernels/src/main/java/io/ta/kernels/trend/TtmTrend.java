package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.price.MedPrice;
import io.ta.spi.Checks;

/**
 * TTM Trend (J. F. Carter, <i>Mastering the Trade</i>, 2005, ch. "TTM Trend"): a bar is bullish (+1) when its close
 * is above the average price of the prior {@code period} bars, bearish (−1) when below, 0 when exactly on it.
 *
 * <p>Carter describes the indicator in words only ("the average price of the prior six bars"); the common open
 * formulation is used — the mean of the median prices {@code (H + L)/2} of bars {@code t − period … t − 1} (the
 * {@link Sma} of {@link MedPrice} one bar back), compared with the close of bar t (ProRealCode's and pandas-ta's
 * {@code ttm_trend}; pandas-ta also averages the current bar, which is not "prior"). Lookback {@code period}.
 *
 * <p>Ties: a close within {@code 1e-12} (relative) of the average counts as on it — far below any price tick, far
 * above the rounding of an average (a close of 3.26 against lows averaging exactly 3.26 would otherwise read as
 * above or below depending on the order of the additions).
 *
 * <p>Missing values: a missing high or low is a missing cell of the average's window; a missing close makes only its
 * own bar NaN (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN, style = Chart.Style.STEP, guides = {0})
@Kernel(
        name = "ttm_trend",
        family = Family.TREND,
        scale = Scale.UNITLESS,
        summary = "TTM Trend: +1 when the close is above the mean median price of the prior period bars, -1 below.",
        reference = "J. F. Carter, Mastering the Trade (2005); hand-checked and base-R fixtures")
public final class TtmTrend {
    final MedPrice median;
    final Sma average;
    /** The average of the window ending at the previous bar. */
    double previousAverage = Double.NaN;

    public TtmTrend(@Param(defaultValue = "6", min = 1, max = 100_000, doc = "prior bars averaged") int period) {
        this.median = new MedPrice();
        this.average = new Sma(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double high, double low, double close) {
        double prior = previousAverage;
        previousAverage = average.step(median.step(high, low));
        if (!(prior == prior && Double.isFinite(close))) {
            return Double.NaN;
        }
        double gap = close - prior;
        // Not Math.abs(gap) <= 1e-12 * |prior|: an average near the largest double may sum past it and be infinite,
        // and the infinite gap to it compared equal to 1e-12 of it, "flat", where the close is far below it.
        if (Checks.negligible(gap, prior)) {
            return 0.0;
        }
        return gap > 0 ? 1.0 : -1.0;
    }
}
