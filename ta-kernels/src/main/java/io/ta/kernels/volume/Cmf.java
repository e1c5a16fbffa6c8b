package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowSumPair;

/**
 * Chaikin money flow (M. Chaikin): {@code ΣMFV / ΣV} over the last n bars, with money flow volume
 * {@code MFV = ((C − L) − (H − C)) / (H − L) · V}, 0 on a flat bar ({@code H = L}); {@code ΣV = 0} gives 0
 * (docs/spec.md §5.1: non-TA-Lib kernels test exactly {@code == 0}). The multiplier is computed as R TTR's {@code CLV}
 * computes it (close location value, then times volume), and TTR {@code CMF} matches.
 *
 * <p>Both sums are one {@link WindowSumPair}: window sums that do not drift, one count of pushes and one checkpoint
 * for the two. A bar with any missing input (or a money flow that is not finite) is a missing pair: the output is
 * NaN while it is inside the window, then exact again. So is a window whose volumes sum beyond the largest double
 * (docs/contracts.md, "Extreme values"), where the flow over that infinite sum would read 0.
 */
@Chart(pane = Chart.Pane.OWN, guides = {0}, min = -1, max = 1)
@Kernel(
        name = "cmf",
        family = Family.VOLUME,
        summary = "Chaikin money flow: sum of money flow volume over sum of volume, last period bars.",
        reference = "Chaikin; TTR CMF",
        scale = Scale.UNITLESS)
public final class Cmf {
    final WindowSumPair sums;

    public Cmf(@Param(defaultValue = "20", min = 1, max = 100_000) int period) {
        this.sums = new WindowSumPair(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double high, double low, double close, double volume) {
        double range = high - low;
        // A missing input needs no test of its own: it makes the flow or the volume NaN or infinite, and the pair is
        // then missing from both sums. Over a flat range the flow is close − close: 0, or NaN for a missing close.
        double mfv = range == 0.0 ? close - close : ((close - low) - (high - close)) / range * volume;
        WindowSumPair w = sums;
        w.push(mfv, volume);
        if (!w.isFull() || w.hasMissing()) {
            return Double.NaN;
        }
        double sumVolume = w.sumY();
        if (!(sumVolume <= Double.MAX_VALUE)) {
            return Double.NaN; // volumes that sum beyond the largest double: x/inf would read 0
        }
        return sumVolume == 0.0 ? 0.0 : w.sumX() / sumVolume;
    }
}
