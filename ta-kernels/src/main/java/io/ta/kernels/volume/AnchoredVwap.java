package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.price.TypicalPrice;

/**
 * Anchored volume-weighted average price: {@code Σ(TP·V) / ΣV} with {@code TP} the {@link TypicalPrice}, summed from
 * the latest anchor — a bar whose {@code anchor} input is true (non-zero), e.g. the first bar of a session, of a
 * week, or of an earnings day — through the current bar. The anchor bar itself opens the new period. Before the
 * first anchor the sums run from the first bar, so {@link Vwap} is this kernel with no anchor at all.
 *
 * <p>The anchor is a condition series ({@code @Input(scale = UNITLESS)}): any expression of the DSL, such as a
 * session-start flag. A missing anchor (NaN) counts as false, so a condition that is still warming up never starts
 * a period. While {@code ΣV = 0} (a period that has traded nothing yet) the output is the bar's TP, as {@link Vwap}'s
 * (docs/spec.md §5.1).
 *
 * <p>Cumulative state: both sums are compensated as {@link Vwap}'s (the exact sum of the period rounded once, so the
 * error does not grow with the period, and with no anchor the output is vwap's bit for bit). A bar with a missing
 * high, low, close or volume outputs NaN and adds nothing (§5.2), and so does a bar whose price-volume or either sum
 * would overflow; an anchor on such a bar still starts the new period, since the anchor itself is known.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "anchored_vwap",
        aliases = "avwap",
        family = Family.VOLUME,
        scale = Scale.PRICE,
        summary = "Volume-weighted average typical price since the latest anchor bar (e.g. a session start).",
        reference = "anchored VWAP (B. Shannon; TradingView VWAP with an anchor period); hand-checked fixtures")
public final class AnchoredVwap {
    final TypicalPrice typical;
    /** Σ(TP·V) of the period, as a running total and the exact rounding errors of its additions (as {@link Vwap}). */
    double sumPriceVolume;
    double priceVolumeError;
    /** ΣV of the period, kept the same way. */
    double sumVolume;
    double volumeError;
    /** ΣV of the period before this bar's volume was added (0 right after an anchor); read by {@link VwapBands}. */
    double volumeBefore;
    /** This bar's typical price; read by {@link VwapBands}. */
    double price = Double.NaN;

    public AnchoredVwap() {
        this.typical = new TypicalPrice();
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(
            double high, double low, double close, double volume, @Input(scale = Scale.UNITLESS) double anchor) {
        if (anchor != 0.0 && anchor == anchor) {
            sumPriceVolume = 0.0;
            priceVolumeError = 0.0;
            sumVolume = 0.0;
            volumeError = 0.0;
        }
        volumeBefore = volume();
        // A missing input makes the typical price, its product with the volume or the volume NaN or infinite, and so
        // one of the next totals; so does a bar whose price-volume or either sum would overflow. Either way the bar
        // enters neither sum, as in Vwap: an infinite sum would read NaN until the next anchor (for ever without one).
        double tp = typical.step(high, low, close);
        double pv = tp * volume;
        double p = sumPriceVolume + pv;
        double v = sumVolume + volume;
        if (!(Double.isFinite(p) && Double.isFinite(v))) {
            price = Double.NaN;
            return Double.NaN;
        }
        price = tp;
        priceVolumeError += error(sumPriceVolume, pv, p);
        sumPriceVolume = p;
        volumeError += error(sumVolume, volume, v);
        sumVolume = v;
        double volumes = volume();
        return volumes == 0.0 ? tp : (p + priceVolumeError) / volumes;
    }

    /** ΣV of the period so far: the exact sum of its volumes, rounded once. */
    double volume() {
        return sumVolume + volumeError;
    }

    /**
     * The exact rounding error of {@code s = a + x} (Fast2Sum with the larger operand first, as {@link
     * io.ta.kernels.math.CumSum}): a plain running total's error grows with the period, 454 ulps of the price after
     * 10⁶ bars without an anchor, where {@link Vwap}'s stays within one.
     */
    static double error(double a, double x, double s) {
        return Math.abs(a) >= Math.abs(x) ? x - (s - a) : a - (s - x);
    }
}
