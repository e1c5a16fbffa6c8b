package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ma;
import io.ta.kernels.ma.MaType;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingMin;
import io.ta.spi.Checks;

/**
 * Fast stochastic (G. Lane, 1950s), as TA-Lib STOCHF: {@code fastk = (C − LL)/((HH − LL)/100)} over the last
 * fastk_period bars ({@link RollingMax} of the highs, {@link RollingMin} of the lows), in TA-Lib's operation order; 0
 * when {@code HH − LL} is 0 (TA-Lib's guard), exactly 0 when C is at LL and exactly 100 when C is at HH (TA-Lib
 * passes on (HH − LL)/((HH − LL)/100), an ulp off). The prices are data, so each test is exact: a difference of two
 * prices is 0 only where they are equal, and a tick of 1 at 1e15 is a move (a test relative to the price, 1e-12 of it,
 * read it as none). {@link StochRsi} runs the same step on an RSI, which carries rounding of its own, with the
 * differences negligible next to HH (the range) and the larger of |HH| and |LL| ({@link Checks#negligible}): an RSI
 * flat to its last bit has no range, where TA-Lib's %K jumps between 0 and 100 with the RSI's last bit, and one within
 * rounding of its low is at it, where TA-Lib passes on a %K of noise (1e-14), which an adaptive fastd (kama) reads as
 * movement; {@code fastd} is the
 * {@link Ma} of fastk over fastd_period of type fastd_ma_type (period 1 copies fastk, as TA-Lib's MA). Both outputs
 * start at TA-Lib's single lookback {@code (fastk_period − 1) + lb(fastd_ma_type, fastd_period)}.
 *
 * <p>This is the one fast-%K of the library: {@link Stochastic} (TA-Lib STOCH) smooths this kernel's fastd again, and
 * {@link StochRsi} runs it on the RSI.
 *
 * <p>The average starts at fast %K's first valid bar (docs/spec.md §1.2). Missing values: a missing high or low makes
 * fastk NaN while it is inside the window, a missing close only its own bar; the average then handles the NaN as
 * its type does (window or skip, §5.2). After warm-up, fastk is reported whenever it is valid, even while fastd still
 * has a missing value in its window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {20, 80}, min = 0, max = 100)
@Kernel(
        name = "stochf",
        family = Family.MOMENTUM,
        summary = "Fast stochastic: position of the close in the fastk_period range (fastk) and its moving average (fastd).",
        reference = "TA-Lib STOCHF (Lane)",
        scale = Scale.UNITLESS)
public final class Stochf {
    final RollingMax highest;
    final RollingMin lowest;
    final Ma average;
    boolean started;
    boolean ready;

    @Output(doc = "fast %K: 100·(C − LL)/(HH − LL) over fastk_period bars")
    double fastk;

    @Output(doc = "fast %D: the moving average of fastk over fastd_period bars")
    double fastd;

    public Stochf(
            @Param(defaultValue = "5", min = 1, max = 100_000, doc = "bars of the high-low range") int fastkPeriod,
            @Param(defaultValue = "3", min = 1, max = 100_000, doc = "moving average period of fastd") int fastdPeriod,
            @Param(defaultValue = "sma", doc = "moving average type of fastd") MaType fastdMaType) {
        this.highest = new RollingMax(fastkPeriod);
        this.lowest = new RollingMin(fastkPeriod);
        this.average = new Ma(fastdPeriod, fastdMaType);
    }

    public static int lookback(int fastkPeriod, int fastdPeriod, MaType fastdMaType) {
        return (fastkPeriod - 1) + Ma.lookback(fastdPeriod, fastdMaType);
    }

    @Step
    public void step(double high, double low, double close) {
        stepWithin(high, low, close, false);
    }

    /**
     * The step, with "C at LL", "C at HH" and "no range" meaning a difference of exactly 0, or, when {@code rounded},
     * one {@link Checks#negligible} next to the larger of |HH| and |LL| (|HH| for the range). Prices are data: their
     * differences are exact (or within half an ulp of themselves), 0 only where the prices are equal, so {@link #step}
     * tests exactly 0 and a tick of 1 at 1e15 is a move. {@link StochRsi} asks for {@code rounded}: its RSI carries
     * rounding of its own, unit-free.
     */
    void stepWithin(double high, double low, double close, boolean rounded) {
        double hh = highest.step(high);
        double ll = lowest.step(low);
        double k = Double.NaN;
        double c = close;
        if (hh - ll == Double.POSITIVE_INFINITY) {
            // A range beyond the largest double (ticks near both its edges in the window): the same ratios of halves,
            // exactly, where (C − LL)/∞ read 0.
            hh *= 0.5;
            ll *= 0.5;
            c *= 0.5;
        }
        if (hh == hh && ll == ll && Double.isFinite(c)) {
            double diff = (hh - ll) / 100.0;
            double scale = Math.max(Math.abs(hh), Math.abs(ll));
            // A close within rounding of the low or the high is at it: exactly at it for prices; on an RSI pinned at
            // its low, C − LL is rounding noise, 1e-14 of the range, and an adaptive average of %K (kama in stochrsi)
            // would read that noise as movement: its efficiency ratio becomes noise over noise.
            k = atZero(hh - ll, hh, rounded) || atZero(c - ll, scale, rounded) ? 0.0
                    : atZero(hh - c, scale, rounded) ? 100.0
                    : (c - ll) / diff;
        }
        fastk = Double.NaN;
        fastd = Double.NaN;
        // The average starts at fast %K's first valid bar (docs/spec.md §1.2 composition rule).
        if (!started) {
            if (k != k) {
                return;
            }
            started = true;
        }
        // The SMA's step directly where the average is one, with the test in this kernel's bytecode (Ma#stepsSma).
        Ma a = average;
        double d = a.stepsSma() ? a.sma().step(k) : a.step(k);
        if (!ready) {
            if (d != d) {
                return;
            }
            ready = true;
        }
        fastk = k;
        fastd = d;
    }

    /** At zero: {@link Checks#negligible} for a rounded input, else exactly 0 next to a scale that did not overflow. */
    private static boolean atZero(double v, double scale, boolean rounded) {
        return rounded ? Checks.negligible(v, scale) : v == 0.0 && Math.abs(scale) <= Double.MAX_VALUE;
    }
}
