package io.ta.kernels.momentum;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.state.WindowSumPair;

/**
 * Relative vigor index (J. Ehlers, "Relative Vigor Index", Stocks &amp; Commodities, January 2002): how far closes run
 * from opens relative to the bars' ranges. As Ehlers codes it, both legs are first smoothed with the symmetric
 * weights 1, 2, 2, 1 over four bars, {@code v₁ = ((C − O) + 2(C − O)₋₁ + 2(C − O)₋₂ + (C − O)₋₃)/6} and the same
 * {@code v₂} of {@code H − L}; then {@code rvgi = Σv₁/Σv₂} over {@code period} bars (one {@link WindowSumPair}: rvgi
 * is NaN while either term is missing in the window, which is when the pair counts a pair missing) and {@code signal}
 * is the same 1-2-2-1 smoothing of rvgi. Ehlers' period is 10 (pandas-ta's default is 14).
 *
 * <p>Where {@code Σv₂ = 0} (every bar flat), Ehlers' code keeps the previous value ({@code If Denom <> 0 then RVI =
 * Num/Denom}); here too, and 0 when there is no previous value, as his variables start at 0. Lookback
 * {@code period + 5}: three bars for v, {@code period − 1} for the sums, three for the signal, one for both outputs
 * (docs/spec.md §1.3). Missing values: NaN while they are inside any of the windows, then exact again (§5.2).
 */
@Chart(pane = Chart.Pane.OWN, guides = {0})
@Kernel(
        name = "rvgi",
        aliases = "relative_vigor_index",
        family = Family.MOMENTUM,
        summary = "Relative vigor index: sum of smoothed (close - open) over sum of smoothed (high - low), and its signal.",
        reference = "J. Ehlers, Stocks & Commodities 2002-01 (Relative Vigor Index)",
        scale = Scale.UNITLESS)
public final class Rvgi {
    /** Σv₁ and Σv₂. */
    final WindowSumPair sums;
    double body1 = Double.NaN;
    double body2 = Double.NaN;
    double body3 = Double.NaN;
    double range1 = Double.NaN;
    double range2 = Double.NaN;
    double range3 = Double.NaN;
    double rvi1 = Double.NaN;
    double rvi2 = Double.NaN;
    double rvi3 = Double.NaN;

    @Output(doc = "sum of smoothed (close - open) over sum of smoothed (high - low)")
    double rvgi;

    @Output(doc = "rvgi smoothed with weights 1, 2, 2, 1")
    double signal;

    public Rvgi(@Param(defaultValue = "10", min = 1, max = 100_000) int period) {
        this.sums = new WindowSumPair(period);
    }

    public static int lookback(int period) {
        return period + 5;
    }

    @Step
    public void step(double open, double high, double low, double close) {
        double body = close - open;
        double range = high - low;
        double v1 = smooth(body, body1, body2, body3);
        double v2 = smooth(range, range1, range2, range3);
        body3 = body2;
        body2 = body1;
        body1 = body;
        range3 = range2;
        range2 = range1;
        range1 = range;
        WindowSumPair w = sums;
        w.push(v1, v2);
        double rvi = Double.NaN;
        if (w.isFull() && !w.hasMissing()) {
            double num = w.sumX();
            double den = w.sumY();
            rvi = den != 0.0 ? num / den : rvi1 == rvi1 ? rvi1 : 0.0;
        }
        double sig = smooth(rvi, rvi1, rvi2, rvi3);
        rvi3 = rvi2;
        rvi2 = rvi1;
        rvi1 = rvi;
        rvgi = sig == sig ? rvi : Double.NaN;
        signal = sig;
    }

    /** Ehlers' four-bar symmetric weighting; NaN when any of the four is missing. */
    private static double smooth(double now, double ago1, double ago2, double ago3) {
        return (now + 2 * ago1 + 2 * ago2 + ago3) / 6;
    }
}
