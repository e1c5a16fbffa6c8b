package io.ta.kernels.price;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;

/**
 * Median price, as TA-Lib MEDPRICE: {@code (H + L) / 2}, with TA-Lib's bits; finite for every finite bar
 * ({@link Means}: {@code H + L} of a bar near the edge of the doubles passed the largest double, and it read NaN).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "medprice",
        aliases = "hl2",
        family = Family.PRICE,
        summary = "Median price: (high + low) / 2.",
        reference = "TA-Lib MEDPRICE",
        scale = Scale.PRICE)
public final class MedPrice {
    public MedPrice() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double high, double low) {
        return Means.mean(high, low);
    }
}
