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
 * (CATALOG.md §5.1).
 *
 * <p>Cumulative state: a bar with a missing high, low, close or volume outputs NaN and adds nothing (§5.2); an anchor
 * on such a bar still starts the new period, since the anchor itself is known.
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
    double sumPriceVolume;
    double sumVolume;
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
            sumVolume = 0.0;
        }
        volumeBefore = sumVolume;
        if (!(Math.abs(high) <= Double.MAX_VALUE && Math.abs(low) <= Double.MAX_VALUE
                && Math.abs(close) <= Double.MAX_VALUE && Math.abs(volume) <= Double.MAX_VALUE)) {
            price = Double.NaN;
            return Double.NaN;
        }
        double tp = typical.step(high, low, close);
        price = tp;
        sumPriceVolume += tp * volume;
        sumVolume += volume;
        return sumVolume == 0.0 ? tp : sumPriceVolume / sumVolume;
    }
}
