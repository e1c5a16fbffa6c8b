package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Step;
import io.ta.kernels.price.TypicalPrice;
import io.ta.state.DoubleRing;

/**
 * Commodity channel index (D. Lambert, 1980), as TA-Lib CCI: with {@code TP} the {@link TypicalPrice} and
 * {@code m} its mean over n bars, {@code CCI = (TP − m)/(0.015·(Σ|TP_i − m|/n))}. Both sums are taken in TA-Lib's
 * order — its circular buffer's slot order (slot = bar index mod n), not age order — so results match TA-Lib bit for
 * bit; O(n) per bar, as TA-Lib.
 *
 * <p>Guard: TA-Lib's, which tests the numerator and the deviation sum for exactly 0 (the catalog's "≈0" reads as
 * TA-Lib's guard, §5.1), giving 0. A missing value makes the output NaN while it is inside the window (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {-100, 100})
@Kernel(
        name = "cci",
        family = Family.MOMENTUM,
        summary = "Commodity channel index: typical price minus its mean, over 0.015 times the mean deviation.",
        reference = "TA-Lib CCI (Lambert 1980)")
public final class Cci {
    final int period;
    final TypicalPrice typical;
    final DoubleRing window;
    long count;
    int missing;

    public Cci(@Param(defaultValue = "20", min = 2, max = 100_000) int period) {
        this.period = period;
        this.typical = new TypicalPrice();
        this.window = new DoubleRing(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public double step(double high, double low, double close) {
        double tp = typical.step(high, low, close);
        boolean full = window.isFull();
        double left = window.push(tp);
        if (full && !Double.isFinite(left)) {
            missing--;
        }
        if (!Double.isFinite(tp)) {
            missing++;
        }
        long newest = count++;
        if (!window.isFull() || missing > 0) {
            return Double.NaN;
        }
        // TA-Lib sums its circular buffer from slot 0 to n−1, where bar t sits in slot t mod n.
        int n = period;
        int first = (int) Math.floorMod(newest, (long) n); // slot of the newest value
        double average = 0;
        for (int slot = 0; slot < n; slot++) {
            average += window.get(Math.floorMod(first - slot, n));
        }
        average /= n;
        double deviation = 0;
        for (int slot = 0; slot < n; slot++) {
            deviation += Math.abs(window.get(Math.floorMod(first - slot, n)) - average);
        }
        double numerator = tp - average;
        return numerator != 0.0 && deviation != 0.0 ? numerator / (0.015 * (deviation / n)) : 0.0;
    }
}
