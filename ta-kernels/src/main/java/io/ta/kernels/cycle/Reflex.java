package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Ehlers' Reflex (J. F. Ehlers, "Reflex: A New Zero-Lag Indicator", TASC Feb 2020): as {@link Trendflex}, but each
 * past smoothed value is compared with the straight line from {@code f[n]} to {@code f}, so the trend drops out and
 * only the cycle remains: {@code slope = (f[n] − f)/n},
 * {@code sum = Σ_{c=1..n}(f + c·slope − f[c])/n = (f − S/n) + slope·(n + 1)/2} with {@code S = Σ f[c]};
 * {@code ms = 0.04·sum² + 0.96·ms₋₁}, {@code reflex = sum/√ms}, 0 while {@code ms = 0}.
 *
 * <p>Composition: the smoother, the window of past values and {@code f − S/n} are those of a {@link Trendflex} held
 * here; Reflex adds the slope term and keeps its own mean square. A sum within rounding of the level is 0, as in
 * {@link Trendflex}. Seeding and missing values as {@link Trendflex}
 * (super smoother at rest on the first value, first output at bar n, ±5 or 0).
 *
 * <p>Overflow: a bar whose mean square (this one's or the held Trendflex's) would overflow outputs NaN and restarts
 * both, as {@link Trendflex} describes: from the next valid bar on, the output is that of a stream started there, up
 * to the rounding of the window sum.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "reflex",
        family = Family.CYCLE,
        scale = Scale.UNITLESS,
        summary = "Ehlers' Reflex: smoothed price against the line through its last period values, normalised.",
        reference = "J. F. Ehlers, TASC Feb 2020; hand-checked and base-R fixtures")
public final class Reflex {
    final double halfSpan;
    final double period;
    final Trendflex trend;
    double meanSquare;

    public Reflex(
            @Param(defaultValue = "20", min = 2, max = 100_000, doc = "bars compared (smoother: half)") int period) {
        this.period = period;
        this.halfSpan = (period + 1) / 2.0;
        this.trend = new Trendflex(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double x) {
        double t = trend.step(x);
        if (t != t) {
            if (trend.filtered != trend.filtered) {
                meanSquare = 0.0; // the Trendflex has restarted (or not started): so does the normalisation
            }
            return Double.NaN;
        }
        double f = trend.filtered;
        double slope = (trend.oldest() - f) / period;
        double s = Trendflex.resolved(f - trend.pastMean + slope * halfSpan, f, trend.pastMean);
        double ms = 0.04 * s * s + 0.96 * meanSquare;
        if (!(ms <= Double.MAX_VALUE)) {
            trend.restart();
            meanSquare = 0.0;
            return Double.NaN;
        }
        meanSquare = ms;
        return ms == 0.0 ? 0.0 : s / Math.sqrt(ms);
    }
}
