package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;
import io.ta.kernels.ma.MaType;
import io.ta.kernels.momentum.Ppo;

/**
 * Percentage volume oscillator (the PPO of volume; StockCharts' PVO after G. Appel's MACD/PPO construction):
 * {@code pvo = 100·(ema(V, fast) − ema(V, slow))/ema(V, slow)} — a {@link Ppo} of the volume with EMA averages —,
 * {@code signal = ema(pvo, signal_period)}, {@code histogram = pvo − signal}. The EMAs are the catalog's (TA-Lib
 * seeding, docs/spec.md §1.5), both on the whole input as TA-Lib's PPO; the signal starts at the first pvo, so the
 * lookback is {@code (slow − 1) + (signal − 1)}. A slow average of ≈0 (no volume) gives 0, as {@link Ppo}.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "pvo",
        family = Family.VOLUME,
        scale = Scale.UNITLESS,
        summary = "Percentage volume oscillator: PPO of volume with EMAs, its signal EMA and histogram.",
        reference = "StockCharts PVO (PPO of volume); base-R fixtures")
@Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
public final class Pvo {
    final Ppo oscillator;
    final Ema signalAverage;
    @Output(doc = "100 * (fast EMA - slow EMA) / slow EMA of volume")
    double pvo;
    @Output(doc = "EMA of pvo")
    double signal;
    @Chart(style = Chart.Style.HISTOGRAM)
    @Output(doc = "pvo - signal")
    double histogram;

    public Pvo(
            @Param(defaultValue = "12", min = 2, max = 100_000) int fastPeriod,
            @Param(defaultValue = "26", min = 2, max = 100_000) int slowPeriod,
            @Param(defaultValue = "9", min = 1, max = 100_000) int signalPeriod) {
        this.oscillator = new Ppo(fastPeriod, slowPeriod, MaType.EMA);
        this.signalAverage = new Ema(signalPeriod);
    }

    public static int lookback(int slowPeriod, int signalPeriod) {
        return slowPeriod - 1 + signalPeriod - 1;
    }

    @Step
    public void step(double volume) {
        double p = oscillator.step(volume);
        double s = signalAverage.step(p);
        pvo = s == s ? p : Double.NaN;
        signal = s;
        histogram = p - s;
    }
}
