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

/**
 * Bollinger bands (J. Bollinger), as TA-Lib BBANDS(period, nbdevup = nbdevdn = std_dev, SMA): upper/lower = middle ±
 * {@link RollingStd}{@code (period, std_dev)}, and middle is the mean of that deviation's own window — the simple
 * moving average, without keeping the window twice. The deviation is exact and centred (see {@link RollingStd}), so
 * the bands neither drift nor keep an outlier's trace, and their width scales with the prices at any level (TA-Lib's
 * absolute 1e-8 variance floor collapses the bands of prices below about 1e-4). A negative {@code std_dev} swaps the
 * bands' sides, as in TA-Lib. R TTR {@code BBands} matches.
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
    /** The deviation's running sums also give the middle band: one window, not two. */
    final RollingStd deviation;
    @Output(doc = "middle + std_dev * standard deviation")
    double upper;
    @Output(doc = "simple moving average")
    double middle;
    @Output(doc = "middle - std_dev * standard deviation")
    double lower;

    public Bbands(
            @Param(defaultValue = "20", min = 2, max = 100_000) int period,
            @Param(defaultValue = "2.0", doc = "band width in standard deviations") double stdDev) {
        this.deviation = new RollingStd(period, stdDev);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double x) {
        double d = deviation.step(x);
        double m = deviation.mean();
        middle = m;
        upper = m + d;
        lower = m - d;
    }
}
