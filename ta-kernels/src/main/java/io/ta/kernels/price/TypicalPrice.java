package io.ta.kernels.price;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Means;

/**
 * Typical price, as TA-Lib TYPPRICE: {@code (H + L + C) / 3}, with TA-Lib's bits; finite for every finite bar
 * ({@link Means}: the sum of a bar near the edge of the doubles passed the largest double, and it read NaN).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "typical_price",
        aliases = {"typprice", "hlc3"},
        family = Family.PRICE,
        summary = "Typical price: (high + low + close) / 3.",
        reference = "TA-Lib TYPPRICE",
        scale = Scale.PRICE)
public final class TypicalPrice {
    public TypicalPrice() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double high, double low, double close) {
        return Means.mean(high, low, close);
    }
}
