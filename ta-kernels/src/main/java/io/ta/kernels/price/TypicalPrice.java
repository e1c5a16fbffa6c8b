package io.ta.kernels.price;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;

/** Typical price, as TA-Lib TYPPRICE: {@code (H + L + C) / 3}. */
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
        return (high + low + close) / 3.0;
    }
}
