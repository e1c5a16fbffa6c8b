package io.ta.kernels.cycle;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Require;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.SuperSmoother;

/**
 * Ehlers' roofing filter (J. F. Ehlers, "Predictive and Successful Indicators", TASC Jan 2014; <i>Cycle Analytics for
 * Traders</i>, 2013, ch. 7): a band-pass made of a {@link HighPass two-pole high-pass} with cutoff
 * {@code hp_period} (48) that removes the trend, followed by a {@link SuperSmoother} with cutoff {@code ss_period}
 * (10) that removes the noise — only cycles between 10 and 48 bars remain. Both filters start at rest, so the
 * output is valid from bar 0 (see their seeding notes); a missing input is skipped (docs/spec.md §5.2). Each filter
 * restarts on its own overflow (see there); the smoother takes the NaN of a high-pass restart as a missing value and
 * carries on, so the output stays the smoother of the high-pass and remembers an extreme tick until it fades.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "roofing",
        aliases = "roofing_filter",
        family = Family.CYCLE,
        scale = Scale.PRICE,
        summary = "Ehlers' roofing filter: two-pole high-pass then super smoother, cycles between the two periods.",
        reference = "J. F. Ehlers, TASC Jan 2014; base-R fixtures")
@Require(left = "ss_period", op = Require.Op.LT, right = "hp_period")
public final class Roofing {
    final HighPass highPass;
    final SuperSmoother smoother;

    public Roofing(
            @Param(defaultValue = "48", min = 2, max = 100_000, doc = "longest cycle kept") int hpPeriod,
            @Param(defaultValue = "10", min = 2, max = 100_000, doc = "shortest cycle kept") int ssPeriod) {
        this.highPass = new HighPass(hpPeriod);
        this.smoother = new SuperSmoother(ssPeriod);
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double x) {
        return smoother.step(highPass.step(x));
    }
}
