package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.state.DoubleRing;

/**
 * Know sure thing (M. Pring, "Summed Rate of Change (KST)", 1992): four smoothed rates of change of increasing span,
 * weighted 1 to 4, {@code kst = Σ_{i=1..4} i·sma(roc(x, roc_i), sma_i)}, and {@code signal = sma(kst, signal)}.
 * The rates of change are the catalog {@link Roc} (percent, 0 when the old value is 0) and the averages {@link Sma}s.
 *
 * <p>Each average fills its window from its ROC's first valid bar, so term i exists from {@code roc_i + sma_i − 1},
 * the sum from the latest of those, and the signal {@code signal − 1} bars later: the lookback of both outputs
 * (§1.3). R TTR {@code KST} has Pring's structure but uses log rates of change by default; it checks the formula.
 *
 * <p>Missing values: every component is a window read, so the outputs are NaN while a missing value is inside any
 * of the windows, then exact again (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "kst",
        family = Family.MOMENTUM,
        scale = Scale.UNITLESS,
        summary = "Pring's know sure thing: weighted sum of four smoothed rates of change, with an SMA signal.",
        reference = "M. Pring 1992; TTR KST (formula)")
public final class Kst {
    /** x and the values before it, back to the longest rate's: the four rates read it, so x is pushed once. */
    final DoubleRing history;
    final int roc1;
    final int roc2;
    final int roc3;
    final int roc4;
    final Sma sma1;
    final Sma sma2;
    final Sma sma3;
    final Sma sma4;
    final Sma signalAverage;

    @Output(doc = "sma(roc1) + 2 sma(roc2) + 3 sma(roc3) + 4 sma(roc4)")
    double kst;

    @Output(doc = "SMA of kst")
    double signal;

    public Kst(
            @Param(defaultValue = "10", min = 1, max = 100_000, doc = "period of the first rate of change") int roc1,
            @Param(defaultValue = "15", min = 1, max = 100_000, doc = "period of the second rate of change") int roc2,
            @Param(defaultValue = "20", min = 1, max = 100_000, doc = "period of the third rate of change") int roc3,
            @Param(defaultValue = "30", min = 1, max = 100_000, doc = "period of the fourth rate of change") int roc4,
            @Param(defaultValue = "10", min = 1, max = 100_000, doc = "SMA period of roc1") int sma1,
            @Param(defaultValue = "10", min = 1, max = 100_000, doc = "SMA period of roc2") int sma2,
            @Param(defaultValue = "10", min = 1, max = 100_000, doc = "SMA period of roc3") int sma3,
            @Param(defaultValue = "15", min = 1, max = 100_000, doc = "SMA period of roc4") int sma4,
            @Param(defaultValue = "9", min = 1, max = 100_000) int signalPeriod) {
        this.history = new DoubleRing(Math.max(Math.max(roc1, roc2), Math.max(roc3, roc4)) + 1);
        this.roc1 = roc1;
        this.roc2 = roc2;
        this.roc3 = roc3;
        this.roc4 = roc4;
        this.sma1 = new Sma(sma1);
        this.sma2 = new Sma(sma2);
        this.sma3 = new Sma(sma3);
        this.sma4 = new Sma(sma4);
        this.signalAverage = new Sma(signalPeriod);
    }

    public static int lookback(
            int roc1, int roc2, int roc3, int roc4, int sma1, int sma2, int sma3, int sma4, int signalPeriod) {
        return Math.max(Math.max(roc1 + sma1 - 1, roc2 + sma2 - 1), Math.max(roc3 + sma3 - 1, roc4 + sma4 - 1))
                + signalPeriod - 1;
    }

    @Step
    public void step(double x) {
        DoubleRing h = history;
        h.push(x);
        double line = sma1.step(rate(x, h, roc1))
                + 2.0 * sma2.step(rate(x, h, roc2))
                + 3.0 * sma3.step(rate(x, h, roc3))
                + 4.0 * sma4.step(rate(x, h, roc4));
        double s = signalAverage.step(line);
        // One lookback for both outputs (docs/spec.md §1.3): the line is hidden until its signal exists.
        kst = s == s ? line : Double.NaN;
        signal = s;
    }

    /** {@link Roc}'s rate of x against its value {@code period} bars back, NaN before that value exists. */
    private static double rate(double x, DoubleRing h, int period) {
        return h.size() > period ? Roc.rate(x, h.get(period)) : Double.NaN;
    }
}
