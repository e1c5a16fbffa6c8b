package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Rma;
import io.ta.kernels.price.MedPrice;
import io.ta.state.DoubleRing;

/**
 * Bill Williams' alligator (B. Williams, <i>Trading Chaos</i>, 1995; <i>New Trading Dimensions</i>, 1998): three
 * smoothed moving averages (SMMA, which is Wilder's {@link Rma}: seeded with the mean of the first n values, then
 * {@code (e·(n−1) + x)/n}) of the {@link MedPrice median price} {@code (H + L)/2}, each displaced into the future —
 * jaw 13 bars displaced 8, teeth 8 displaced 5, lips 5 displaced 3.
 *
 * <p>Causal displacement: Williams draws each line {@code shift} bars to the right of the bar it was computed on.
 * Here the value stored at bar t is the average as of bar {@code t − shift} — what the chart shows above bar t —
 * so nothing is read ahead and nothing repaints. Each line has its own first valid index,
 * {@code period − 1 + shift} (as ichimoku's spans; docs/spec.md §1.3); the kernel lookback is the largest.
 *
 * <p>Missing values: the averages skip a bar with a missing high or low (recursive state, docs/spec.md §5.2); the
 * skipped bar's NaN travels through the displacement like any value, so it shows {@code shift} bars later, once.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "alligator",
        family = Family.TREND,
        scale = Scale.PRICE,
        summary = "Williams' alligator: jaw, teeth and lips, smoothed median prices displaced forward (causally).",
        reference = "B. Williams, Trading Chaos (1995); hand-checked and base-R fixtures")
public final class Alligator {
    final MedPrice median;
    final Rma jawAverage;
    final Rma teethAverage;
    final Rma lipsAverage;
    /** The last shift+1 averages; the oldest is the one of bar t − shift. */
    final DoubleRing jawDelay;
    final DoubleRing teethDelay;
    final DoubleRing lipsDelay;
    @Output(lookback = "jawLookback", doc = "SMMA(median, jaw_period) of jaw_shift bars ago")
    double jaw;
    @Output(lookback = "teethLookback", doc = "SMMA(median, teeth_period) of teeth_shift bars ago")
    double teeth;
    @Output(lookback = "lipsLookback", doc = "SMMA(median, lips_period) of lips_shift bars ago")
    double lips;

    public Alligator(
            @Param(defaultValue = "13", min = 1, max = 100_000, doc = "jaw smoothing period") int jawPeriod,
            @Param(defaultValue = "8", min = 0, max = 100_000, doc = "forward shift of the jaw") int jawShift,
            @Param(defaultValue = "8", min = 1, max = 100_000, doc = "teeth smoothing period") int teethPeriod,
            @Param(defaultValue = "5", min = 0, max = 100_000, doc = "forward shift of the teeth") int teethShift,
            @Param(defaultValue = "5", min = 1, max = 100_000, doc = "lips smoothing period") int lipsPeriod,
            @Param(defaultValue = "3", min = 0, max = 100_000, doc = "forward shift of the lips") int lipsShift) {
        this.median = new MedPrice();
        this.jawAverage = new Rma(jawPeriod);
        this.teethAverage = new Rma(teethPeriod);
        this.lipsAverage = new Rma(lipsPeriod);
        this.jawDelay = new DoubleRing(jawShift + 1);
        this.teethDelay = new DoubleRing(teethShift + 1);
        this.lipsDelay = new DoubleRing(lipsShift + 1);
    }

    public static int lookback(
            int jawPeriod, int jawShift, int teethPeriod, int teethShift, int lipsPeriod, int lipsShift) {
        return Math.max(jawLookback(jawPeriod, jawShift),
                Math.max(teethLookback(teethPeriod, teethShift), lipsLookback(lipsPeriod, lipsShift)));
    }

    public static int jawLookback(int jawPeriod, int jawShift) {
        return jawPeriod - 1 + jawShift;
    }

    public static int teethLookback(int teethPeriod, int teethShift) {
        return teethPeriod - 1 + teethShift;
    }

    public static int lipsLookback(int lipsPeriod, int lipsShift) {
        return lipsPeriod - 1 + lipsShift;
    }

    @Step
    public void step(double high, double low) {
        double m = median.step(high, low);
        jaw = displaced(jawDelay, jawAverage.step(m));
        teeth = displaced(teethDelay, teethAverage.step(m));
        lips = displaced(lipsDelay, lipsAverage.step(m));
    }

    private static double displaced(DoubleRing delay, double average) {
        delay.push(average);
        return delay.isFull() ? delay.oldest() : Double.NaN;
    }
}
