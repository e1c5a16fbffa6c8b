package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Ema;
import io.ta.kernels.stats.RollingSum;
import io.ta.state.AnchoredSum;

/**
 * Mass index (D. Dorsey, "The Mass Index", TASC June 1992): the sum over {@code sum_period} bars of the ratio of a
 * single to a double {@link Ema} of the bar range, {@code Σ E1/E2} with {@code E1 = ema(H − L, e)} and
 * {@code E2 = ema(E1, e)}; it rises as the range widens (Dorsey's "reversal bulge": above 27, then back below 26.5,
 * with the defaults). A zero E2 (no range at all) gives the ratio 1 (docs/spec.md §5.1).
 *
 * <p>The EMAs are the catalog's (seeded with the mean of their first e valid inputs, §1.5), the second starting at
 * the first's first value, so the ratio exists from {@code 2(e − 1)} and the sum from {@code 2(e − 1) + s − 1}.
 * Tulip {@code mass} has the same formula but seeds its EMAs with the first value (and fixes e = 9); it checks the
 * formula.
 *
 * <p>Missing values: the EMAs skip a missing bar, and the sum is NaN while that bar's missing ratio is inside its
 * window (§5.2).
 *
 * <p>The sum is an {@link AnchoredSum}, sma's window, not a {@link RollingSum}'s block window: the ratios are near 1,
 * never a sum whose size next to zero matters, and the anchored total is the lighter push (performance-log.md,
 * "Rings of a power of two").
 */
@Chart(pane = Chart.Pane.OWN, guides = {26.5, 27})
@Kernel(
        name = "mass",
        aliases = "mass_index",
        family = Family.VOLATILITY,
        scale = Scale.UNITLESS,
        summary = "Mass index: sum over sum_period bars of ema(H-L)/ema(ema(H-L)).",
        reference = "D. Dorsey, TASC June 1992; Tulip mass (formula)")
public final class Mass {
    final Ema single;
    final Ema twice;
    final AnchoredSum total;

    public Mass(
            @Param(defaultValue = "9", min = 1, max = 100_000, doc = "period of both EMAs of the range") int emaPeriod,
            @Param(defaultValue = "25", min = 1, max = 100_000, doc = "how many ratios are summed") int sumPeriod) {
        this.single = new Ema(emaPeriod);
        this.twice = new Ema(emaPeriod);
        this.total = new AnchoredSum(sumPeriod);
    }

    public static int lookback(int emaPeriod, int sumPeriod) {
        return 2 * (emaPeriod - 1) + sumPeriod - 1;
    }

    @Step
    public double step(double high, double low) {
        double e1 = single.step(high - low);
        double e2 = twice.step(e1);
        AnchoredSum w = total;
        w.push(e2 == 0.0 ? 1.0 : e1 / e2);
        return w.isFull() && !w.hasMissing() ? w.sum() : Double.NaN;
    }
}
