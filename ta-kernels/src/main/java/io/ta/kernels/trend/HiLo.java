package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.ma.Sma;
import io.ta.spi.Checks;

/**
 * Gann HiLo activator (R. Krausz, "The New Gann Swing Chartist", TASC Feb 1998): a trailing line that is the
 * {@link Sma} of the lows ({@code low_period} bars) while the trend is up and the SMA of the highs
 * ({@code high_period} bars) while it is down. The trend turns up when the close rises above the previous bar's
 * high average and down when it falls below the previous bar's low average; otherwise it is kept. Krausz used 3
 * bars for both averages, the defaults here.
 *
 * <p>Outputs: {@code hilo}, the activator line, and {@code direction}, +1 up, −1 down, 0 while no break has happened
 * yet; until the first break the line is the low average, as in the usual Pine formulation
 * ({@code valuewhen(direction != 0, direction, 0)}). Lookback {@code max(high_period, low_period)}: the first bar
 * with both averages of the previous bar.
 *
 * <p>Ties: a close within {@code 1e-12} (relative) of an average does not break it — far below any price tick, far
 * above the rounding of an average (a close of 3.26 against lows averaging exactly 3.26 would otherwise break or not
 * depending on the order of the additions).
 *
 * <p>Missing values: the averages treat a missing high or low as a missing cell of their window; a bar whose
 * comparison reads a missing value outputs NaN and keeps the direction (recursive state, docs/spec.md §5.2).
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "hilo",
        aliases = "gann_hilo",
        family = Family.TREND,
        summary = "Gann HiLo activator: SMA of lows in an uptrend, SMA of highs in a downtrend, flipped by closes.",
        reference = "R. Krausz, TASC Feb 1998; hand-checked and base-R fixtures")
public final class HiLo {
    final Sma highs;
    final Sma lows;
    double previousHigh = Double.NaN;
    double previousLow = Double.NaN;
    double trend;
    @Output(scale = Scale.PRICE, doc = "the activator: low average when up, high average when down")
    double hilo;
    @Chart(pane = Chart.Pane.OWN, style = Chart.Style.STEP)
    @Output(scale = Scale.UNITLESS, doc = "+1 up, -1 down, 0 before the first break")
    double direction;

    public HiLo(
            @Param(defaultValue = "3", min = 1, max = 100_000, doc = "bars in the average of highs") int highPeriod,
            @Param(defaultValue = "3", min = 1, max = 100_000, doc = "bars in the average of lows") int lowPeriod) {
        this.highs = new Sma(highPeriod);
        this.lows = new Sma(lowPeriod);
    }

    public static int lookback(int highPeriod, int lowPeriod) {
        return Math.max(highPeriod, lowPeriod);
    }

    @Step
    public void step(double high, double low, double close) {
        double hiPrior = previousHigh;
        double loPrior = previousLow;
        double hi = highs.step(high);
        double lo = lows.step(low);
        previousHigh = hi;
        previousLow = lo;
        if (!(hiPrior == hiPrior && loPrior == loPrior && hi == hi && lo == lo && Double.isFinite(close))) {
            hilo = direction = Double.NaN;
            return;
        }
        // A break is a gap beyond rounding, one not negligible next to the average. An average of values near the
        // largest double may sum past it and be infinite, and 1e-12 of it is infinite too: gap > 1e-12·|average|
        // counted no gap, though a close below an infinite average of lows is a break. Checks.negligible holds no
        // infinite gap negligible.
        double up = close - hiPrior;
        double down = loPrior - close;
        if (up > 0 && !Checks.negligible(up, hiPrior)) {
            trend = 1.0;
        } else if (down > 0 && !Checks.negligible(down, loPrior)) {
            trend = -1.0;
        }
        direction = trend;
        hilo = trend < 0 ? hi : lo;
    }
}
