package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.CumSum;

/**
 * On-balance volume (J. Granville 1963), as TA-Lib OBV: starts at the first bar's volume, then adds the volume on
 * an up close, subtracts it on a down close and carries it on an unchanged close. The total is a {@link CumSum}
 * (compensated: its error does not grow with the history; with whole-share volumes it is exact, like TA-Lib's).
 *
 * <p>Cumulative (recursive) state: a bar with a missing close or volume outputs NaN and is skipped — the total and
 * the previous close stay as they were, so the next valid bar is compared with the last valid close (docs/spec.md
 * §5.2). If the first bars are missing, the total starts at the first valid bar's volume.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "obv",
        family = Family.VOLUME,
        summary = "On-balance volume: running total of volume signed by the close's direction, from the first volume.",
        reference = "TA-Lib OBV (Granville 1963)",
        scale = Scale.VOLUME)
public final class Obv {
    final CumSum total;
    double previousClose;
    boolean started;

    public Obv() {
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
        double flow = volume;
        if (started) {
            // The sign of the difference of two finite closes is the sign of their comparison; copying it is bit
            // arithmetic, where a branch on up or down would mispredict half the time on a random walk.
            double change = close - previousClose;
            flow = change != 0.0 ? volume * Math.copySign(1.0, change) : 0.0;
        }
        double t = total.step(flow);
        if (t == t) {
            started = true;
            previousClose = close;
        }
        return t;
    }
}
