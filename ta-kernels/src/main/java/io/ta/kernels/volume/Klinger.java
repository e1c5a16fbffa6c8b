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

/**
 * Klinger volume oscillator (S. Klinger, TASC Dec 1997): {@code klinger = ema(VF, fast) − ema(VF, slow)} of the
 * {@link KlingerVf} volume force, {@code signal = ema(klinger, signal_period)}. The averages are the catalog's
 * {@link Ema} (k = 2/(n+1), seeded with the mean of their first n valid inputs; §1.7: not laakhay's x[0] seed), each
 * starting at its input's first valid bar (§1.2): VF from bar 1, so the line is valid from {@code slow_period} and
 * the signal from {@code slow_period + signal_period − 1}, the kernel lookback. As every multi-output kernel (§1.3),
 * both outputs start at that lookback. Tulip {@code kvo} has the same formula but seeds with VF₁ and has no signal.
 *
 * <p>Missing inputs: VF skips the bar, and so do the {@link Ema}s (recursive state, §5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "klinger",
        aliases = "kvo",
        family = Family.VOLUME,
        summary = "Klinger volume oscillator: fast EMA minus slow EMA of the volume force, with an EMA signal line.",
        reference = "Klinger, TASC Dec 1997; Tulip kvo (formula)",
        scale = Scale.VOLUME)
@Require(left = "fast_period", op = Require.Op.LT, right = "slow_period")
public final class Klinger {
    final KlingerVf force;
    final Ema fastAverage;
    final Ema slowAverage;
    final Ema signalAverage;

    @Output(doc = "fast EMA minus slow EMA of the volume force")
    double klinger;

    @Output(doc = "EMA of the klinger line")
    double signal;

    public Klinger(
            @Param(defaultValue = "34", min = 1, max = 100_000) int fastPeriod,
            @Param(defaultValue = "55", min = 1, max = 100_000) int slowPeriod,
            @Param(defaultValue = "13", min = 1, max = 100_000) int signalPeriod) {
        this.force = new KlingerVf();
        this.fastAverage = new Ema(fastPeriod);
        this.slowAverage = new Ema(slowPeriod);
        this.signalAverage = new Ema(signalPeriod);
    }

    public static int lookback(int slowPeriod, int signalPeriod) {
        return slowPeriod + signalPeriod - 1;
    }

    @Step
    public void step(double high, double low, double close, double volume) {
        double vf = force.step(high, low, close, volume);
        double line = fastAverage.step(vf) - slowAverage.step(vf);
        double s = signalAverage.step(line);
        // One lookback for both outputs: the line is hidden until its signal exists.
        klinger = s == s ? line : Double.NaN;
        signal = s;
    }
}
