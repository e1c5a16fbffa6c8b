package io.ta.kernels.trend;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.Param;
import io.ta.annotation.Scale;
import io.ta.annotation.Step;
import io.ta.kernels.volatility.Donchian;
import io.ta.spi.Means;
import io.ta.state.DoubleRing;

/**
 * Ichimoku kinko hyo (G. Hosoda, 1969), docs/spec.md §3.5, with T, K, S, D = tenkan_period, kijun_period,
 * span_b_period, displacement. {@code tenkan_sen} and {@code kijun_sen} are the midpoints of the T- and K-bar
 * high/low ranges (each the {@code middle} of a {@link Donchian} channel); {@code senkou_span_a_t} is
 * {@code (tenkan + kijun)/2} of bar {@code t − D}; {@code senkou_span_b_t} is the S-bar range midpoint of bar
 * {@code t − D}; {@code chikou_span_t = C_t}. The spans are stored already shifted forward, so every output is causal.
 *
 * <p>Display offset: charts draw the two spans D bars ahead of the bar they are computed from (already applied
 * here) and {@code chikou_span} D bars back, i.e. at display offset {@code −D}; that offset is not applied to the
 * stored series (laakhay stored {@code C_{t+D}} at t, a look-ahead this kernel does not reproduce, §1.7).
 *
 * <p>The only kernel with per-output lookbacks (§1.3): T−1, K−1, D+max(T,K)−1, D+S−1 and 0; the kernel lookback is
 * their maximum, {@code D + max(T, K, S) − 1}.
 */
@Chart(pane = Chart.Pane.PRICE)
@Kernel(
        name = "ichimoku",
        family = Family.TREND,
        summary = "Ichimoku: tenkan-sen, kijun-sen, the two senkou spans (shifted forward) and the chikou span.",
        reference = "G. Hosoda 1969",
        scale = Scale.PRICE)
public final class Ichimoku {
    final Donchian tenkan;
    final Donchian kijun;
    final Donchian spanB;
    /** The last D+1 unshifted span values; the oldest is bar t − D. */
    final DoubleRing spanADelay;
    final DoubleRing spanBDelay;
    @Output(lookback = "tenkanLookback", doc = "midpoint of the tenkan_period high/low range")
    double tenkanSen;
    @Output(lookback = "kijunLookback", doc = "midpoint of the kijun_period high/low range")
    double kijunSen;
    @Output(lookback = "spanALookback", doc = "(tenkan + kijun) / 2 of displacement bars ago")
    double senkouSpanA;
    @Output(lookback = "spanBLookback", doc = "midpoint of the span_b_period range of displacement bars ago")
    double senkouSpanB;
    @Output(lookback = "chikouLookback", doc = "the close (drawn displacement bars back)")
    double chikouSpan;

    public Ichimoku(
            @Param(defaultValue = "9", min = 1, max = 100_000) int tenkanPeriod,
            @Param(defaultValue = "26", min = 1, max = 100_000) int kijunPeriod,
            @Param(defaultValue = "52", min = 1, max = 100_000) int spanBPeriod,
            @Param(defaultValue = "26", min = 1, max = 100_000) int displacement) {
        this.tenkan = new Donchian(tenkanPeriod);
        this.kijun = new Donchian(kijunPeriod);
        this.spanB = new Donchian(spanBPeriod);
        this.spanADelay = new DoubleRing(displacement + 1);
        this.spanBDelay = new DoubleRing(displacement + 1);
    }

    public static int lookback(int tenkanPeriod, int kijunPeriod, int spanBPeriod, int displacement) {
        return displacement + Math.max(Math.max(tenkanPeriod, kijunPeriod), spanBPeriod) - 1;
    }

    public static int tenkanLookback(int tenkanPeriod) {
        return tenkanPeriod - 1;
    }

    public static int kijunLookback(int kijunPeriod) {
        return kijunPeriod - 1;
    }

    public static int spanALookback(int tenkanPeriod, int kijunPeriod, int displacement) {
        return displacement + Math.max(tenkanPeriod, kijunPeriod) - 1;
    }

    public static int spanBLookback(int spanBPeriod, int displacement) {
        return displacement + spanBPeriod - 1;
    }

    public static int chikouLookback() {
        return 0;
    }

    @Step
    public void step(double high, double low, double close) {
        tenkan.step(high, low);
        kijun.step(high, low);
        spanB.step(high, low);
        tenkanSen = tenkan.middle();
        kijunSen = kijun.middle();
        // Warm-up NaNs go through the delay lines too, so each span's lookback is D plus its source's.
        spanADelay.push(Means.mean(tenkanSen, kijunSen));
        spanBDelay.push(spanB.middle());
        senkouSpanA = spanADelay.isFull() ? spanADelay.oldest() : Double.NaN;
        senkouSpanB = spanBDelay.isFull() ? spanBDelay.oldest() : Double.NaN;
        chikouSpan = close;
    }
}
