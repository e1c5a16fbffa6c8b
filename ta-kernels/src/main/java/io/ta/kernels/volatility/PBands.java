package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.kernels.stats.RollingVar;

/**
 * Price bands, as R TTR {@code PBands} (B. G. Peterson; non-centred, SMA): around the {@link Sma simple average}
 * {@code sma(x, n)}, bands {@code std_dev} population standard deviations of the spread between that average and a
 * fast one, {@code sma(x, n) − sma(x, fast_period)}, over the last n bars — a band that widens with the recent
 * departure of price from its trend rather than with raw price variance. The deviation is the square root of a
 * {@link RollingVar} of the spread (a negative rounding residue counts as 0), which starts when the spread does, so
 * the lookback is {@code max(n, fast_period) − 1 + n − 1}. NaN while a missing value is inside a window.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "pbands",
        aliases = "price_bands",
        family = Family.VOLATILITY,
        scale = Scale.PRICE,
        summary = "Price bands: SMA plus and minus std_dev deviations of the SMA's spread from a fast SMA.",
        reference = "TTR PBands (B. G. Peterson)")
public final class PBands {
    final double stdDev;
    final Sma average;
    final Sma fast;
    final RollingVar spread;
    @Output(doc = "middle + std_dev * deviation of the spread")
    double upper;
    @Output(doc = "SMA of x")
    double middle;
    @Output(doc = "middle - std_dev * deviation of the spread")
    double lower;

    public PBands(
            @Param(defaultValue = "20", min = 1, max = 100_000) int period,
            @Param(defaultValue = "2.0", doc = "band width in standard deviations") double stdDev,
            @Param(defaultValue = "2", min = 1, max = 100_000, doc = "bars of the fast average") int fastPeriod) {
        this.stdDev = stdDev;
        this.average = new Sma(period);
        this.fast = new Sma(fastPeriod);
        this.spread = new RollingVar(period);
    }

    public static int lookback(int period, int fastPeriod) {
        return Math.max(period, fastPeriod) - 1 + period - 1;
    }

    @Step
    public void step(double x) {
        double m = average.step(x);
        double v = spread.step(m - fast.step(x));
        double width = stdDev * Math.sqrt(Math.max(v, 0.0));
        middle = v == v ? m : Double.NaN;
        upper = middle + width;
        lower = middle - width;
    }
}
