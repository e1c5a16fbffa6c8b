package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowSumPair;

/**
 * Intraday momentum index (T. Chande), as TA-Lib C 0.6 IMI: over the last n bars, {@code 100·U/(U + D)} where U sums
 * {@code C − O} of the bars closing above their open and D sums {@code O − C} of the others — an RSI of the bars'
 * own bodies. TA-Lib re-adds the window every bar; this kernel keeps the two sums in one {@link WindowSumPair}
 * (O(1) per bar; the same values to within the sums' rounding), since a bar's gain and loss are missing together.
 *
 * <p>A window of bars that all close at their open ({@code U + D = 0}) gives 0, TA-Lib's convention for RSI and CMO
 * ({@code 0/0} in TA-Lib's IMI, which has no guard). A bar with a missing open or close is missing for both sums: NaN
 * while it is in the window (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {30, 70}, min = 0, max = 100)
@Kernel(
        name = "imi",
        aliases = "intraday_momentum_index",
        family = Family.MOMENTUM,
        scale = Scale.UNITLESS,
        summary = "Intraday momentum index: 100 * up bodies / (up + down bodies) over the last period bars.",
        reference = "TA-Lib IMI (C 0.6); T. Chande")
public final class Imi {
    /** Σ gains and Σ losses. */
    final WindowSumPair bodies;

    public Imi(@Param(defaultValue = "14", min = 2, max = 100_000) int period) {
        this.bodies = new WindowSumPair(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double open, double close) {
        double gain = Double.NaN;
        double loss = Double.NaN;
        if (Math.abs(open) <= Double.MAX_VALUE && Math.abs(close) <= Double.MAX_VALUE) {
            // Math.max, not a select on the direction (a coin flip, and a branch when C2 selects between doubles).
            gain = Math.max(close - open, 0.0);
            loss = Math.max(open - close, 0.0);
        }
        WindowSumPair b = bodies;
        b.push(gain, loss);
        if (!b.isFull() || b.hasMissing()) {
            return Double.NaN;
        }
        double up = b.sumX();
        double down = b.sumY();
        double total = up + down;
        if (!(total <= Double.MAX_VALUE)) {
            return halves(up, down);
        }
        return total == 0 ? 0.0 : 100.0 * (up / total);
    }

    /**
     * The share of gains where the two sums, each finite, add beyond the largest double: the same ratio of their
     * halves, exactly, where up/inf read 0 (NaN if a sum itself overflowed: docs/contracts.md, "Extreme values").
     */
    private static double halves(double up, double down) {
        double u = up * 0.5;
        return 100.0 * (u / (u + down * 0.5));
    }
}
