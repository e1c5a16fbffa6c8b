package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.Diff;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingMin;
import io.ta.kernels.stats.RollingSum;

/**
 * Vertical horizontal filter (A. White, Futures 1991), as R TTR {@code VHF(price, n)} on one series: the range of the
 * last n values over the distance travelled to cover it, {@code (max − min)/Σ|x − x₋₁|} with {@link RollingMax},
 * {@link RollingMin} and a {@link RollingSum} of the absolute {@link Diff}s over n bars. Near 1 in a trend, small in a
 * range. Lookback n (the first change needs a previous value). A window without any change (flat: the range is
 * exactly 0 too) gives 0 (docs/spec.md §5.1).
 *
 * <p>Missing values make the output NaN while they are inside either window, then it is exact again (§5.2); so does
 * a distance travelled that overflows the doubles (a tick near their edge), where the ratio would read 0.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "vhf",
        aliases = "vertical_horizontal_filter",
        family = Family.TREND,
        summary = "Vertical horizontal filter: (max - min) over the sum of absolute changes in the last period bars.",
        reference = "A. White 1991; R TTR VHF",
        scale = Scale.UNITLESS)
public final class Vhf {
    final RollingMax highest;
    final RollingMin lowest;
    final Diff change;
    final RollingSum travel;

    public Vhf(@Param(defaultValue = "28", min = 1, max = 100_000) int period) {
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
        this.change = new Diff();
        this.travel = new RollingSum(period);
    }

    public static int lookback(int period) {
        return period;
    }

    @Step
    public double step(double x) {
        double range = highest.step(x) - lowest.step(x);
        double path = travel.step(Math.abs(change.step(x)));
        // A distance beyond the largest double (a tick near its edge inside the window) is not known: NaN, as for a
        // missing value, where range/∞ would read 0.
        if (range != range || !(path <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        return range != 0.0 ? range / path : 0.0;
    }
}
