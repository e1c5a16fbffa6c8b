package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Balance of power (I. Livshin, 2001), as TA-Lib BOP: {@code (C − O)/(H − L)}; 0 when {@code H − L} is not positive
 * — TA-Lib's {@code TA_IS_ZERO_OR_NEG} without its absolute 1e-8, so bars of prices below 1e-8, and ranges of 1 at
 * 1e15, keep their balance. NaN when any field of the bar is missing.
 */
@Chart(pane = Chart.Pane.OWN, style = Chart.Style.HISTOGRAM, guides = {0}, min = -1, max = 1)
@Kernel(
        name = "bop",
        family = Family.MOMENTUM,
        summary = "Balance of power: (close - open) / (high - low).",
        reference = "TA-Lib BOP (Livshin 2001)",
        scale = Scale.UNITLESS)
public final class Bop {
    public Bop() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        double top = high;
        double range = high - low;
        double move = close - open;
        // One test on the way every bar takes: a missing input makes the range or the move NaN or infinite, and so
        // does a bar from near one edge of the doubles to the other, whose ratio the halves give exactly, where
        // (close − open)/∞ read 0.
        if (!(Math.abs(range) + Math.abs(move) <= Double.MAX_VALUE)) {
            if (!(Double.isFinite(open) && Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close))) {
                return Double.NaN;
            }
            top = high * 0.5;
            range = top - low * 0.5;
            move = close * 0.5 - open * 0.5;
        }
        // H − L of two prices is exact (or rounded, never to 0), so a bar with a range has a balance of power, however
        // small next to the price: a range of 1 at 1e15 read 0 under a relative "≈ 0" of 1e-12.
        return range <= 0.0 ? 0.0 : move / range;
    }
}
