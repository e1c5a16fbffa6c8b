package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.kernels.ma.Ema;
import io.ta.kernels.ma.Ma;
import io.ta.kernels.ma.MaType;
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

    /**
     * macd's line is fast − slow: in exact arithmetic the same at 1e15 + walk as at 1000 + walk, where the rounding
     * is 1e12 times smaller. At 1e15 each average carries rounding of its own (Ma#residueUlps: 23 ulps of 1e15 for the
     * pair 12/26, 2.9), so the line is within twice that of the line at 1000, and is 0 only where both averages are
     * within their rounding of the value (a flat window), never where the line at 1000 is beyond twice it; and since
     * an integer walk is seldom flat, it is almost never 0 where the line at 1000 is not. The relative test read every
     * line under 1000 as 0: on a tick walk, macd's line at 1e15 was 0 on 274 of 467 bars, each beyond 1 at 1000.
     */
    @Test
    void macdLinesOfTicksAt1e15AreTheLinesAt1000WithinTheirRounding() {
        Object[][] kernels = {
            {"macd", Ma.of(new Ema(12)).residueUlps() + Ma.of(new Ema(26)).residueUlps()},
            {"macdfix", Ma.of(Ema.withSmoothing(12, 0.15)).residueUlps()
                    + Ma.of(Ema.withSmoothing(26, 0.075)).residueUlps()},
            {"macdext", new Ma(12, MaType.SMA).residueUlps() + new Ma(26, MaType.SMA).residueUlps()},
        };
        for (Object[] k : kernels) {
            String kernel = (String) k[0];
            KernelDescriptor d = Descriptors.named(kernel);
            ParamValues p = ParamValues.defaults(d);
            double[] big = d.batch(p, swings(1e15))[0];
            double[] small = d.batch(p, swings(1000))[0];
            double bound = (double) k[1] * Math.ulp(1e15 + 1000);
            int beyond = 0;
            int zeros = 0;
            int lines = 0;
            for (int t = 0; t < N; t++) {
                if (Double.isNaN(small[t])) {
                    continue;
                }
                String where = kernel + ".macd at bar " + t + " (bound " + bound + ")";
                assertEquals(small[t], big[t], 2 * bound, where);
                if (Math.abs(small[t]) > 2 * bound) {
                    assertTrue(big[t] != 0, where + ": a line of " + small[t] + " read 0");
                    beyond++;
                }
                lines += small[t] != 0 ? 1 : 0;
                zeros += small[t] != 0 && big[t] == 0 ? 1 : 0;
            }
            assertTrue(beyond > N / 4, kernel + ": only " + beyond + " lines beyond rounding");
            assertTrue(zeros <= lines / 50, kernel + ": " + zeros + " of " + lines + " lines read 0");
        }
    }

    /** An integer walk with swings of ±30 over 40 bars, from {@code level}: lines well beyond rounding too. */
    static double[][] swings(double level) {
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[N];
        double walk = 0;
        for (int t = 0; t < N; t++) {
            walk += r.nextInt(-3, 4);
            x[t] = level + walk + Math.rint(30 * Math.sin(2 * Math.PI * t / 40));
        }
        return new double[][] {x};
    }

    /**
     * kama's efficiency ratio reads Σ|Δx|, a sum of exact moves. Prices alternating by 30 around 1e15 go nowhere:
     * over kama's 30 changes the net change is 0, so ER is 0 and the constant the slowest, (2/31)², as at 1000, where
     * each bar moves the average by a few hundredths. Its rounding at 1e15 (up to 0.5/sc ulps) moves each step by at
     * most sc times that plus an ulp. The relative "≈0" read Σ|Δx| = 900 as 0 next to 1e15 (under 1000), and ER as
     * 1: the fastest constant: the step at bar 31 was 6.0 where it is 5.2e-4 at 1000.
     */
    @Test
    void kamaOfTicksAt1e15ReadsTheirEfficiency() {
        KernelDescriptor d = Descriptors.named("kama");
        ParamValues p = ParamValues.defaults(d);
        double[] big = d.batch(p, alternating(1e15))[0];
        double[] small = d.batch(p, alternating(1000))[0];
        for (int t = 1; t < N; t++) {
            if (!Double.isNaN(small[t - 1])) {
                double step = small[t] - small[t - 1];
                assertEquals(step, big[t] - big[t - 1], 2 * Math.ulp(1e15), "kama's step at bar " + t);
            }
        }
    }

    /** {@code level}, {@code level + 30}, {@code level}, … */
    static double[][] alternating(double level) {
        double[] x = new double[N];
        for (int t = 0; t < N; t++) {
            x[t] = level + (t % 2) * 30;
        }
        return new double[][] {x};
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
