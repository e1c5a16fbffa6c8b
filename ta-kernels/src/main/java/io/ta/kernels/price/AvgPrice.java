package io.ta.kernels.price;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.spi.Checks;
import io.ta.spi.Means;

/**
 * Average price, as TA-Lib AVGPRICE: {@code (O + H + L + C) / 4}, summed in TA-Lib's order {@code ((H + L) + C) + O}
 * so results match it bit for bit; where that sum passes the largest double (a bar near its edge, where it read NaN)
 * it is taken at a smaller scale ({@link Means}). A missing input gives NaN for that bar only.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "avgprice",
        aliases = "ohlc4",
        family = Family.PRICE,
        summary = "Average price: (open + high + low + close) / 4.",
        reference = "TA-Lib AVGPRICE",
        scale = Scale.PRICE)
public final class AvgPrice {
    public AvgPrice() {}

    public static int lookback() {
        return 0;
    }

    @Step
    public double step(double open, double high, double low, double close) {
        // Any non-finite input makes the sum non-finite, so one check covers missing inputs and overflow.
        return Checks.finiteOrNaN(Means.mean(high, low, close, open));
    }
}
