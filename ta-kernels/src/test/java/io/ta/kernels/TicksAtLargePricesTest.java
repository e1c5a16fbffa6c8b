package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamValues;
import io.ta.testing.Descriptors;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Kernels of price moves only read the moves: near 1e15 with ticks of 1 (integers, exact in doubles) every move is
 * exact, so each output must be the bits of the same moves near 1000. rsi, cmo, bop, dx, ±DI, adx and ultosc read 0
 * there, where TA-Lib gives values: their "≈ 0" was relative, 1e-12 of the price, and a tick is 1e-15 of it. Their
 * guards are now exact tests of sums of non-negative exact moves (docs/contracts.md, "Zero is relative").
 */
class TicksAtLargePricesTest {
    static final int N = 500;

    @Test
    void movesOfOneAt1e15ReadAsMovesOfOneAt1000() {
        for (String kernel : new String[] {"rsi", "cmo", "bop", "dx", "plus_di", "minus_di", "adx", "adxr", "ultosc",
                "qqe", "imi"}) {
            KernelDescriptor d = Descriptors.named(kernel);
            ParamValues p = ParamValues.defaults(d);
            double[][] big = bars(d, 1e15);
            double[][] small = bars(d, 1000);
            double[][] ob = d.batch(p, big);
            double[][] os = d.batch(p, small);
            for (int o = 0; o < ob.length; o++) {
                for (int t = 0; t < N; t++) {
                    assertEquals(os[o][t], ob[o][t], 0.0, kernel + "." + d.outputs().get(o).name() + " at bar " + t);
                }
            }
        }
    }

    /**
     * The stochastics of prices read differences of prices, exact for integers at 1e15, so %K at 1e15 is the bits of
     * %K at 1000. Their "C at LL", "C at HH" and "no range" were 1e-12 of the price (1000 at 1e15), and stochf's fastk
     * read 0 at 1e15 where it was 60 at 1000.
     */
    @Test
    void stochasticsOfPricesReadTicksAt1e15AsAt1000() {
        for (String kernel : new String[] {"stochf", "stochastic", "kdj"}) {
            assertSameBits(kernel, 1e15);
        }
    }

    /**
     * stochrsi's stochastic reads an RSI, which is unit-free: the RSI of ticks at 1e15 is the RSI at 1000 bit for bit,
     * so its relative test of the RSI (which carries rounding of its own) reads the same %K.
     */
    @Test
    void stochRsiOfTicksAt1e15IsStochRsiAt1000() {
        assertSameBits("stochrsi", 1e15);
    }

    private static void assertSameBits(String kernel, double level) {
        KernelDescriptor d = Descriptors.named(kernel);
        ParamValues p = ParamValues.defaults(d);
        double[][] ob = d.batch(p, bars(d, level));
        double[][] os = d.batch(p, bars(d, 1000));
        for (int o = 0; o < ob.length; o++) {
            for (int t = 0; t < N; t++) {
                assertEquals(os[o][t], ob[o][t], 0.0, kernel + "." + d.outputs().get(o).name() + " at bar " + t);
            }
        }
    }

    /** The same integer walk, with integer highs and lows around it, from {@code level}. */
    static double[][] bars(KernelDescriptor d, double level) {
        SplittableRandom r = new SplittableRandom(5);
        double[][] in = new double[d.inputs().size()][N];
        double c = 0;
        for (int t = 0; t < N; t++) {
            double o = c;
            c += r.nextInt(-3, 4);
            double h = Math.max(o, c) + r.nextInt(0, 3);
            double l = Math.min(o, c) - r.nextInt(0, 3);
            for (int i = 0; i < in.length; i++) {
                in[i][t] = level + switch (d.inputs().get(i)) {
                    case "open" -> o;
                    case "high" -> h;
                    case "low" -> l;
                    default -> c;
                };
            }
        }
        return in;
    }
}
