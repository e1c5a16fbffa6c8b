package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;

/**
 * Pearson correlation of x and y over the last n bars, as TA-Lib CORREL:
 * {@code (Σxy − ΣxΣy/n) / √((Σx² − (Σx)²/n)·(Σy² − (Σy)²/n))}, 0 when the product under the root is below TA-Lib's
 * epsilon (≤ε, {@code < 1e-8}; CATALOG.md §5.1).
 *
 * <p>The five window sums are {@link RollingSum}s: TA-Lib keeps exactly these running totals (first window summed in
 * order, then the leaving value subtracted and the new one added), so the result matches it bit for bit. Like
 * TA-Lib, nothing clamps the result to [−1, 1]; on windows whose spread is tiny next to their level the running
 * totals' residue can dominate. NaN while a missing value of either input is inside the window.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0}, min = -1, max = 1)
@Kernel(
        name = "correl",
        family = Family.STATISTIC,
        summary = "Pearson correlation of x and y over the last period bars.",
        reference = "TA-Lib CORREL")
public final class Correl {
    final double period;
    final RollingSum sumX;
    final RollingSum sumY;
    final RollingSum sumX2;
    final RollingSum sumY2;
    final RollingSum sumXY;

    public Correl(@Param(defaultValue = "30", min = 1, max = 100_000) int period) {
        this.period = period;
        this.sumX = new RollingSum(period);
        this.sumY = new RollingSum(period);
        this.sumX2 = new RollingSum(period);
        this.sumY2 = new RollingSum(period);
        this.sumXY = new RollingSum(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double x, double y) {
        double sx = sumX.step(x);
        double sy = sumY.step(y);
        double sxx = sumX2.step(x * x);
        double syy = sumY2.step(y * y);
        double sxy = sumXY.step(x * y);
        if (sx != sx || sy != sy || sxx != sxx || syy != syy || sxy != sxy) {
            return Double.NaN;
        }
        double spread = (sxx - sx * sx / period) * (syy - sy * sy / period);
        if (spread < 1e-8) {
            return 0.0;
        }
        return (sxy - sx * sy / period) / Math.sqrt(spread);
    }
}
