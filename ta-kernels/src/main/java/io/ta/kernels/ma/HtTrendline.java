package io.ta.kernels.ma;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Nullable;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.cycle.HilbertCore;
import io.ta.state.DoubleRing;

/**
 * Hilbert transform instantaneous trendline (Ehlers, Rocket Science for Traders 2001), as TA-Lib HT_TRENDLINE. Runs
 * the family's {@link HilbertCore}, started at bar 37 as TA-Lib's lookback-63 functions do
 * ({@link HilbertCore#lateStart()}), and on every transformed bar averages the raw input over one dominant cycle,
 * {@code n = (int)(smoothPeriod + 0.5)} bars ({@code iTrend}, summed newest first as TA-Lib), then smooths the last
 * four of those averages with weights 4, 3, 2, 1: {@code (4·iTrend + 3·iTrend₋₁ + 2·iTrend₋₂ + iTrend₋₃)/10},
 * earlier averages starting at 0. First output at bar 63.
 *
 * <p>{@code ht_trendmode} needs this trendline on the transform it already runs, so it holds a {@link #driven()}
 * instance, without a core of its own, and advances it with {@link #follow}.
 *
 * <p>Recursive: a missing input returns NaN and changes no state (§5.2); the averaging window holds valid inputs only.
 * A bar that overflows the transform returns NaN and restarts it, and the trendline with it (HilbertCore,
 * "Overflow"): from the next valid bar on, the outputs are those of a stream started there.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "ht_trendline",
        family = Family.MOVING_AVERAGE,
        summary = "Hilbert transform instantaneous trendline (Ehlers).",
        reference = "TA-Lib HT_TRENDLINE",
        scale = Scale.PRICE)
public final class HtTrendline {
    /** The dominant cycle is clamped to 50 bars, so no average reaches further back. */
    private static final int MAX_CYCLE = 50;

    /** The transform this trendline runs on; null when a composite drives it through {@link #follow}. */
    @Nullable final HilbertCore core;
    final DoubleRing prices;
    double iTrend1;
    double iTrend2;
    double iTrend3;

    public HtTrendline() {
        this(HilbertCore.lateStart());
    }

    private HtTrendline(HilbertCore core) {
        this.core = core;
        this.prices = new DoubleRing(MAX_CYCLE);
    }

    /**
     * A trendline without a transform of its own, for a composite that runs the lookback-63 core
     * ({@link HilbertCore#lateStart()}) itself and passes it to {@link #follow} on every valid
     * bar. Its {@link #step} must not be called.
     */
    public static HtTrendline driven() {
        return new HtTrendline(null);
    }

    public static int lookback() {
        return 63;
    }

    @Step
    public double step(double x) {
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            return Double.NaN;
        }
        core.advance(x);
        return follow(x, core);
    }

    /**
     * Advances the trendline by the valid input {@code x}, which {@code transform} has just consumed; returns the
     * trendline from bar 63, NaN before. Restarts when that bar restarted {@code transform}.
     */
    public double follow(double x, HilbertCore transform) {
        prices.push(x);
        if (!transform.transformed()) {
            if (transform.fresh()) {
                // The bar overflowed the transform, which restarted (HilbertCore, "Overflow"): so does the trendline,
                // or averages of the prices before it would meet a cycle measured without them.
                prices.clear();
                iTrend1 = 0.0;
                iTrend2 = 0.0;
                iTrend3 = 0.0;
            }
            return Double.NaN;
        }
        int n = (int) (transform.smoothPeriod() + 0.5);
        double average = 0.0;
        for (int i = 0; i < n; i++) {
            // Unreachable in practice: the period grows too slowly to outrun the bars seen; TA-Lib would read
            // before its input there.
            average += i < prices.size() ? prices.get(i) : 0.0;
        }
        if (n > 0) {
            average = average / (double) n;
        }
        double trendline = (4.0 * average + 3.0 * iTrend1 + 2.0 * iTrend2 + iTrend3) / 10.0;
        iTrend3 = iTrend2;
        iTrend2 = iTrend1;
        iTrend1 = average;
        return transform.bar() >= lookback() ? trendline : Double.NaN;
    }
}
