package io.ta.kernels.stats;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Shannon entropy (C. Shannon 1948) of normalized values, exactly as pandas-ta {@code entropy} defines it: each value
 * is normalized by the sum of its own last n values, {@code p = x/Σx}, and the output is the sum of
 * {@code −p·log_b(p)} over the last n bars. The p's of one window come from n different (overlapping) sums, so this is
 * pandas-ta's indicator rather than the entropy of one distribution; it is kept as defined there so results agree.
 * Lookback {@code 2(n − 1)}: the second sum starts at the first p (docs/spec.md §1.2). Both sums are
 * {@link RollingSum}s.
 *
 * <p>Defined for positive x (domain {@code x > 0}): a non-positive x counts as missing, so the output is NaN while it
 * is among the {@code 2n − 1} values the output reads (through a sum or a term), then exact again (docs/spec.md §5.2;
 * pandas-ta gives NaN for {@code 0·log 0} too).
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "entropy",
        family = Family.STATISTIC,
        summary = "Sum over period bars of -p*log(p) with p = x / (sum of the last period x), as pandas-ta entropy.",
        reference = "Shannon 1948; pandas-ta entropy",
        scale = Scale.UNITLESS)
public final class Entropy {
    final double logBase;
    final RollingSum total;
    final RollingSum information;

    public Entropy(
            @Param(defaultValue = "10", min = 1, max = 100_000) int period,
            @Param(defaultValue = "2.0", min = 1, minExclusive = true, doc = "base of the logarithm") double base) {
        this.logBase = Math.log(base);
        this.total = new RollingSum(period);
        this.information = new RollingSum(period);
    }

    public static int lookback(int period) {
        return 2 * (period - 1);
    }

    @Step
    public double step(@Input(min = 0, minExclusive = true) double x) {
        double v = x > 0 ? x : Double.NaN;
        double p = v / total.step(v);
        return information.step(-p * Math.log(p) / logBase);
    }
}
