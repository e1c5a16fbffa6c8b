package io.ta.kernels.price;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * True range (Wilder 1978), as TA-Lib TRANGE: {@code max(H − L, |C₋₁ − H|, |C₋₁ − L|)}, which is
 * {@code max(H, C₋₁) − min(L, C₋₁)} for well-formed bars, computed in TA-Lib's form. The first bar has no previous
 * close and is NaN (lookback 1; docs/spec.md §1.7: laakhay used H − L there). A missing previous close makes the next
 * bar NaN only.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "true_range",
        aliases = {"tr", "trange"},
        family = Family.VOLATILITY,
        summary = "True range: the bar's range extended to the previous close.",
        reference = "TA-Lib TRANGE",
        scale = Scale.PRICE)
public final class TrueRange {
    double previousClose = Double.NaN;

    public TrueRange() {}

    public static int lookback() {
        return 1;
    }

    @Step
    public double step(double high, double low, double close) {
        double c = previousClose;
        previousClose = close;
        return of(c, high, low);
    }

    /**
     * The true range of a bar given the previous bar's close: the greatest of {@code high − low},
     * {@code |previousClose − high|} and {@code |previousClose − low|}, compared in TA-Lib's order; NaN when any of
     * the three is missing. The one home of the formula, for cores that keep the previous close themselves
     * ({@link io.ta.kernels.trend.WilderDm}).
     */
    public static double of(double previousClose, double high, double low) {
        double c = previousClose;
        if (!(Double.isFinite(c) && Double.isFinite(high) && Double.isFinite(low))) {
            return Double.NaN;
        }
        double greatest = high - low;
        double toHigh = Math.abs(c - high);
        if (toHigh > greatest) {
            greatest = toHigh;
        }
        double toLow = Math.abs(c - low);
        if (toLow > greatest) {
            greatest = toLow;
        }
        return greatest;
    }
}
