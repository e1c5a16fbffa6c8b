package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import io.ta.testing.Descriptors;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Valid but unusual data — prices below zero, degenerate bars, parameters at their edges — against what the catalog
 * and docs/contracts.md promise for them, in batch and in a stream that previews and replaces bars on the way.
 */
class UnusualDataTest {
    /**
     * The batch outputs of {@code kernel}, after checking that a stream interleaving previews and replaced bars gives
     * the same bits.
     */
    static double[][] run(String kernel, Map<String, ?> params, double[]... inputs) {
        KernelDescriptor d = Descriptors.named(kernel);
        ParamValues p = ParamValues.of(d, params);
        double[][] batch = d.batch(p, inputs);
        KernelStream s = d.newStream(p);
        double[] out = new double[batch.length];
        double[] scratch = new double[batch.length];
        for (int t = 0; t < inputs[0].length; t++) {
            double[] bar = new double[inputs.length];
            double[] other = new double[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                bar[i] = inputs[i][t];
                other[i] = 2 * inputs[i][t] + 1;
            }
            s.preview(other, scratch);
            if (t % 3 == 1) {
                s.update(other, scratch);
                s.replaceLast(bar, out);
            } else {
                s.update(bar, out);
            }
            for (int o = 0; o < batch.length; o++) {
                assertEquals(Double.doubleToRawLongBits(batch[o][t]), Double.doubleToRawLongBits(out[o]),
                        kernel + ": stream and batch differ at bar " + t + ": " + out[o] + " vs " + batch[o][t]);
            }
        }
        return batch;
    }

    /** A daily-like walk of {@code n} bars around {@code level}, with open, high, low and close consistent. */
    static double[][] bars(int n, double level) {
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double c = level;
        for (int t = 0; t < n; t++) {
            double o = c;
            c = level + 0.1 * Math.abs(level) * Math.sin(0.7 * t) + 0.01 * Math.abs(level) * Math.cos(3.1 * t);
            open[t] = o;
            close[t] = c;
            high[t] = Math.max(o, c) + 0.005 * Math.abs(level) * (1 + Math.sin(t));
            low[t] = Math.min(o, c) - 0.005 * Math.abs(level) * (1 + Math.cos(t));
        }
        return new double[][] {open, high, low, close};
    }

