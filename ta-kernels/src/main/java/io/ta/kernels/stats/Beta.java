package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;
import io.ta.state.WindowComoments;

/**
 * Beta of y against x, as TA-Lib BETA: the least-squares slope of y's one-bar returns on x's over the last n returns,
 * {@code Σ(rx − r̄x)(ry − r̄y) / Σ(rx − r̄x)²} (TA-Lib's {@code (n·Σrxry − Σrx·Σry)/(n·Σrx² − (Σrx)²)}, computed from
 * the centred, exact window co-moments of {@link WindowComoments} instead of running sums), 0 when x's returns are
 * constant over the window.
 *
 * <p>Returns are TA-Lib's {@code (p − p₋₁)/p₋₁} (the catalog's {@code p/p₋₁ − 1}, in the form TA-Lib computes); a
 * previous price that is negligible next to the current one ({@link Checks#negligible}) gives a return of 0, where
 * TA-Lib tests {@code |p₋₁| < 1e-8} and so zeroes every return of prices quoted below 1e-8. The first bar has no
 * return (lookback n).
 *
 * <p>A missing price makes its own return and the next one missing; the output is NaN while either is inside the
 * window (docs/spec.md §5.2, one-bar references are window reads).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "beta",
        family = Family.STATISTIC,
        summary = "Beta: least-squares slope of y's one-bar returns on x's over the last period returns.",
        reference = "TA-Lib BETA",
        scale = Scale.UNITLESS)
public final class Beta {
    final WindowComoments returns;
    double previousX = Double.NaN;
    double previousY = Double.NaN;

    public Beta(@Param(defaultValue = "5", min = 1, max = 100_000) int period) {
        this.returns = new WindowComoments(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double x, double y) {
        // Bar 0 has no previous price: its return is missing, which is exactly the one-bar extra warm-up.
        double rx = change(x, previousX);
        double ry = change(y, previousY);
        previousX = x;
        previousY = y;
        WindowComoments w = returns;
        w.push(rx, ry);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        w.compute();
        double sxx = w.m2x();
        return sxx == 0.0 ? 0.0 : w.comoment() / sxx;
    }

    /** TA-Lib's return {@code (p − p₋₁)/p₋₁}; 0 when {@code p₋₁} is negligible; NaN when either price is missing. */
    private static double change(double p, double previous) {
        if (!(Math.abs(p) <= Double.MAX_VALUE && Math.abs(previous) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        if (Checks.negligible(previous, p)) {
            return 0.0;
        }
        return (p - previous) / previous;
    }
}
