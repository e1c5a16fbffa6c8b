package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.math.CumSum;
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
    /** Σ(TP·V) and ΣV of the period, compensated as {@link Vwap}'s. */
    final CumSum priceVolume;
    final CumSum volumes;
    /** ΣV of the period before this bar's volume was added (0 right after an anchor); read by {@link VwapBands}. */
    double volumeBefore;
    /** This bar's typical price; read by {@link VwapBands}. */
    double price = Double.NaN;

    public AnchoredVwap() {
        this.typical = new TypicalPrice();
        this.priceVolume = new CumSum();
        this.volumes = new CumSum();
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(
            double high, double low, double close, double volume, @Input(scale = Scale.UNITLESS) double anchor) {
        if (anchor != 0.0 && anchor == anchor) {
            priceVolume.clear();
            volumes.clear();
        }
        volumeBefore = volumes.total();
        // A missing input makes the typical price, its product with the volume or the volume NaN or infinite, and so
        // one of the next totals; so does a bar whose price-volume or either sum would overflow. Either way the bar
        // enters neither sum, as in Vwap: an infinite sum would read NaN until the next anchor (for ever without one).
        double tp = typical.step(high, low, close);
        double pv = tp * volume;
        double p = priceVolume.next(pv);
        double v = volumes.next(volume);
        if (!(Double.isFinite(p) && Double.isFinite(v))) {
            price = Double.NaN;
            return Double.NaN;
        }
        price = tp;
        double sumPriceVolume = priceVolume.add(pv, p);
        double sumVolume = volumes.add(volume, v);
        return sumVolume == 0.0 ? tp : sumPriceVolume / sumVolume;
    }
}
