package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.kernels.candle.CdlScan_Descriptor;
import io.ta.kernels.cycle.Cg_Descriptor;
import io.ta.kernels.cycle.Ebsw_Descriptor;
import io.ta.kernels.ma.Ema_Descriptor;
import io.ta.kernels.ma.ITrend_Descriptor;
import io.ta.kernels.ma.MaType;
import io.ta.kernels.ma.Rma_Descriptor;
import io.ta.kernels.ma.Vwma_Descriptor;
import io.ta.kernels.momentum.Bop_Descriptor;
import io.ta.kernels.momentum.Cci_Descriptor;
import io.ta.kernels.momentum.Imi_Descriptor;
import io.ta.kernels.momentum.LaguerreRsi_Descriptor;
import io.ta.kernels.momentum.MacdExt_Descriptor;
import io.ta.kernels.momentum.Smi_Descriptor;
import io.ta.kernels.momentum.Tsi_Descriptor;
import io.ta.kernels.momentum.Stochf_Descriptor;
import io.ta.kernels.momentum.UltOsc_Descriptor;
import io.ta.kernels.momentum.WilliamsR_Descriptor;
import io.ta.kernels.stats.Correl_Descriptor;
import io.ta.kernels.stats.RSquared_Descriptor;
import io.ta.kernels.stats.RollingStd_Descriptor;
import io.ta.kernels.stats.RollingVar_Descriptor;
import io.ta.kernels.stats.StdErr_Descriptor;
import io.ta.kernels.trend.Dx_Descriptor;
import io.ta.kernels.trend.HiLo_Descriptor;
import io.ta.kernels.trend.MinusDi_Descriptor;
import io.ta.kernels.trend.PlusDi_Descriptor;
import io.ta.kernels.trend.TtmTrend_Descriptor;
import io.ta.kernels.trend.Vhf_Descriptor;
import io.ta.kernels.trend.Vortex_Descriptor;
import io.ta.kernels.volatility.Squeeze_Descriptor;
import io.ta.kernels.volume.Cmf_Descriptor;
import io.ta.kernels.volume.KlingerVf_Descriptor;
import io.ta.kernels.volume.Klinger_Descriptor;
import io.ta.kernels.volume.RelativeVolume_Descriptor;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import io.ta.testing.Descriptors;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Ticks at the edge of the doubles in the recursive averages, where TA-Lib's operation order overflows although the
 * average does not. The property "extreme ticks do not end the stream" checks every kernel for an output left
 * NaN for good; these check the numbers: the average of finite values, computed exactly here, is what comes out.
 */
class ExtremeTickTest {
    static final MathContext EXACT = MathContext.DECIMAL128;

    /** Wilder's {@code (e·13 + x)/14}: e·13 + MAX overflows once the average itself is near MAX/14. */
    @Test
    void wildersAverageOfTwoMaxTicksIsTheirAverage() {
        double[] x = series();
        x[20] = Double.MAX_VALUE;
        x[21] = Double.MAX_VALUE;
        double[] out = new double[x.length];
        Rma_Descriptor.batch(x, 14, out);
        BigDecimal n = BigDecimal.valueOf(14);
        BigDecimal e = BigDecimal.ZERO;
        for (int t = 0; t < 14; t++) {
            e = e.add(new BigDecimal(x[t]));
        }
        e = e.divide(n, EXACT);
        for (int t = 14; t < x.length; t++) {
            e = e.multiply(BigDecimal.valueOf(13)).add(new BigDecimal(x[t])).divide(n, EXACT);
            near(e, out[t], "rma at bar " + t);
        }
    }

    /** TA-Lib's {@code (x − e)·k + e}: x − e overflows for a tick of −MAX after an average near +MAX·k. */
    @Test
    void anEmaAcrossTicksOfBothSignsIsTheirAverage() {
        double[] x = series();
        x[20] = Double.MAX_VALUE;
        x[21] = -Double.MAX_VALUE;
        double[] out = new double[x.length];
        Ema_Descriptor.batch(x, 3, out);
        BigDecimal k = new BigDecimal(2.0 / 4);
        BigDecimal e = new BigDecimal(x[0]).add(new BigDecimal(x[1])).add(new BigDecimal(x[2]))
                .divide(BigDecimal.valueOf(3), EXACT);
        for (int t = 3; t < x.length; t++) {
            e = e.add(k.multiply(new BigDecimal(x[t]).subtract(e)), EXACT);
            near(e, out[t], "ema at bar " + t);
        }
    }

