package io.ta.kernels.price;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;
import io.ta.spi.Means;

/**
 * Weighted close price, as TA-Lib WCLPRICE: {@code (H + L + 2·C) / 4}, in TA-Lib's order {@code (H + L + C·2) / 4}
 * so results match it bit for bit; where that sum passes the largest double (a bar near its edge, where it read NaN)
 * it is taken at a smaller scale ({@link Means}). A missing input gives NaN for that bar only.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "wclprice",
        family = Family.PRICE,
        summary = "Weighted close price: (high + low + 2·close) / 4.",
        reference = "TA-Lib WCLPRICE",
        scale = Scale.PRICE)
public final class WclPrice {
    public WclPrice() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double high, double low, double close) {
        // Any non-finite input makes the sum non-finite, so one check covers missing inputs and overflow.
        return Checks.finiteOrNaN(Means.weighted(1.0, high, 1.0, low, 2.0, close, 4.0));
    }
}
