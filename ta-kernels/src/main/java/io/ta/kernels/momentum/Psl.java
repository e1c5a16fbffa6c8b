package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingSum;
import io.ta.spi.Branchless;

/**
 * Psychological line (PSY; a staple of Japanese and Chinese charting): the percentage of the last n bars that closed
 * above the previous close, {@code 100·#{x_t > x_{t−1}}/n} — 75 means three bars in four rose. The up-bar flags are
 * counted by a {@link RollingSum}; the first flag is at bar 1, so the lookback is n. Default 12 (the usual PSY(12)).
 * A missing value makes its own flag and the next one missing (each reads it), and the output is NaN while either
 * is inside the window (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {25, 75}, min = 0, max = 100)
@Kernel(
        name = "psl",
        aliases = "psychological_line",
        family = Family.MOMENTUM,
        scale = Scale.UNITLESS,
        summary = "Psychological line: percentage of the last period bars that closed higher than the bar before.",
        reference = "PSY (psychological line); pandas-ta psl; base-R fixtures")
public final class Psl {
    final double period;
    final RollingSum ups;
    double previous = Double.NaN;
    boolean started;

    public Psl(@Param(defaultValue = "12", min = 1, max = 100_000) int period) {
        this.period = period;
        this.ups = new RollingSum(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double x) {
        double p = previous;
        previous = x;
        if (!started) {
            started = true;
            return Double.NaN;
        }
        double up = Double.isFinite(p) && Double.isFinite(x) ? Branchless.indicator(x > p) : Double.NaN;
        return 100.0 * ups.step(up) / period;
    }
}
