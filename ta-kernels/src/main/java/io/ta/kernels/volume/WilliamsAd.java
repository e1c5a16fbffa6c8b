package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.CumSum;
import io.ta.spi.Branchless;

/**
 * Williams accumulation/distribution (L. Williams), as R TTR {@code williamsAD(HLC)}: the running sum ({@link CumSum})
 * of each bar's move measured from the true range's far end — {@code C − min(L, C₋₁)} on an up close,
 * {@code C − max(H, C₋₁)} on a down close, 0 when the close is unchanged. The price-only sibling of the volume A/D line
 * ({@code ad}): it reads no volume. First output at bar 1 (the first change).
 *
 * <p>Recursive state (docs/spec.md §5.2): a bar whose term reads a missing value (its own, or the previous close)
 * outputs NaN and adds nothing; the sum continues from the next valid bar.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "williams_ad",
        aliases = "wad",
        family = Family.VOLUME,
        summary = "Williams accumulation/distribution: running sum of closes measured from the true range's far end.",
        reference = "L. Williams; R TTR williamsAD",
        scale = Scale.PRICE)
public final class WilliamsAd {
    final CumSum total;
    double previousClose = Double.NaN;

    public WilliamsAd() {
        this.total = new CumSum();
    }

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double high, double low, double close) {
        double before = previousClose;
        previousClose = close;
        if (!(Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close) && Double.isFinite(before))) {
            return Double.NaN;
        }
        // The direction is a coin flip: no branch. At most one of the two is not +0.0, so their sum is that one.
        double move = Branchless.keepIf(close > before, close - Math.min(low, before))
                + Branchless.keepIf(close < before, close - Math.max(high, before));
        return total.step(move);
    }
}