    /** A seed whose sum overflows goes on as the mean: three MAX values average to MAX, as their mean is. */
    @Test
    void aSeedOfMaxValuesIsTheirMean() {
        double[] x = series();
        x[0] = Double.MAX_VALUE;
        x[1] = Double.MAX_VALUE;
        x[2] = Double.MAX_VALUE;
        double[] out = new double[x.length];
        Ema_Descriptor.batch(x, 3, out);
        assertEquals(Double.MAX_VALUE, out[2], 1e-15 * Double.MAX_VALUE);
        near(new BigDecimal(Double.MAX_VALUE).add(new BigDecimal(x[3])).divide(BigDecimal.valueOf(2), EXACT), out[3],
                "ema after the seed");
    }

    /**
     * tsi and smi are ratios of two EMA chains over the same bars, so they lie in [−100, 100]. A tick inside their
     * seeds overflows the seed's sum in one chain (|momentum|, the range) and not in the other: were that value
     * skipped there, the chains would average different bars and the ratio leave its bounds.
     */
    @Test
    void aTickInsideTheSeedsKeepsRatiosOfAveragesWithinTheirBounds() {
        for (int at = 0; at < 40; at++) {
            for (double tick : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE}) {
                double[] x = series();
                x[at] = tick;
                double[] a = new double[x.length];
                double[] b = new double[x.length];
                Tsi_Descriptor.batch(x, 25, 13, 13, a, b);
                within100("tsi", at, a);
                double[] high = series();
                double[] low = series();
                for (int t = 0; t < x.length; t++) {
                    high[t] += 1;
                    low[t] -= 1;
                }
                high[at] = tick;
                low[at] = tick;
                Smi_Descriptor.batch(high, low, x, 6, 11, 7, 8, a, b);
                within100("smi", at, a);
            }
        }
    }

    static void within100(String kernel, int at, double[] out) {
        for (int t = 0; t < out.length; t++) {
            assertTrue(Double.isNaN(out[t]) || Math.abs(out[t]) <= 100 + 1e-9,
                    kernel + " with a tick at bar " + at + " is " + out[t] + " at bar " + t);
        }
    }

    /** Volumes whose window sum overflows leave the weights unknown: NaN, not Σx·V / ∞ = 0. */
    @Test
    void aVwmaOverVolumesThatOverflowIsNaN() {
        double[] x = series();
        double[] volume = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            x[t] *= 1e-4; // prices near 0.01: each x·V fits, and so does their sum, while the volumes' does not
            volume[t] = 1e308;
        }
        double[] out = new double[x.length];
        Vwma_Descriptor.batch(x, volume, 5, out);
        for (int t = 4; t < x.length; t++) {
            assertTrue(Double.isNaN(out[t]), "vwma at bar " + t + " is " + out[t]);
        }
    }

    /**
     * ebsw is unitless, and power-of-two scales are exact: prices 2^850 times larger, whose squares overflow, or
     * 2^850 times smaller, whose squares underflow, give the same bits. Its power was 0 there, and so was the wave
     * (and for thousands of bars after one tick of MAX_VALUE).
     */
    @Test
    void ebswIsTheSameAtPowerOfTwoScalesWhereItsSquaresOverflow() {
        double[] x = walk(3_000);
        double[] plain = ebsw(x);
        for (int k : new int[] {850, -850}) {
            double[] scaled = ebsw(scaled(x, k));
            for (int t = 0; t < x.length; t++) {
                assertEquals(Double.doubleToLongBits(plain[t]), Double.doubleToLongBits(scaled[t]),
                        "ebsw at bar " + t + " of prices times 2^" + k + ": " + scaled[t] + ", unscaled " + plain[t]);
            }
        }
    }

    /**
     * A filter whose state two ticks would make infinite (a change of −MAX to MAX overflows; so do two MAX in a
     * row) restarts: one bar NaN, then the outputs of a stream started on the next bar, where they were NaN for ever.
     */
    @Test
    void filtersRestartWhereTwoTicksOverflowTheirState() {
        restarts("ebsw", new double[] {Double.MAX_VALUE, -Double.MAX_VALUE}, ExtremeTickTest::ebsw);
        restarts("ebsw", new double[] {-Double.MAX_VALUE, Double.MAX_VALUE}, ExtremeTickTest::ebsw);
        restarts("laguerre_rsi", new double[] {Double.MAX_VALUE, -Double.MAX_VALUE}, x -> {
            double[] out = new double[x.length];
            LaguerreRsi_Descriptor.batch(x, 0.01, out);
            return out;
        });
        restarts("itrend", new double[] {Double.MAX_VALUE, Double.MAX_VALUE}, x -> {
            double[] out = new double[x.length];
            ITrend_Descriptor.batch(x, 0.75, out, new double[x.length]);
            return out;
        });
    }

    static void restarts(String kernel, double[] ticks, UnaryOperator<double[]> run) {
        double[] x = walk(400);
        int p = 150;
        System.arraycopy(ticks, 0, x, p, ticks.length);
        double[] out = run.apply(x);
        assertTrue(!Double.isNaN(out[x.length - 1]), kernel + " after " + Arrays.toString(ticks) + ": NaN for good");
        // The restart's bar is NaN, and every output after it is a fresh stream's from the next bar (whose warm-up is
        // NaN too, and an output may be NaN a bar before the restart, where a difference of two values overflows).
        for (int r = p; r < p + ticks.length + 8; r++) {
            if (Double.isNaN(out[r]) && Arrays.equals(run.apply(Arrays.copyOfRange(x, r + 1, x.length)),
                    Arrays.copyOfRange(out, r + 1, x.length))) {
                return;
            }
        }
        throw new AssertionError(kernel + " after " + Arrays.toString(ticks) + " at bar " + p + ": from no bar up to "
                + (p + ticks.length + 7) + " on are the outputs a fresh stream's, after a NaN");
    }

    /**
     * A window sum that overflows is not known, so a ratio to it is NaN, not 0: vhf's distance travelled, ultosc's true
     * ranges, cci's deviations, cmf's volumes, cg's total; and so is macdext's line under a wma whose weighted sum
     * overflowed. Wherever the run with a MAX tick has a value, it is the value of the same run at prices 2^64 times
     * smaller, where nothing overflows (scaled back for macdext's line, a price; the others are unitless).
     */
    @Test
    void ratiosToWindowSumsThatOverflowAreNaN() {
        for (double tick : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE}) {
            double[] x = walk(300);
            x[150] = tick;
            double[] small = scaled(x, -64);
            double[] big = new double[x.length];
            double[] exact = new double[x.length];
            Vhf_Descriptor.batch(x, 28, big);
            Vhf_Descriptor.batch(small, 28, exact);
            nanOrEqual("vhf", tick, big, exact);
            double[] high = x.clone();
            double[] low = x.clone();
            for (int t = 0; t < x.length; t++) {
                high[t] += t == 150 ? 0 : 1;
                low[t] -= t == 150 ? 0 : 1;
            }
            UltOsc_Descriptor.batch(high, low, x, 7, 14, 28, big);
            UltOsc_Descriptor.batch(scaled(high, -64), scaled(low, -64), small, 7, 14, 28, exact);
            nanOrEqual("ultosc", tick, big, exact);
            // Two highs at the top: the typical prices are finite, the sum of their deviations is not.
            double[] close = walk(300);
            double[] h = shifted(close, 1);
            double[] l = shifted(close, -1);
            h[150] = tick;
            h[151] = tick;
            Cci_Descriptor.batch(h, l, close, 20, big);
            Cci_Descriptor.batch(scaled(h, -64), scaled(l, -64), scaled(close, -64), 20, exact);
            nanOrEqual("cci", tick, big, exact);
            // One tick makes a wma's weighted sum overflow: macdext's line over it is not known, where the guard for a
            // flat window (a line negligible next to the slow average) took -inf next to inf for 0.
            double[] z = walk(300);
            z[150] = tick;
            double[] signal = new double[z.length];
            double[] histogram = new double[z.length];
            MacdExt_Descriptor.batch(z, 11, 14, 2, MaType.TEMA, MaType.WMA, MaType.SMA, big, signal, histogram);
            MacdExt_Descriptor.batch(scaled(z, -64), 11, 14, 2, MaType.TEMA, MaType.WMA, MaType.SMA, exact, signal,
                    histogram);
            nanOrEqual("macdext", tick, big, scaled(exact, 64));
        }
        // Volumes and cg's values at the top, where the tick's sign is the data's (volumes are not negative).
        double m = Double.MAX_VALUE;
        double[] big = new double[300];
        double[] exact = new double[300];
        // Two volumes at the top: every flow is finite, the volumes' sum is not.
        double[] close = walk(300);
        double[] volume = walk(300);
        volume[150] = m;
        volume[151] = m;
        double[] h = shifted(close, 1);
        double[] l = shifted(close, -2); // a close above the middle of its range: a flow of a third of the volume
        Cmf_Descriptor.batch(h, l, close, volume, 20, big);
        Cmf_Descriptor.batch(scaled(h, -64), scaled(l, -64), scaled(close, -64), scaled(volume, -64), 20, exact);
        nanOrEqual("cmf", m, big, exact);
        // Three volumes, or three highs, of half the largest double: each fits, as does a bar's range, their sum does
        // not, and a volume over the infinite average read 0 (6.7 in a window of 20), vortex's movement over the true
        // ranges' sum 0 (0.67). Compared while the window holds the ticks: once they have left, the scaled run's own
        // sums are off by their absorption (docs/contracts.md, "Extreme values").
        int held = 153 + 13;
        double[] v3 = walk(300);
        double[] h3 = shifted(close, 1);
        for (int t = 150; t <= 152; t++) {
            v3[t] = 0.5 * m;
            h3[t] = 0.5 * m;
        }
        RelativeVolume_Descriptor.batch(v3, 20, big);
        RelativeVolume_Descriptor.batch(scaled(v3, -64), 20, exact);
        nanOrEqual("relative_volume", m, Arrays.copyOf(big, held), Arrays.copyOf(exact, held));
        double[] minus = new double[300];
        double[] exactMinus = new double[300];
        Vortex_Descriptor.batch(h3, l, close, 14, big, minus);
        Vortex_Descriptor.batch(scaled(h3, -64), scaled(l, -64), scaled(close, -64), 14, exact, exactMinus);
        nanOrEqual("vortex plus", m, Arrays.copyOf(big, held), Arrays.copyOf(exact, held));
        nanOrEqual("vortex minus", m, Arrays.copyOf(minus, held), Arrays.copyOf(exactMinus, held));
        // Two ticks at the top in a window of two: its total, taken as 2·MAX plus the values' offsets from MAX,
        // overflows where the values' own sum need not.
        double[] y = walk(300);
        y[150] = m;
        y[151] = m;
        for (int period : new int[] {2, 10}) {
            Cg_Descriptor.batch(y, period, big);
            Cg_Descriptor.batch(scaled(y, -64), period, exact);
            nanOrEqual("cg", m, big, exact);
        }
    }

    /**
     * Ticks of 1e200 and −1e200 square beyond the largest double, while their sum (and mean) fits: the centred second
     * moment compared the infinite square sum with its rounding bound, found it under it, and read 0, a flat window (a
     * standard deviation of 0 where it is 3e199, a correlation of 0). It is NaN while the ticks are in the window;
     * every value is the same run's at prices 2^-332 times smaller, where the squares fit, scaled back. So is squeeze's
     * "on", which compared its NaN bands with its channel and read "off".
     */
    @Test
    void momentsOfSquaresThatOverflowAreNaN() {
        int k = 332;
        double[] x = walk(300);
        x[150] = 1e200;
        double[] y = x.clone();
        y[151] = -1e200;
        double[] small = scaled(y, -k);
        double[] big = new double[x.length];
        double[] exact = new double[x.length];
        RollingStd_Descriptor.batch(y, 20, 1.0, big);
        RollingStd_Descriptor.batch(small, 20, 1.0, exact);
        nanOrEqual("rolling_std", 1e200, big, scaled(exact, k));
        RollingVar_Descriptor.batch(y, 20, big);
        RollingVar_Descriptor.batch(small, 20, exact);
        nanOrEqual("var", 1e200, big, scaled(exact, 2 * k));
        StdErr_Descriptor.batch(y, 14, big);
        StdErr_Descriptor.batch(small, 14, exact);
        nanOrEqual("stderr", 1e200, big, scaled(exact, k));
        RSquared_Descriptor.batch(y, 14, big);
        RSquared_Descriptor.batch(small, 14, exact);
        nanOrEqual("rsquared", 1e200, big, exact);
        Correl_Descriptor.batch(y, walk(300), 30, big);
        Correl_Descriptor.batch(small, scaled(walk(300), -k), 30, exact);
        nanOrEqual("correl", 1e200, big, exact);
        assertTrue(Double.isNaN(big[160]), "correl with 1e200 and -1e200 in its window: " + big[160]);
        // squeeze's "on" compared NaN bands with its channel and read 0 (off) where the bands are inside it.
        double[] x1 = x.clone();
        x1[150] = -1e200;
        double[] h = shifted(x1, 1);
        double[] l = shifted(x1, -1);
        double[] momentum = new double[x.length];
        Squeeze_Descriptor.batch(h, l, x1, 7, 2.5, 3.3, big, momentum);
        Squeeze_Descriptor.batch(scaled(h, -k), scaled(l, -k), scaled(x1, -k), 7, 2.5, 3.3, exact, momentum);
        nanOrEqual("squeeze", -1e200, big, exact);
    }

    /**
     * A bar at MAX_VALUE: its +DM and true range are near the largest double, and so are Wilder's sums, which still
     * fit. The DI's "≈0" test compared the true-range sum with n times the last high, a product past the largest
     * double, next to which every sum is negligible: +DI read 0 on that bar where it is 100, and dx 3.8 where it is 100.
     * On that bar every value is the same run's at prices 2^64 times smaller. (The next bars differ by the documented
     * skip: the bar after the tick would take the sums past the largest double.)
     */
    @Test
    void directionalIndicatorsOnABarNearTheLargestDouble() {
        double[] c = walk(300);
        double[] h = shifted(c, 1);
        double[] l = shifted(c, -1);
        h[150] = Double.MAX_VALUE;
        l[150] = Double.MAX_VALUE;
        c[150] = Double.MAX_VALUE;
        double[] big = new double[c.length];
        double[] exact = new double[c.length];
        double[] hs = scaled(h, -64);
        double[] ls = scaled(l, -64);
        double[] cs = scaled(c, -64);
        PlusDi_Descriptor.batch(h, l, c, 14, big);
        PlusDi_Descriptor.batch(hs, ls, cs, 14, exact);
        assertEquals(exact[150], big[150], 0.0, "plus_di on the bar");
        assertEquals(100.0, big[150], 1e-9, "plus_di on the bar");
        MinusDi_Descriptor.batch(h, l, c, 14, big);
        MinusDi_Descriptor.batch(hs, ls, cs, 14, exact);
        assertEquals(exact[150], big[150], 0.0, "minus_di on the bar");
        Dx_Descriptor.batch(h, l, c, 14, big);
        Dx_Descriptor.batch(hs, ls, cs, 14, exact);
        assertEquals(exact[150], big[150], 0.0, "dx on the bar");
    }

    /**
     * Bars near MAX_VALUE make averages of highs, lows or medians that sum past the largest double, and a kernel built
     * on them holds them infinite. The trend tests compared the close's gap to such an average with 1e-12 of it,
     * infinite too: hilo's break below the average of lows was no break (an up trend where it is down), ttm_trend read
     * a close far below its average as flat (0 where it is −1). While an average holds a tick, every value they give is
     * the run's at prices 2^64 times smaller.
     */
    @Test
    void trendsAgainstAveragesPastTheLargestDouble() {
        for (int period : new int[] {2, 3, 5}) {
            double[] c = walk(300);
            c[150] = Double.MAX_VALUE;
            c[151] = Double.MAX_VALUE;
            double[] h = shifted(c, 1);
            double[] l = shifted(c, -1);
            h[150] = h[151] = l[150] = l[151] = Double.MAX_VALUE;
            double[] hilo = new double[c.length];
            double[] direction = new double[c.length];
            double[] exactHilo = new double[c.length];
            double[] exactDirection = new double[c.length];
            HiLo_Descriptor.batch(h, l, c, period, period, hilo, direction);
            HiLo_Descriptor.batch(scaled(h, -64), scaled(l, -64), scaled(c, -64), period, period, exactHilo,
                    exactDirection);
            // Up to the last bar whose average holds a tick: once they have left, the scaled run's own sums are off
            // by the ticks' absorption (docs/contracts.md, "Extreme values"), and it is no reference.
            int held = 152 + period;
            nanOrEqual("hilo(" + period + ")", Double.MAX_VALUE, Arrays.copyOf(hilo, held),
                    Arrays.copyOf(scaled(exactHilo, 64), held));
            nanOrEqual("hilo(" + period + ") direction", Double.MAX_VALUE, Arrays.copyOf(direction, held),
                    Arrays.copyOf(exactDirection, held));
        }
        // ttm_trend averages medians, which a bar at MAX_VALUE takes past the largest double (missing): three bars of
        // half of it, whose medians fit and whose average's sum does not.
        for (int period : new int[] {3, 5}) {
            double[] c = walk(300);
            double[] h = shifted(c, 1);
            double[] l = shifted(c, -1);
            for (int t = 150; t <= 152; t++) {
                h[t] = 0.5 * Double.MAX_VALUE;
                l[t] = 0.45 * Double.MAX_VALUE;
                c[t] = 0.47 * Double.MAX_VALUE;
            }
            double[] trend = new double[c.length];
            double[] exact = new double[c.length];
            TtmTrend_Descriptor.batch(h, l, c, period, trend);
            TtmTrend_Descriptor.batch(scaled(h, -64), scaled(l, -64), scaled(c, -64), period, exact);
            int held = 153 + period;
            nanOrEqual("ttm_trend(" + period + ")", Double.MAX_VALUE, Arrays.copyOf(trend, held),
                    Arrays.copyOf(exact, held));
        }
    }

    /**
     * Two opens of MAX_VALUE make bodies that sum past the largest double: the candle averages are infinite while they
     * are in the window (a threshold no candle crosses, as at its true size), then NaN until their block is rebuilt,
     * where every comparison with them was false and a pattern read 0, "none", on bars where the same candles at prices
     * 2^64 times smaller show one. Every pattern (cdl_scan's 61 outputs) is that run's value wherever it has one.
     */
    @Test
    void candlePatternsJudgedByAverageThatOverflowedAreNaN() {
        SplittableRandom r = new SplittableRandom(59);
        int n = 400;
        double[][] candles = new double[4][n];
        double v = 100;
        for (int t = 0; t < n; t++) {
            double o = v + r.nextGaussian();
            double c = r.nextInt(8) == 0 ? o : o + 2 * r.nextGaussian(); // a doji now and then
            candles[0][t] = o;
            candles[1][t] = Math.max(o, c) + (r.nextInt(4) == 0 ? 0 : r.nextDouble() * 2);
            candles[2][t] = Math.min(o, c) - (r.nextInt(4) == 0 ? 0 : r.nextDouble() * 2);
            candles[3][t] = c;
            v = c;
        }
        for (double[] ticks : new double[][] {{Double.MAX_VALUE, Double.MAX_VALUE}, {-Double.MAX_VALUE,
                Double.MAX_VALUE}}) {
            double[][] big = new double[4][];
            double[][] small = new double[4][];
            for (int i = 0; i < 4; i++) {
                big[i] = candles[i].clone();
                if (i == 0) {
                    System.arraycopy(ticks, 0, big[i], 150, ticks.length);
                }
                small[i] = scaled(big[i], -64);
            }
            ParamValues p = ParamValues.defaults(CdlScan_Descriptor.INSTANCE);
            double[][] out = CdlScan_Descriptor.INSTANCE.batch(p, big);
            double[][] exact = CdlScan_Descriptor.INSTANCE.batch(p, small);
            for (int o = 0; o < out.length; o++) {
                nanOrEqual(CdlScan_Descriptor.INSTANCE.outputs().get(o).name(), ticks[0], out[o], exact[o]);
                assertTrue(Double.isFinite(out[o][n - 1]), "a pattern after the ticks: " + out[o][n - 1]);
            }
        }
    }

    /**
     * Moves that each fit a double but add beyond it: imi's gains and losses after a close of MAX, then of −MAX;
     * laguerre_rsi's rises and falls between taps after one tick. Their share is the same ratio of halves (eighths),
     * exactly, where up/∞ read 0: the value of the same run at prices 2^64 times smaller.
     */
    @Test
    void sharesOfMovesThatAddBeyondTheLargestDoubleAreTheirRatios() {
        double m = Double.MAX_VALUE;
        double[] open = walk(300);
        double[] close = shifted(open, 0.5);
        close[150] = m;
        close[151] = -m;
        double[] big = new double[close.length];
        double[] exact = new double[close.length];
        Imi_Descriptor.batch(open, close, 14, big);
        Imi_Descriptor.batch(scaled(open, -64), scaled(close, -64), 14, exact);
        nanOrEqual("imi", m, big, exact);
        assertEquals(exact[152], big[152], "imi with a gain and a loss of about MAX in its window");
        for (double tick : new double[] {m, -m}) {
            double[] x = walk(300);
            x[150] = tick;
            LaguerreRsi_Descriptor.batch(x, 0.5, big);
            LaguerreRsi_Descriptor.batch(scaled(x, -64), 0.5, exact);
            nanOrEqual("laguerre_rsi", tick, big, exact);
            assertEquals(exact[151], big[151], "laguerre_rsi the bar after a tick of " + tick);
        }
    }

    /**
     * Klinger's volume force over a range near the largest double: {@code 2·dm/cm} overflowed, and the bar's force
     * (finite) was skipped as infinite, which klinger's averages remembered for hundreds of bars; two such ranges
     * made {@code cm} infinite, and the force of the bar that did it read its whole volume where it is about 0. Now
     * the first is exact and the second is a skipped bar, as other measurements a double cannot hold are: the force
     * is NaN there and everywhere else the value of the run at prices 2^64 times smaller (the volumes as they are).
     */
    @Test
    void klingersForceOverARangeNearTheLargestDouble() {
        double[] close = walk(400);
        double[] low = shifted(close, -1);
        double[] volume = walk(400);
        int n = close.length;
        double[] big = new double[n];
        double[] exact = new double[n];
        double[] signal = new double[n];
        for (double[] ticks : new double[][] {{Double.MAX_VALUE}, {Double.MAX_VALUE, Double.MAX_VALUE}}) {
            double[] high = shifted(close, 1);
            System.arraycopy(ticks, 0, high, 150, ticks.length);
            double[] sh = scaled(high, -64);
            double[] sl = scaled(low, -64);
            double[] sc = scaled(close, -64);
            KlingerVf_Descriptor.batch(high, low, close, volume, big);
            KlingerVf_Descriptor.batch(sh, sl, sc, volume, exact);
            nanOrEqual("klinger_vf", ticks.length, big, exact);
            assertEquals(ticks.length == 1, Double.isFinite(big[150 + ticks.length - 1]), "klinger_vf's last tick");
            if (ticks.length == 1) {
                Klinger_Descriptor.batch(high, low, close, volume, 34, 55, 13, big, signal);
                Klinger_Descriptor.batch(sh, sl, sc, volume, 34, 55, 13, exact, signal);
                nanOrEqual("klinger", ticks.length, big, exact);
                assertTrue(Double.isFinite(big[n - 1]), "klinger after one tick: " + big[n - 1]);
            }
        }
    }

    /**
     * A range from near one edge of the doubles to the other overflows, and a position in it divided by ∞ read 0
     * (williams_r, stochf's %K, bop): the same ratios of halves are exact. Wherever the run with the ticks has a value,
     * it is the value of the same run at prices 2^64 times smaller.
     */
    @Test
    void positionsInARangeThatOverflowsAreTheirRatios() {
        double m = Double.MAX_VALUE;
        double[] close = walk(300);
        double[] high = shifted(close, 1);
        double[] low = shifted(close, -1);
        double[] open = close.clone();
        high[150] = m;
        low[150] = m / 2;
        close[150] = m * 0.75;
        high[151] = -m / 2;
        low[151] = -m;
        close[151] = -m * 0.75;
        open[152] = 0;
        high[152] = m;
        low[152] = -m;
        close[152] = m / 2;
        double[] sh = scaled(high, -64);
        double[] sl = scaled(low, -64);
        double[] sc = scaled(close, -64);
        double[] so = scaled(open, -64);
        int n = close.length;
        double[] big = new double[n];
        double[] exact = new double[n];
        WilliamsR_Descriptor.batch(high, low, close, 14, big);
        WilliamsR_Descriptor.batch(sh, sl, sc, 14, exact);
        nanOrEqual("williams_r", m, big, exact);
        Stochf_Descriptor.batch(high, low, close, 5, 3, MaType.SMA, big, new double[n]);
        Stochf_Descriptor.batch(sh, sl, sc, 5, 3, MaType.SMA, exact, new double[n]);
        nanOrEqual("stochf", m, big, exact);
        Bop_Descriptor.batch(open, high, low, close, big);
        Bop_Descriptor.batch(so, sh, sl, sc, exact);
        nanOrEqual("bop", m, big, exact);
        assertEquals(0.25, big[152], "bop of a bar from -MAX to MAX, opened at 0 and closed at MAX/2");
    }

    /**
     * bias, {@code 100·(x − m)/m}, and ravi, {@code 100·|s − l|/|l|}: a tick near the edge of the doubles whose
     * averages fit made the difference's hundredfold overflow where the ratio does not (bias about 196 read NaN). The
     * ratio is scale-free and the averages scale exactly, so the run must be the run at 2^-64, bit for bit.
     */
    @Test
    void aRatioToAnAverageWhoseHundredfoldDifferenceOverflowsIsItsRatio() {
        double[] x = new double[40];
        java.util.Arrays.fill(x, 1e306);
        x[20] = 1.5e308;
        x[21] = -1.5e308;
        x[30] = 1.7e308;
        double[] small = scaled(x, -64);
        assertEquals(Arrays.toString(Ta.bias(small, 3)), Arrays.toString(Ta.bias(x, 3)), "bias");
        assertEquals(Arrays.toString(Ta.ravi(small, 2, 4)), Arrays.toString(Ta.ravi(x, 2, 4)), "ravi");
        double m = (1e306 / 4 + 1e306 / 4 + 1.5e308 / 4) / 3 * 4;
        assertEquals(100 * (1.5e308 / m - 1), Ta.bias(x, 3)[20], 1e-12 * 196, "bias of the tick");
    }

    /**
     * fisher's position of the median in its window's range, {@code (m − lo)/(hi − lo)}, is recursive state: where the
     * range passed the largest double (bars near either edge in one window, whose medians fit), ∞/∞ made it NaN, and
     * the transform stayed NaN for good. The ratio of halves is exact, so the run is the run at 2^-64, bit for bit.
     */
    @Test
    void fishersPositionInARangeThatOverflowsIsItsRatio() {
        double m = Double.MAX_VALUE;
        double[] close = walk(300);
        double[] high = shifted(close, 1);
        double[] low = shifted(close, -1);
        high[150] = 1.2e308;
        low[150] = 1.0e308;
        high[151] = -1.0e308;
        low[151] = -1.2e308;
        high[152] = m;
        low[152] = m / 2;
        KernelDescriptor d = Descriptors.named("fisher");
        ParamValues p = ParamValues.defaults(d);
        double[][] big = d.batch(p, new double[][] {high, low});
        double[][] exact = d.batch(p, new double[][] {scaled(high, -64), scaled(low, -64)});
        for (int o = 0; o < big.length; o++) {
            for (int t = 0; t < close.length; t++) {
                assertEquals(exact[o][t], big[o][t], "fisher." + d.outputs().get(o).name() + " at bar " + t);
            }
        }
    }

    static void nanOrEqual(String kernel, double tick, double[] out, double[] exact) {
        for (int t = 0; t < out.length; t++) {
            assertTrue(Double.isNaN(out[t]) || Math.abs(out[t] - exact[t]) <= 1e-12 * Math.abs(exact[t]),
                    kernel + " after a tick of " + tick + " at bar " + t + ": " + out[t] + ", without overflow "
                            + exact[t]);
        }
    }

    /** {@code x} moved by {@code d}: highs and lows around a close. */
    static double[] shifted(double[] x, double d) {
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            y[t] = x[t] + d;
        }
        return y;
    }

    static double[] scaled(double[] x, int k) {
        double[] y = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            y[t] = Math.scalb(x[t], k);
        }
        return y;
    }

    static double[] ebsw(double[] x) {
        double[] out = new double[x.length];
        Ebsw_Descriptor.batch(x, 40, 10, out);
        return out;
    }

    /** A seeded random walk near 100. */
    static double[] walk(int n) {
        SplittableRandom r = new SplittableRandom(58);
        double[] x = new double[n];
        double v = 100;
        for (int t = 0; t < n; t++) {
            v += r.nextGaussian();
            x[t] = v;
        }
        return x;
    }

    static double[] series() {
        double[] x = new double[60];
        for (int t = 0; t < x.length; t++) {
            x[t] = 100 + 10 * Math.sin(t / 3.0);
        }
        return x;
    }

    static void near(BigDecimal exact, double actual, String what) {
        assertTrue(Double.isFinite(actual), what + " is " + actual);
        double expected = exact.doubleValue();
        assertEquals(expected, actual, 1e-14 * Math.abs(expected), what);
    }
}
