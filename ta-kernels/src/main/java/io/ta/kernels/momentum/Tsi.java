package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;
import io.ta.kernels.math.Diff;

/**
 * True strength index (W. Blau, "True Strength Index", TASC Nov 1991; "Momentum, Direction and Divergence", 1995):
 * the double-smoothed one-bar momentum over its double-smoothed absolute value,
 * {@code tsi = 100·ema(ema(Δx, long), short) / ema(ema(|Δx|, long), short)}, and {@code signal = ema(tsi, signal)}.
 * Since {@code |ema(Δ)| ≤ ema(|Δ|)} for the same weights, tsi lies in [−100, 100]. A zero denominator (no movement
 * at all) gives 0 (docs/spec.md §5.1).
 *
 * <p>The averages are the catalog {@link Ema} (seeded with the mean of their first n valid inputs, §1.5), each
 * starting at its input's first valid bar: Δx from bar 1, so tsi exists from {@code long + short − 1} and the signal
 * from {@code long + short + signal − 2}, the lookback of both outputs (§1.3). No TTR or Tulip function computes it.
 *
 * <p>Missing values: Δx is missing at a missing bar and the bar after; the averages skip those bars (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0}, min = -100, max = 100)
@Kernel(
        name = "tsi",
        family = Family.MOMENTUM,
        scale = Scale.UNITLESS,
        summary = "True strength index: 100 * double-smoothed change / double-smoothed absolute change; EMA signal.",
        reference = "W. Blau, TASC Nov 1991")
public final class Tsi {
    final Diff change;
    final Ema momentumLong;
    final Ema momentumShort;
    final Ema absoluteLong;
    final Ema absoluteShort;
    final Ema signalAverage;

    @Output(doc = "100 * ema(ema(change)) / ema(ema(|change|)), in [-100, 100]")
    double tsi;

    @Output(doc = "EMA of tsi")
    double signal;

    public Tsi(
            @Param(defaultValue = "25", min = 1, max = 100_000, doc = "period of the first smoothing") int longPeriod,
            @Param(defaultValue = "13", min = 1, max = 100_000, doc = "period of the second smoothing") int shortPeriod,
            @Param(defaultValue = "13", min = 1, max = 100_000) int signalPeriod) {
        this.change = new Diff();
        this.momentumLong = new Ema(longPeriod);
        this.momentumShort = new Ema(shortPeriod);
        this.absoluteLong = new Ema(longPeriod);
        this.absoluteShort = new Ema(shortPeriod);
        this.signalAverage = new Ema(signalPeriod);
    }

    public static int lookback(int longPeriod, int shortPeriod, int signalPeriod) {
        return longPeriod + shortPeriod + signalPeriod - 2;
    }

    @Step
    public void step(double x) {
        double d = change.step(x);
        double numerator = momentumShort.step(momentumLong.step(d));
        double denominator = absoluteShort.step(absoluteLong.step(Math.abs(d)));
        double line = denominator == 0.0 ? 0.0 : 100.0 * (numerator / denominator);
        double s = signalAverage.step(line);
        // One lookback for both outputs (docs/spec.md §1.3): the line is hidden until its signal exists.
        tsi = s == s ? line : Double.NaN;
        signal = s;
    }
}