    /**
     * volatility declares every price > 0 and takes logarithms of ratios of prices; a ratio of two negative prices is
     * positive, so a series below zero (a spread, a future that trades below zero) read as a volatility, where a price
     * outside the domain is missing: closes of −10, −11, … gave 1.62 on close-to-close, and every estimator gave
     * numbers. A non-positive price must act exactly as a missing one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"close", "parkinson", "garman_klass", "rogers_satchell", "gk_yz", "yang_zhang"})
    void volatilityReadsANonPositivePriceAsMissing(String calc) {
        Map<String, Object> p = Map.of("period", 5, "calc", calc);
        double[][] below = bars(60, -100);
        double[] out = run("volatility", p, below)[0];
        for (int t = 0; t < out.length; t++) {
            assertTrue(Double.isNaN(out[t]), calc + " of negative prices is " + out[t] + " at bar " + t);
        }
        double[][] positive = bars(60, 100);
        for (int bar : new int[] {20, 40}) {
            for (int input = 0; input < 4; input++) {
                for (double bad : new double[] {0.0, -positive[input][bar], -1e-300}) {
                    double[][] withBad = copy(positive);
                    double[][] withMissing = copy(positive);
                    withBad[input][bar] = bad;
                    withMissing[input][bar] = Double.NaN;
                    // A second bad bar makes a pair of negative prices whose ratio is positive.
                    withBad[input][bar + 1] = -positive[input][bar + 1];
                    withMissing[input][bar + 1] = Double.NaN;
                    double[] got = run("volatility", p, withBad)[0];
                    double[] want = run("volatility", p, withMissing)[0];
                    for (int t = 0; t < got.length; t++) {
                        assertEquals(want[t], got[t], calc + ": input " + input + " = " + bad + " at bar " + bar
                                + ", output at bar " + t);
                    }
                }
            }
        }
    }

    /**
     * anchored_vwap is vwap with its sums restarted at each anchor, and its javadoc says vwap is this kernel with no
     * anchor at all; but its sums were plain running totals where vwap's are compensated, so over a long period their
     * error grew with it: closes walking near 1e6 in steps of 0.01 put anchored_vwap 454 ulps from vwap after 10⁶
     * bars without an anchor (vwap_bands' middle the same). From each anchor on, both must now equal a vwap started
     * at that bar, bit for bit.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void anchoredVwapIsVwapFromEachAnchor(int anchors) {
        int n = 200_000;
        int[] at = anchors == 0 ? new int[] {0} : new int[] {0, 70_001};
        java.util.SplittableRandom r = new java.util.SplittableRandom(8);
        double[][] in = new double[5][n];
        double close = 1e6;
        for (int t = 0; t < n; t++) {
            close += r.nextDouble() < 0.5 ? 0.01 : -0.01;
            in[0][t] = close + 0.01 * r.nextInt(1, 50);
            in[1][t] = close - 0.01 * r.nextInt(1, 50);
            in[2][t] = close;
            in[3][t] = 1000 + 1000 * r.nextDouble();
        }
        for (int a : at) {
            in[4][a] = a == 0 ? 0 : 1;
        }
        double[] anchored = run("anchored_vwap", Map.of(), in)[0];
        double[] middle = run("vwap_bands", Map.of(), in)[1];
        for (int k = 0; k < at.length; k++) {
            int from = at[k];
            int to = k + 1 < at.length ? at[k + 1] : n;
            double[][] period = new double[4][];
            for (int i = 0; i < 4; i++) {
                period[i] = Arrays.copyOfRange(in[i], from, to);
            }
            double[] vwap = Descriptors.named("vwap").batch(ParamValues.defaults(Descriptors.named("vwap")), period)[0];
            for (int t = from; t < to; t++) {
                assertEquals(vwap[t - from], anchored[t], "anchored_vwap at bar " + t + ", period from bar " + from);
                assertEquals(vwap[t - from], middle[t], "vwap_bands' middle at bar " + t + ", period from bar " + from);
            }
        }
    }

    /**
     * vwap skips a bar whose price·volume or sums would overflow (docs/contracts.md, "Extreme values"); anchored_vwap
     * and vwap_bands added it, and their sums stayed infinite until the next anchor: one volume of MAX_VALUE, or one
     * price of 1e300 traded 1e10 times, left every later bar NaN (for ever without an anchor). Such a bar now acts as a
     * missing one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"volume", "price"})
    void anchoredVwapSkipsABarWhoseSumsWouldOverflow(String tick) {
        double[][] clean = bars(40, 100);
        double[][] in = {clean[1], clean[2], clean[3], new double[40], new double[40]};
        for (int t = 0; t < 40; t++) {
            in[3][t] = 1000 + 10 * t;
        }
        in[4][25] = 1;
        for (String kernel : new String[] {"anchored_vwap", "vwap_bands"}) {
            for (int bar : new int[] {10, 30}) {
                double[][] withTick = copy(in);
                double[][] withMissing = copy(in);
                if (tick.equals("volume")) {
                    withTick[3][bar] = Double.MAX_VALUE;
                } else {
                    withTick[0][bar] = withTick[1][bar] = withTick[2][bar] = 1e300;
                    withTick[3][bar] = 1e10;
                }
                withMissing[3][bar] = Double.NaN;
                double[][] got = run(kernel, Map.of(), withTick);
                double[][] want = run(kernel, Map.of(), withMissing);
                for (int o = 0; o < got.length; o++) {
                    for (int t = 0; t < 40; t++) {
                        assertEquals(want[o][t], got[o][t], kernel + ": " + tick + " tick at bar " + bar + ", output " + o
                                + " at bar " + t);
                    }
                }
            }
        }
    }

    /**
     * vwap_bands' sum of squared deviations overflowed on one price near 1e200 in a period (its square does not fit a
     * double) and left the bands NaN until the next anchor, for ever without one, where the deviation itself is finite
     * (about 1e199). The bands must be what a wider exponent range gives: the run on the same prices scaled by
     * 2⁻³⁰⁰, where nothing overflows (nor underflows), scaled back, bit for bit.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e200, -1e200, 1e160})
    void vwapBandsStayFiniteAfterAPriceWhoseSquareOverflows(double tick) {
        double[][] clean = bars(60, 100);
        double[][] in = {clean[1], clean[2], clean[3], new double[60], new double[60]};
        for (int t = 0; t < 60; t++) {
            in[3][t] = 1000 + 10 * t;
        }
        in[4][45] = 1;
        in[0][20] = in[1][20] = in[2][20] = tick;
        double[][] small = copy(in);
        for (int i = 0; i < 3; i++) {
            for (int t = 0; t < 60; t++) {
                small[i][t] = Math.scalb(in[i][t], -300);
            }
        }
        Map<String, Object> p = Map.of("multiplier", 1.5);
        double[][] got = run("vwap_bands", p, in);
        double[][] want = run("vwap_bands", p, small);
        for (int o = 0; o < 3; o++) {
            for (int t = 0; t < 60; t++) {
                assertEquals(Math.scalb(want[o][t], 300), got[o][t], "output " + o + " at bar " + t);
            }
        }
        assertTrue(Double.isFinite(got[0][44]) && got[0][44] > 1e140, "upper band before the next anchor: " + got[0][44]);
    }

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }

    /**
     * rsquared read 0 wherever the window's deviation was below 1e-10 of its level, a rule from when its variance
     * came from running sums; its slope and variance now come from window sums centred on a value of the window, exact
     * on integers: closes near 6.7e15 moving by a few units read 0 on every bar, where the same closes moved to near
     * zero read up to 0.89. Only a flat window is 0; a window far from zero reads what it reads near zero.
     */
    @Test
    void rsquaredFarFromZeroIsTheSameWindowNearZero() {
        int n = 300;
        double[] near = new double[n];
        double[] far = new double[n];
        SplittableRandom r = new SplittableRandom(3);
        for (int t = 0; t < n; t++) {
            near[t] = (t % 40) / 4 + r.nextInt(3);
            far[t] = 6.7e15 + near[t];
        }
        double[] a = run("rsquared", Map.of("period", 14), near)[0];
        double[] b = run("rsquared", Map.of("period", 14), far)[0];
        double most = 0;
        for (int t = 13; t < n; t++) {
            assertEquals(a[t], b[t], 1e-12, "bar " + t);
            most = Math.max(most, a[t]);
        }
        assertTrue(most > 0.5, "the windows have a trend to find: " + most);
    }
}
