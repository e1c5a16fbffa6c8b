package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;
import io.ta.spi.Means;
import io.ta.state.SlidingExtreme;

/**
 * Stochastic momentum index (W. Blau, 1993), as R TTR {@code SMI(HLC, n, nFast, nSlow, nSig)} with its default EMAs:
 * the close's distance from the midpoint of the n-bar range, {@code C − (HH + LL)/2}, and the range {@code HH − LL}
 * (window extremes, {@link SlidingExtreme}) are each smoothed by an {@link Ema} of {@code slow_period} and then one of
 * {@code fast_period}; {@code smi = 100·num/(den/2)} and {@code signal} is its EMA over {@code signal_period}. As in
 * TTR, while fewer than n bars exist the bar's own high and low stand in for HH and LL, so the averages start at the
 * first bar and {@code period} does not enter the lookback
 * {@code (slow_period − 1) + (fast_period − 1) + (signal_period − 1)}, one for both outputs (docs/spec.md §1.3; TTR
 * shows smi from the signal's warm-up on). A zero smoothed range gives 0 (TTR: NaN).
 *
 * <p>Bars before the first one with high, low and close are not counted, as TTR starts after leading NAs: the
 * outputs are those of the series without them.
 *
 * <p>Recursive state: a bar with a missing high, low or close outputs NaN and moves none of the averages, so
 * numerator and denominator stay in step (docs/spec.md §5.2). The range of a later bar is taken over the valid highs
 * and lows of its window: blanking it for n bars instead would hold the averages still long after the missing bar,
 * while TTR's own warm-up already measures ranges over fewer bars.
 */
@Chart(pane = Chart.Pane.OWN, guides = {-40, 40}, min = -100, max = 100)
@Kernel(
        name = "smi",
        aliases = "stochastic_momentum_index",
        family = Family.MOMENTUM,
        summary = "Stochastic momentum index: double-EMA-smoothed distance from the range midpoint over half the range.",
        reference = "W. Blau 1993; R TTR SMI",
        scale = Scale.UNITLESS)
public final class Smi {
    final int period;
    final SlidingExtreme highest;
    final SlidingExtreme lowest;
    final Ema distanceSlow;
    final Ema rangeSlow;
    final Ema distanceFast;
    final Ema rangeFast;
    final Ema average;
    /** Bars seen, counted up to the period. */
    @Range(min = "0", max = "period")
    long bars;

    @Output(doc = "100 * smoothed distance from the range midpoint / (smoothed range / 2)")
    double smi;

    @Output(doc = "EMA of smi over signal_period")
    double signal;

    public Smi(
            @Param(defaultValue = "13", min = 1, max = 100_000, doc = "bars of the high-low range") int period,
            @Param(defaultValue = "2", min = 1, max = 100_000, doc = "second (fast) EMA period") int fastPeriod,
            @Param(defaultValue = "25", min = 1, max = 100_000, doc = "first (slow) EMA period") int slowPeriod,
            @Param(defaultValue = "9", min = 1, max = 100_000, doc = "EMA period of the signal") int signalPeriod) {
        this.period = period;
        this.highest = SlidingExtreme.max(period);
        this.lowest = SlidingExtreme.min(period);
        this.distanceSlow = new Ema(slowPeriod);
        this.rangeSlow = new Ema(slowPeriod);
        this.distanceFast = new Ema(fastPeriod);
        this.rangeFast = new Ema(fastPeriod);
        this.average = new Ema(signalPeriod);
    }

    public static int lookback(int fastPeriod, int slowPeriod, int signalPeriod) {
        return (slowPeriod - 1) + (fastPeriod - 1) + (signalPeriod - 1);
    }

    @Step
    public void step(double high, double low, double close) {
        smi = Double.NaN;
        signal = Double.NaN;
        boolean complete = Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close);
        // Bars before the first complete one are not there yet (TTR's run functions start after leading NAs), so
        // TTR's warm-up on the bar's own range counts from it: counted, 40 leading missing bars left the first 12
        // ranges over the few valid bars instead, and smi(13, 2, 25, 9) 13 points off at its first value.
        if (bars == 0 && !complete) {
            return;
        }
        highest.push(high);
        lowest.push(low);
        if (bars < period) {
            bars++;
        }
        if (!complete) {
            return;
        }
        boolean full = bars == period;
        double hh = full ? highest.finiteExtreme() : high;
        double ll = full ? lowest.finiteExtreme() : low;
        double distance = close - Means.mean(hh, ll);
        double range = hh - ll;
        if (!Double.isFinite(distance) || !Double.isFinite(range)) {
            return;
        }
        double num = distanceFast.step(distanceSlow.step(distance));
        double den = rangeFast.step(rangeSlow.step(range));
        if (num != num) {
            return;
        }
        double s = den != 0.0 ? 100 * (num / (den / 2)) : 0.0;
        double sig = average.step(s);
        if (sig == sig) {
            smi = s;
            signal = sig;
        }
    }
}
