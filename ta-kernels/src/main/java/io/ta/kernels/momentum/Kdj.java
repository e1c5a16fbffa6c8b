package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.MaType;

/**
 * KDJ, the stochastic as charted on Chinese markets: the raw stochastic value {@code RSV = 100·(C − LL)/(HH − LL)}
 * over {@code period} bars ({@link Stochf}'s fast %K, 0 when {@code HH = LL}), smoothed twice with the
 * {@code SMA(X, N, 1)} of those platforms, {@code K = ((k_smooth − 1)·K₋₁ + RSV)/k_smooth} and
 * {@code D = ((d_smooth − 1)·D₋₁ + K)/d_smooth}, both starting from 50 as the textbook formula prescribes ("if there is
 * no previous K or D, use 50"), and {@code J = 3K − 2D}. KDJ(9, 3, 3) is the customary setting. pandas-ta's
 * {@code kdj} smooths with an RMA seeded differently; its values converge to these.
 *
 * <p>First output where RSV is first valid (lookback {@code period − 1}). Recursive state: a bar whose RSV is missing
 * outputs NaN and leaves K and D unchanged (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {20, 80})
@Kernel(
        name = "kdj",
        family = Family.MOMENTUM,
        summary = "KDJ: the stochastic RSV smoothed into K and D (both starting at 50), and J = 3K - 2D.",
        reference = "KDJ as in Chinese charting software (SMA(RSV, 3, 1)); pandas-ta kdj",
        scale = Scale.UNITLESS)
public final class Kdj {
    final Stochf rsv;
    final double kSmooth;
    final double dSmooth;
    double kState = 50.0;
    double dState = 50.0;

    // The Java names avoid the generated stream's own field "k" (the kernel).
    @Output(name = "k", doc = "RSV smoothed: ((k_smooth - 1) * K[t-1] + RSV) / k_smooth, from 50")
    double kLine;

    @Output(name = "d", doc = "K smoothed: ((d_smooth - 1) * D[t-1] + K) / d_smooth, from 50")
    double dLine;

    @Output(name = "j", doc = "3K - 2D")
    double jLine;

    public Kdj(
            @Param(defaultValue = "9", min = 1, max = 100_000, doc = "bars of the high-low range") int period,
            @Param(defaultValue = "3", min = 1, max = 100_000, doc = "smoothing of RSV into K") int kSmooth,
            @Param(defaultValue = "3", min = 1, max = 100_000, doc = "smoothing of K into D") int dSmooth) {
        this.rsv = new Stochf(period, 1, MaType.SMA);
        this.kSmooth = kSmooth;
        this.dSmooth = dSmooth;
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double high, double low, double close) {
        rsv.step(high, low, close);
        double r = rsv.fastk;
        // Not finite when a bar is missing, or when its close is so far outside its range (a tick near the largest
        // double) that the stochastic overflowed: skipped either way, with the smoothing unchanged.
        if (!(Math.abs(r) <= Double.MAX_VALUE)) {
            kLine = Double.NaN;
            dLine = Double.NaN;
            jLine = Double.NaN;
            return;
        }
        double kv = ((kSmooth - 1) * kState + r) / kSmooth;
        double dv = ((dSmooth - 1) * dState + kv) / dSmooth;
        if (!((kv - kv) + (dv - dv) == 0.0)) {
            // After such a tick this order's sum can overflow where the average of two finite values cannot: weigh
            // each first. Off the usual path, which keeps the reference's operation order.
            kv = kState * ((kSmooth - 1) / kSmooth) + r / kSmooth;
            dv = dState * ((dSmooth - 1) / dSmooth) + kv / dSmooth;
        }
        kState = kv;
        dState = dv;
        kLine = kv;
        dLine = dv;
        jLine = 3 * kv - 2 * dv;
    }
}
