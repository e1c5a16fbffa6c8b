package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Selector;
import io.ta.annotation.Step;
import io.ta.kernels.ma.MaType;
import io.ta.kernels.ma.Sma;

/**
 * Stochastic oscillator (G. Lane, 1950s), as TA-Lib {@code STOCH(fastK = k_period, slowK = smooth SMA, slowD =
 * d_period SMA)}: fast %K is the {@link Stochf} kernel's ({@code fastK = (C − LL)/((HH − LL)/100)} over the last
 * k_period bars, 0 when {@code HH − LL} is exactly 0, TA-Lib's guard), whose fastd with an SMA over {@code smooth}
 * bars is {@code k} (TA-Lib's slowK, computed by TA-Lib exactly as STOCHF's fastD); {@code d} is the SMA of k over
 * {@code d_period} bars (slowD). docs/spec.md §1.7: laakhay gave %K 50 on a flat range; TA-Lib's 0 is kept. Lookback
 * {@code (k_period−1) + (smooth−1) + (d_period−1)} for both outputs (TA-Lib aligns slowK with slowD).
 *
 * <p>Each SMA starts at its input's first valid bar (§1.2). Windows: a missing input makes the outputs NaN while it
 * is inside any of the windows, then they are exact again (§5.2). After warm-up, k is reported whenever it is
 * valid, even while d still has a missing value in its window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {20, 80}, min = 0, max = 100)
@Kernel(
        name = "stochastic",
        aliases = "stoch",
        family = Family.MOMENTUM,
        summary = "Stochastic oscillator: position of the close in the k_period range, smoothed (k) and its SMA (d).",
        reference = "TA-Lib STOCH (Lane)",
        selectors = {@Selector(alias = "stoch_k", output = "k"), @Selector(alias = "stoch_d", output = "d")},
        scale = Scale.UNITLESS)
public final class Stochastic {
    final Stochf fast;
    final Sma dAverage;
    boolean dStarted;
    boolean ready;

    // Named k and d in the catalog; the Java names avoid the generated stream's own field "k" (the kernel).
    @Output(name = "k", doc = "slow %K: the SMA of fast %K over smooth bars")
    double slowK;

    @Output(name = "d", doc = "slow %D: the SMA of k over d_period bars")
    double slowD;

    public Stochastic(
            @Param(defaultValue = "14", min = 1, max = 100_000, doc = "bars of the high-low range (fast %K)") int kPeriod,
            @Param(defaultValue = "3", min = 1, max = 100_000, doc = "SMA period of %D") int dPeriod,
            @Param(defaultValue = "1", min = 1, max = 100_000, doc = "SMA period smoothing fast %K into k") int smooth) {
        this.fast = new Stochf(kPeriod, smooth, MaType.SMA);
        this.dAverage = new Sma(dPeriod);
    }

    public static int lookback(int kPeriod, int dPeriod, int smooth) {
        return (kPeriod - 1) + (smooth - 1) + (dPeriod - 1);
    }

    @Step
    public void step(double high, double low, double close) {
        // Stochf's fastd is fast %K smoothed over `smooth` bars, started at fast %K's first valid bar: slow %K.
        fast.step(high, low, close);
        double sk = fast.fastd;
        slowK = Double.NaN;
        slowD = Double.NaN;
        // The d window starts at k's first valid bar (docs/spec.md §1.2 composition rule).
        if (!dStarted) {
            if (sk != sk) {
                return;
            }
            dStarted = true;
        }
        double sd = dAverage.step(sk);
        if (!ready) {
            if (sd != sd) {
                return;
            }
            ready = true;
        }
        slowK = sk;
        slowD = sd;
    }
}
