package io.ta.kernels.volume;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/**
 * Negative volume index (P. Dysart, 1930s; N. Fosback, "Stock Market Logic", 1976): an index that follows the price
 * only on bars whose volume fell, on the idea that quiet days show what informed money does. It starts at
 * {@code start}; on a bar with {@code V < V₋₁} it moves by the close's percentage change, in Fosback's form
 * {@code nvi += ((C − C₋₁)/C₋₁)·nvi} (the same as multiplying by {@code C/C₋₁}); otherwise it stays. A previous close
 * of 0 leaves it unchanged (CATALOG.md §5.1). Tulip {@code nvi} (start 1000) matches. {@link Pvi} is this index of
 * the negated volume.
 *
 * <p>Missing values: recursive state (§5.2) — a bar with a missing close or volume is skipped and the next valid bar
 * compares with the last valid one. A bar that would overflow the index is skipped the same way, so one extreme bar
 * cannot end the stream with an infinite index.
 */
@Chart(pane = Chart.Pane.OWN)
@Kernel(
        name = "nvi",
        family = Family.VOLUME,
        scale = Scale.UNITLESS,
        summary = "Negative volume index: follows the close's percentage changes on bars whose volume fell.",
        reference = "P. Dysart; N. Fosback, Stock Market Logic 1976; Tulip nvi")
public final class Nvi {
    final double start;
    double value;
    double previousClose;
    double previousVolume;
    boolean started;

    public Nvi(
            @Param(defaultValue = "1000", min = 0, minExclusive = true, doc = "the index at the first bar") double start) {
        this.start = start;
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double close, double volume) {
        if (!(Math.abs(close) <= Double.MAX_VALUE && Math.abs(volume) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        double next = start;
        if (started) {
            next = value;
            if (volume < previousVolume && previousClose != 0.0) {
                next += ((close - previousClose) / previousClose) * value;
            }
            if (!(Math.abs(next) <= Double.MAX_VALUE)) {
                return Double.NaN;
            }
        }
        started = true;
        value = next;
        previousClose = close;
        previousVolume = volume;
        return value;
    }
}
