package io.ta.kernels.volatility;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.spi.Means;

/**
 * Acceleration bands (P. Headley, <i>Big Trends in Trading</i>, 2002), as TA-Lib C 0.6 ACCBANDS: with
 * {@code k = 4·(H − L)/(H + L)}, upper = {@link Sma}{@code (H·(1 + k), n)}, middle = {@code Sma(C, n)}, lower =
 * {@code Sma(L·(1 − k), n)} — TA-Lib's operations in TA-Lib's order.
 *
 * <p>Where {@code H + L} is zero TA-Lib averages H and L themselves; it tests {@code |H + L| < 1e-14}, an absolute
 * threshold that would make the bands depend on the unit prices are quoted in, so this kernel tests whether
 * {@code H + L} is zero to within its own rounding ({@code |H + L| <= 2⁻⁵²·(|H| + |L|)}). The two agree on any price
 * above 1e-14 (and on the golden data). A missing H or L is missing for the upper and lower averages, a missing C
 * for the middle one (docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "accbands",
        aliases = "acceleration_bands",
        family = Family.VOLATILITY,
        scale = Scale.PRICE,
        summary = "Acceleration bands: SMAs of high and low widened by 4(H-L)/(H+L), around the SMA of close.",
        reference = "TA-Lib ACCBANDS (C 0.6); Headley 2002")
public final class AccBands {
    final Sma upperAverage;
    final Sma middleAverage;
    final Sma lowerAverage;
    @Output(doc = "SMA of high * (1 + 4(H-L)/(H+L))")
    double upper;
    @Output(doc = "SMA of close")
    double middle;
    @Output(doc = "SMA of low * (1 - 4(H-L)/(H+L))")
    double lower;

    public AccBands(@Param(defaultValue = "20", min = 2, max = 100_000) int period) {
        this.upperAverage = new Sma(period);
        this.middleAverage = new Sma(period);
        this.lowerAverage = new Sma(period);
    }

    public static int lookback(int period) {
        return period - 1;
    }

    @Step
    public void step(double high, double low, double close) {
        double sum = high + low;
        double up = high;
        double down = low;
        // A sum past the largest double (a bar near its edge) is not ≈ 0, though ∞ is within 2⁻⁵² of the infinite
        // |H| + |L|: the bands were not widened there. There k is taken over the mean, (H + L)/2, which fits: the
        // bits 4(H − L)/(H + L) has with a wider exponent.
        boolean fits = Math.abs(sum) <= Double.MAX_VALUE;
        if (!fits || !(Math.abs(sum) <= 0x1p-52 * (Math.abs(high) + Math.abs(low)))) {
            double k = fits ? 4 * (high - low) / sum : 2 * (high - low) / Means.mean(high, low);
            up = high * (1 + k);
            down = low * (1 - k);
        }
        upper = upperAverage.step(up);
        middle = middleAverage.step(close);
        lower = lowerAverage.step(down);
    }
}
