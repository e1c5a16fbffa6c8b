package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.SeededAverage;

/**
 * Average directional movement index (Wilder 1978), as TA-Lib ADX with its PLUS_DI and MINUS_DI (docs/spec.md §3.2):
 * at bar 2n−1 the mean of the n DX values of bars n..2n−1 (an undefined DX counts 0), then
 * {@code ADX = (ADX₋₁·(n−1) + DX)/n} (a {@link SeededAverage.Wilder}), where an undefined DX leaves ADX unchanged. DX and the DIs come from the
 * composed {@link Dx}, so {@code plus_di}/{@code minus_di} equal the standalone kernels from bar 2n−1 on (before it
 * they are NaN: one lookback for every output, TA-Lib's convention).
 *
 * <p>Recursive: a bar whose DX is missing outputs NaN and leaves the average unchanged (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {25}, min = 0, max = 100)
@Kernel(
        name = "adx",
        family = Family.TREND,
        summary = "Average directional movement index (Wilder), with +DI and -DI.",
        reference = "TA-Lib ADX, PLUS_DI, MINUS_DI (Wilder 1978)",
        scale = Scale.UNITLESS)
public final class Adx {
    final Dx dx;
    final SeededAverage.Wilder average;
    @Output(doc = "Wilder-smoothed DX")
    double adx;
    @Output(doc = "+DI")
    double plusDi;
    @Output(doc = "-DI")
    double minusDi;

    public Adx(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.dx = new Dx(period);
        this.average = new SeededAverage.Wilder(period);
    }

    public static int lookback(int period) {
        return 2 * period - 1;
    }

    @Step
    public void step(double high, double low, double close) {
        adx = Double.NaN;
        plusDi = Double.NaN;
        minusDi = Double.NaN;
        double d = dx.step(high, low, close);
        if (d != d) {
            return;
        }
        // The seed averages the first n DX values, an undefined one counting 0 (TA-Lib); DX is never negative, so
        // adding that 0 leaves the seed's sum bit for bit what skipping it would. Once seeded, an undefined DX leaves
        // the average as it is. One push call site, not one per phase: the seeding one would be cold, and C2 leaves a
        // cold call out of line (kernel guide, "Cold paths call nothing").
        boolean defined = dx.isDefined();
        if (defined || !average.isSeeded()) {
            adx = average.push(defined ? d : 0.0);
            if (adx != adx) {
                return;
            }
        } else {
            adx = average.value();
        }
        plusDi = dx.plusDi();
        minusDi = dx.minusDi();
    }
}
