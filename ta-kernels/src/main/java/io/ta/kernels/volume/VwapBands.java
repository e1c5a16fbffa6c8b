package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Input;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * VWAP bands: the {@link AnchoredVwap} plus and minus {@code multiplier} volume-weighted standard deviations of the
 * typical price around it, over the same anchored period — the bands of TradingView's built-in VWAP indicator
 * ({@code ta.vwap(source, anchor, stdev_mult)}, source hlc3): {@code σ² = Σ(V·TP²)/ΣV − vwap²}, clamped at 0.
 *
 * <p>Numerics: TradingView evaluates that difference of two large sums, which cancels catastrophically when the
 * spread is small next to the price level. Here the weighted sum of squared deviations {@code S = ΣV·(TP − vwap)²}
 * is carried with West's update (D. H. D. West, "Updating mean and variance estimates", CACM 22(9), 1979):
 * {@code S += V·(TP − vwap_before)·(TP − vwap_after)}, which is exact algebra for the same quantity and never
 * subtracts two large totals; {@code σ² = S/ΣV}. An anchor restarts S with the sums. S is held in units of a power
 * of two that grows when a term or the sum would overflow (a price near 1e200: σ fits a double where σ² does not), so
 * the bands are the bits a wider exponent range would give.
 *
 * <p>While {@code ΣV = 0} the bands collapse onto the middle (the bar's TP, as {@link AnchoredVwap}). A bar with a
 * missing high, low, close or volume outputs NaN and changes nothing (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "vwap_bands",
        family = Family.VOLUME,
        scale = Scale.PRICE,
        summary = "Anchored VWAP plus and minus a multiple of the volume-weighted standard deviation of price.",
        reference = "TradingView VWAP (ta.vwap with stdev_mult); hand-checked fixtures")
public final class VwapBands {
    final double multiplier;
    final AnchoredVwap vwap;
    /** ΣV·(TP − vwap)² over the period so far, in units of {@code 2^(2·scale)}. */
    double squaredDeviations;
    /**
     * The binary exponent of the deviations' unit: 0 until a bar's squared deviation, or the sum with it, overflows
     * (one price near 1e200 in a period), then as large as they need (see {@link #rescaled}).
     */
    @Range(min = "0", max = "2048")
    int scale;
    /** The VWAP after the last valid bar. */
    double mean = Double.NaN;
    @Output(doc = "vwap + multiplier * volume-weighted standard deviation")
    double upper;
    @Output(doc = "anchored vwap")
    double middle;
    @Output(doc = "vwap - multiplier * volume-weighted standard deviation")
    double lower;

    public VwapBands(
            @Param(defaultValue = "1.0", min = 0, doc = "band width in standard deviations") double multiplier) {
        this.multiplier = multiplier;
        this.vwap = new AnchoredVwap();
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public void step(
            double high, double low, double close, double volume, @Input(scale = Scale.UNITLESS) double anchor) {
        double m = vwap.step(high, low, close, volume, anchor);
        if (m != m) {
            upper = middle = lower = Double.NaN;
            return;
        }
        double before = mean;
        mean = m;
        if (vwap.volumeBefore == 0.0) {
            squaredDeviations = 0.0;
            scale = 0;
        } else {
            double p = vwap.price;
            double term = scale == 0 ? volume * (p - before) * (p - m) : scaledTerm(volume, p, before, m);
            double sum = squaredDeviations + term;
            if (!(Math.abs(sum) <= Double.MAX_VALUE)) {
                sum = rescaled(volume, p, before, m);
            }
            squaredDeviations = sum;
        }
        double sumVolume = vwap.volumes.total();
        double variance = sumVolume == 0.0 ? 0.0 : squaredDeviations / sumVolume;
        double width = multiplier * Math.sqrt(Math.max(variance, 0.0));
        if (scale != 0) {
            width = Math.scalb(width, scale);
        }
        middle = m;
        upper = m + width;
        lower = m - width;
    }

    /** A bar's {@code V·(TP − vwap₋₁)·(TP − vwap)} in the current unit, {@code 2^(2·scale)}. */
    private double scaledTerm(double volume, double p, double before, double m) {
        double unit = Math.scalb(1.0, -scale);
        return volume * (p * unit - before * unit) * (p * unit - m * unit);
    }

    /**
     * The sum with this bar's term where, in the current unit, the term or the sum overflows: the unit grows by powers
     * of two (the sum rescaled exactly) until both fit. Without it one price of 1e200 in a period made the sum
     * infinite and the bands NaN until the next anchor (for ever without one), where σ is finite; and since a power of
     * two scales exactly, every bit is the one a wider exponent range would give.
     */
    private double rescaled(double volume, double p, double before, double m) {
        double sum;
        do {
            // Past 2¹¹⁰⁰ every finite term is 0 and a finite sum fits; only a sum a forged snapshot made NaN gets to
            // the bound, and stays NaN (until the next anchor) rather than loop.
            scale = Math.min(scale + 32, 2048);
            squaredDeviations = Math.scalb(squaredDeviations, -64);
            sum = squaredDeviations + scaledTerm(volume, p, before, m);
        } while (!(Math.abs(sum) <= Double.MAX_VALUE) && scale < 2048);
        return sum;
    }
}
