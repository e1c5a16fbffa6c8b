package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Selector;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingStd;
import io.ta.kernels.stats.RollingVar;
import io.ta.state.WindowMoments;

/**
 * Bollinger bands (J. Bollinger), as TA-Lib BBANDS(period, nbdevup = nbdevdn = std_dev, SMA): upper/lower = middle ±
 * std_dev population standard deviations, and middle is the mean of the same window — the simple moving average,
 * without keeping the window twice. Both come from one {@link WindowMoments}, the part under {@link RollingVar}, with
 * the same operations as {@link RollingStd}{@code (period, std_dev)}, so the width is that kernel's bit for bit. The
 * moments are exact and centred, so the bands neither drift nor keep an outlier's trace, and their width scales with
 * the prices at any level (TA-Lib's absolute 1e-8 variance floor collapses the bands of prices below about 1e-4). A
 * negative {@code std_dev} swaps the bands' sides, as in TA-Lib. R TTR {@code BBands} matches.
 *
 * <p>The part is held here, not through a nested {@link RollingStd}: a stream's update and its checkpoint then reach
 * it through one object instead of three, and checkpoint no copy of the mean RollingVar keeps for its users (stream
 * update ÷ batch 1.62–1.69 → 1.27–1.36; docs/performance-log.md, "Bollinger bands on their own window").
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "bbands",
        aliases = "bb",
        family = Family.VOLATILITY,
        summary = "Bollinger bands: SMA plus and minus std_dev population standard deviations.",
        reference = "TA-Lib BBANDS (J. Bollinger); TTR BBands",
        scale = Scale.PRICE,
        selectors = {
            @Selector(alias = "bb_upper", output = "upper"),
            @Selector(alias = "bb_middle", output = "middle"),
            @Selector(alias = "bb_lower", output = "lower")
        })
public final class Bbands {
    final double stdDev;
    /** One window gives both the bands' centre and their width. */
    final WindowMoments window;
    @Output(doc = "middle + std_dev * standard deviation")
    double upper;
    @Output(doc = "simple moving average")
    double middle;
    @Output(doc = "middle - std_dev * standard deviation")
    double lower;

    public Bbands(
            @Param(defaultValue = "20", min = 2, max = 100_000) int period,
            @Param(defaultValue = "2.0", doc = "band width in standard deviations") double stdDev) {
        this.stdDev = stdDev;
        this.window = new WindowMoments(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double x) {
        WindowMoments w = window;
        w.push(x);
        double m = Double.NaN;
        double d = Double.NaN;
        if (w.isFull() && !w.hasMissing()) {
            m = w.mean();
            d = Math.sqrt(w.variance()) * stdDev;
        }
        middle = m;
        upper = m + d;
        lower = m - d;
    }
}
