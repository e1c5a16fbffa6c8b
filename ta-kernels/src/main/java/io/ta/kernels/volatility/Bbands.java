package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Selector;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.stats.RollingStd;

/**
 * Bollinger bands (J. Bollinger), as TA-Lib BBANDS(period, nbdevup = nbdevdn = std_dev, SMA): upper/lower = middle ±
 * {@link RollingStd}{@code (period, std_dev)}, and middle is the mean from that deviation's own running sum — the
 * same operations as {@link Sma}, so the same value, without keeping the window twice. TA-Lib's SMA path computes the deviation as
 * {@code √(Σx²/n − sma²)} from a running sum of squares (0 when the variance is below 1e-8) and multiplies it by
 * {@code std_dev} — exactly what {@code RollingStd} computes, operation for operation, so the bands match bit for
 * bit. A negative {@code std_dev} swaps the bands' sides, as in TA-Lib. R TTR {@code BBands} matches.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "bbands",
        aliases = "bb",
        family = Family.VOLATILITY,
        summary = "Bollinger bands: SMA plus and minus std_dev population standard deviations.",
        reference = "TA-Lib BBANDS (J. Bollinger); TTR BBands",
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
