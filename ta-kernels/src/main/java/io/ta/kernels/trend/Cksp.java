package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.stats.RollingMax;
import io.ta.kernels.stats.RollingMin;
import io.ta.kernels.volatility.Atr;

/**
 * Chande Kroll stop (T. Chande and S. Kroll, <i>The New Technical Trader</i>, 1994): volatility stops from the
 * {@code period}-bar extremes and the {@link Atr average true range}, then the extreme of those over
 * {@code stop_period} bars. First stops {@code HH_p − x·ATR_p} and {@code LL_p + x·ATR_p}; then
 * {@code long_stop = max(HH_p − x·ATR_p, q)} — the stop under a long position — and
 * {@code short_stop = min(LL_p + x·ATR_p, q)}, the stop over a short one. Defaults p = 10, x = 1, q = 9, the book's.
 * Descriptions of the book's labels for the two lines differ between sources; the outputs are named for the position
 * they protect, as pandas-ta names them.
 *
 * <p>The ATR is Wilder's (catalog {@code atr}), valid from bar p, so the outputs start at {@code p + q − 1}. Missing
 * values as the composed kernels: window NaN for the extremes, a skipped bar for the ATR (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "cksp",
        aliases = "chande_kroll_stop",
        family = Family.TREND,
        scale = Scale.PRICE,
        summary = "Chande Kroll stop: extremes of ATR-offset period highs/lows over stop_period bars.",
        reference = "T. Chande & S. Kroll, The New Technical Trader (1994); base-R fixtures")
public final class Cksp {
    final double multiplier;
    final Atr atr;
    final RollingMax highest;
    final RollingMin lowest;
    final RollingMax longStops;
    final RollingMin shortStops;
    @Output(doc = "max over stop_period of (highest high - multiplier * atr)")
    double longStop;
    @Output(doc = "min over stop_period of (lowest low + multiplier * atr)")
    double shortStop;

    public Cksp(
            @Param(defaultValue = "10", min = 1, max = 100_000, doc = "bars of the extremes and the ATR") int period,
            @Param(defaultValue = "1.0", min = 0, doc = "ATR multiple") double multiplier,
            @Param(defaultValue = "9", min = 1, max = 100_000, doc = "bars the stops are held") int stopPeriod) {
        this.multiplier = multiplier;
        this.atr = new Atr(period);
        this.highest = new RollingMax(period);
        this.lowest = new RollingMin(period);
        this.longStops = new RollingMax(stopPeriod);
        this.shortStops = new RollingMin(stopPeriod);
    }

    public static int lookback(int period, int stopPeriod) {
        return period + stopPeriod - 1;
    }

    @Step
    public void step(double high, double low, double close) {
        double a = atr.step(high, low, close);
        double hh = highest.step(high);
        double ll = lowest.step(low);
        longStop = longStops.step(hh - multiplier * a);
        shortStop = shortStops.step(ll + multiplier * a);
    }
}
