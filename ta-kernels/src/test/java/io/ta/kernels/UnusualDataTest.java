package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import io.ta.testing.Descriptors;
import java.util.Map;
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

    static double[][] copy(double[][] x) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        return c;
    }
}
