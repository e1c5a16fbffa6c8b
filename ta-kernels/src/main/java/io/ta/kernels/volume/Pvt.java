package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.CumSum;

/**
 * Price-volume trend: the running total ({@link CumSum}) of the volume weighted by the close's relative change,
 * {@code pvt = Σ V·(C − C₋₁)/C₋₁}, 0 at the first bar; a previous close of 0 adds 0 (docs/spec.md §5.1). Like
 * {@link Obv} but proportional to the size of the move. The origin of the indicator is unattributed; no TTR or
 * Tulip function computes it.
 *
 * <p>Missing values: recursive state (§5.2) — a bar with a missing close or volume is skipped and the next valid bar
 * measures its change from the last valid close. A bar whose term would overflow the total adds nothing and outputs
 * NaN, as a missing one, but its close is valid, so the next bar measures its change from it.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "pvt",
        family = Family.VOLUME,
        scale = Scale.VOLUME,
        summary = "Price-volume trend: running total of volume * relative change of the close.",
        reference = "unattributed (price-volume trend)")
public final class Pvt {
    final CumSum total;
    double previousClose;
    boolean started;

    public Pvt() {
        this.total = new CumSum();
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double close, double volume) {
        if (!(Math.abs(close) <= Double.MAX_VALUE && Math.abs(volume) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        double term = !started || previousClose == 0.0 ? 0.0 : (close - previousClose) / previousClose * volume;
        // A term that overflows (a close next to a previous one of 1e-300) is skipped by the sum, but the bar is
        // valid: its close is the next bar's previous one. Kept back, that tiny close would overflow every later term.
        started = true;
        previousClose = close;
        return total.step(term);
    }
}
