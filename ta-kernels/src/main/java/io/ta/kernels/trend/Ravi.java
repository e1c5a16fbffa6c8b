package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;

/**
 * Range action verification index (T. Chande, <i>Beyond Technical Analysis</i>, 1997): the distance between a short
 * and a long {@link Sma simple average} in percent of the long one, {@code 100·|sma(x, 7) − sma(x, 65)|/sma(x, 65)};
 * above about 3 the market trends. A long average of exactly 0 gives 0 (docs/spec.md §5.1). NaN while a missing value
 * is inside either window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "ravi",
        family = Family.TREND,
        scale = Scale.UNITLESS,
        summary = "Chande's RAVI: percentage distance between a short and a long SMA.",
        reference = "T. Chande, Beyond Technical Analysis (1997); base-R fixtures")
@Require(left = "short_period", op = Require.Op.LT, right = "long_period")
public final class Ravi {
    final Sma shortAverage;
    final Sma longAverage;

    public Ravi(
            @Param(defaultValue = "7", min = 1, max = 100_000) int shortPeriod,
            @Param(defaultValue = "65", min = 2, max = 100_000) int longPeriod) {
        this.shortAverage = new Sma(shortPeriod);
        this.longAverage = new Sma(longPeriod);
    }

    public static int lookback(int longPeriod) {
        return longPeriod - 1;
    }

    @Step
    public double step(double x) {
        double s = shortAverage.step(x);
        double l = longAverage.step(x);
        if (s != s || l != l) {
            return Double.NaN;
        }
        if (l == 0.0) {
            return 0.0;
        }
        double r = 100.0 * Math.abs(s - l) / Math.abs(l);
        if (!(r <= Double.MAX_VALUE)) {
            // As bias: the difference or its hundredfold overflowed where the ratio may fit; at 2^-8, exactly.
            r = 100.0 * Math.abs(s * 0x1p-8 - l * 0x1p-8) / Math.abs(l) * 0x1p8;
        }
        return r;
    }
}
