package io.ta.kernels.price;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;

/**
 * Heikin-ashi candles (D. Valcu, "Using The Heikin-Ashi Technique", TASC Feb 2004): smoothed bars whose close is the
 * bar's {@link AvgPrice} {@code c = (O + H + L + C)/4} and whose open is the midpoint of the previous heikin-ashi
 * body, {@code o = (o₋₁ + c₋₁)/2}, starting from {@code o₀ = (O₀ + C₀)/2}; the high and low extend the real ones to
 * the body, {@code h = max(H, o, c)}, {@code l = min(L, o, c)}. Valid from the first bar. No TTR or Tulip function
 * computes it.
 *
 * <p>Missing values: the open is recursive state (§5.2) — a bar with any missing input is NaN in every output and is
 * skipped, and the next valid bar opens at the midpoint of the last valid heikin-ashi body. Both means are
 * {@link Means}', finite for finite prices: a bar near the edge of the doubles, whose sums overflowed and which was
 * skipped as missing, is a candle like any other.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "heikin_ashi",
        aliases = "ha",
        family = Family.PRICE,
        scale = Scale.PRICE,
        summary = "Heikin-ashi candles: average-price close, open at the previous candle's body midpoint.",
        reference = "D. Valcu, TASC Feb 2004")
public final class HeikinAshi {
    final AvgPrice average;
    double previousOpen;
    double previousClose;
    boolean started;

    @Output(doc = "midpoint of the previous heikin-ashi body ((open + close)/2 at the first bar)")
    double haOpen;

    @Output(doc = "max(high, ha_open, ha_close)")
    double haHigh;

    @Output(doc = "min(low, ha_open, ha_close)")
    double haLow;

    @Output(doc = "(open + high + low + close) / 4")
    double haClose;

    public HeikinAshi() {
        this.average = new AvgPrice();
    }

    public static int lookback() {
        return 0;
    }

    @Step
    public void step(double open, double high, double low, double close) {
        double c = average.step(open, high, low, close);
        double o = started ? Means.mean(previousOpen, previousClose) : Means.mean(open, close);
        if (!(Math.abs(o) <= Double.MAX_VALUE) || c != c) {
            haOpen = Double.NaN;
            haHigh = Double.NaN;
            haLow = Double.NaN;
            haClose = Double.NaN;
            return;
        }
        started = true;
        previousOpen = o;
        previousClose = c;
        haOpen = o;
        haHigh = Math.max(high, Math.max(o, c));
        haLow = Math.min(low, Math.min(o, c));
        haClose = c;
    }
}
