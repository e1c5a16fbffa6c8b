package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;

/**
 * Beta of y against x, as TA-Lib BETA: the least-squares slope of y's one-bar returns on x's over the last n returns,
 * {@code (n·Σrxry − Σrx·Σry) / (n·Σrx² − (Σrx)²)}, 0 when the denominator is ≈0 ({@code |d| < 1e-8}).
 *
 * <p>Returns are TA-Lib's {@code (p − p₋₁)/p₋₁}, 0 when {@code p₋₁} is ≈0 (the catalog's {@code p/p₋₁ − 1}, in the
 * form TA-Lib computes). The four sums are {@link RollingSum}s over the return series: TA-Lib adds each new return,
 * reports, then subtracts the return leaving the window — the same operations in the same order as a running sum, so
 * the result matches TA-Lib bit for bit. The first bar has no return (lookback n).
 *
 * <p>A missing price makes its own return and the next one missing; the output is NaN while either is inside the
 * window (CATALOG.md §5.2, one-bar references are window reads).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "beta",
        family = Family.STATISTIC,
        summary = "Beta: least-squares slope of y's one-bar returns on x's over the last period returns.",
        reference = "TA-Lib BETA")
public final class Beta {
    final double period;
    final RollingSum sumXX;
    final RollingSum sumXY;
    final RollingSum sumX;
    final RollingSum sumY;
    double previousX = Double.NaN;
    double previousY = Double.NaN;

    public Beta(@Param(defaultValue = "5", min = 1, max = 100_000) int period) {
        this.period = period;
        this.sumXX = new RollingSum(period);
        this.sumXY = new RollingSum(period);
        this.sumX = new RollingSum(period);
        this.sumY = new RollingSum(period);
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
        double sxx = sumXX.step(rx * rx);
        double sxy = sumXY.step(rx * ry);
        double sx = sumX.step(rx);
        double sy = sumY.step(ry);
        if (sxx != sxx || sxy != sxy || sx != sx || sy != sy) {
            return Double.NaN;
        }
        double denominator = period * sxx - sx * sx;
        if (-1e-8 < denominator && denominator < 1e-8) {
            return 0.0;
        }
        return (period * sxy - sx * sy) / denominator;
    }

    /** TA-Lib's return: {@code (p − p₋₁)/p₋₁}, 0 when {@code p₋₁} is ≈0; NaN when either price is missing. */
    private static double change(double p, double previous) {
        if (!(Math.abs(p) <= Double.MAX_VALUE && Math.abs(previous) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        if (-1e-8 < previous && previous < 1e-8) {
            return 0.0;
        }
        return (p - previous) / previous;
    }
}
