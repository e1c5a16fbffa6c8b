package io.ta.kernels;

import static io.ta.testing.Oracles.RESIDUE;
import static io.ta.testing.Oracles.inRange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.kernels.momentum.MfiStream;
import io.ta.kernels.momentum.SmiStream;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Momentum and oscillators: bounded oscillators stay in their ranges (RSI, CMO, MFI, stochastic, Williams %R,
 * ultimate oscillator, BOP on well-formed bars), MACD's histogram is exactly macd − signal, the one-lag kernels
 * (mom, roc, rocp, rocr, rocr100) agree with a naive reading of x and x[t−n], CCI and AO with naive window formulas,
 * fisher's signal is the previous fisher value.
 */
class MomentumInvariantsTest extends InvariantSuite {
    /** Rounding slack for an oscillator on a 0..100 scale (ratios of exact or running sums). */
    static final double SCALE_SLACK = 1e-9;

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("rsi", (c, out) -> inRange(c, out, 0, 0.0, 100.0)),
                Map.entry("cmo", (c, out) -> inRange(c, out, 0, -100.0, 100.0)),
                Map.entry("mfi", MomentumInvariantsTest::mfiInRange),
                Map.entry("stochastic", (c, out) -> {
                    inRange(c, out, 0, -SCALE_SLACK, 100.0 + SCALE_SLACK);
                    inRange(c, out, 1, -SCALE_SLACK, 100.0 + SCALE_SLACK);
                }),
                Map.entry("williams_r", (c, out) -> inRange(c, out, 0, -100.0 - SCALE_SLACK, SCALE_SLACK)),
                Map.entry("ultosc", MomentumInvariantsTest::ultimateOscillatorInRange),
                Map.entry("bop", (c, out) -> inRange(c, out, 0, -1.0, 1.0)),
                Map.entry("macd", MomentumInvariantsTest::histogramIsMacdMinusSignal),
                Map.entry("macdfix", MomentumInvariantsTest::histogramIsMacdMinusSignal),
                Map.entry("mom", (c, out) -> lagOracle(c, out, (x, p) -> x - p, 0)),
                Map.entry("roc", (c, out) -> lagOracle(c, out, (x, p) -> p == 0 ? 0 : 100 * (x - p) / p, 1e-12)),
                Map.entry("rocp", (c, out) -> lagOracle(c, out, (x, p) -> p == 0 ? 0 : x / p - 1, 1e-14)),
                Map.entry("rocr", (c, out) -> lagOracle(c, out, (x, p) -> p == 0 ? 0 : x / p, 0)),
                Map.entry("rocr100", (c, out) -> lagOracle(c, out, (x, p) -> p == 0 ? 0 : 100 * x / p, 1e-15)),
                Map.entry("cci", MomentumInvariantsTest::cciOracle),
                Map.entry("ao", MomentumInvariantsTest::aoOracle),
                Map.entry("fisher", MomentumInvariantsTest::fisherSignalLags));
    }

    static double[] input(KernelCase c, String name) {
        return c.inputs()[c.descriptor().inputs().indexOf(name)];
    }

    static int param(KernelCase c, String name) {
        return (Integer) c.params().get(name);
    }

    static boolean finite(double[] x, int from, int to) {
        for (int i = from; i <= to; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code f(x_t, x_{t−n})} on every bar from n whose two cells are finite, NaN where one is missing (the step
     * reads only those two), NaN before n. {@code relative} is the allowed rounding difference between the oracle's
     * and TA-Lib's forms ({@code 100·(x − p)/p} against {@code (x/p − 1)·100}), relative to the values involved.
     */
    static void lagOracle(KernelCase c, double[][] out, DoubleBinaryOperator f, double relative) {
        double[] x = c.inputs()[0];
        int n = param(c, "period");
        for (int t = 0; t < x.length; t++) {
            double v = out[0][t];
            if (t < n || !Double.isFinite(x[t]) || !Double.isFinite(x[t - n])) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although x or x[t-n] is missing or before the lookback");
                }
                continue;
            }
            double expected = f.applyAsDouble(x[t], x[t - n]);
            double p = x[t - n];
            // The oracle's form may round differently: allow a few ulps of the quotient's scale.
            double scale = p == 0 ? 0 : Math.abs(x[t] / p) * 100 + 100;
            if (Double.isInfinite(expected) || Double.isNaN(expected)) {
                continue; // overflow in the oracle's form (|x/p| beyond the double range): nothing to compare
            }
            if (Math.abs(v - expected) > relative * scale + (relative == 0 ? 0 : 1e-300)) {
                fail(c + ": bar " + t + " is " + v + ", the naive formula gives " + expected);
            }
        }
    }

    /** Where MACD is valid all three outputs are, and the histogram is exactly macd − signal; elsewhere all NaN. */
    static void histogramIsMacdMinusSignal(KernelCase c, double[][] out) {
        for (int t = 0; t < c.length(); t++) {
            double macd = out[0][t];
            double signal = out[1][t];
            double histogram = out[2][t];
            if (Double.isNaN(macd) != Double.isNaN(signal) || Double.isNaN(macd) != Double.isNaN(histogram)) {
                // The generated loop writes an overflowed difference as NaN; only then may one output be missing.
                if (Double.isFinite(macd) && Double.isFinite(signal) && Double.isInfinite(macd - signal)) {
                    continue;
                }
                fail(c + ": bar " + t + " has macd " + macd + ", signal " + signal + ", histogram " + histogram);
            }
            if (!Double.isNaN(macd) && Double.compare(histogram, macd - signal) != 0) {
                fail(c + ": bar " + t + " histogram " + histogram + " != macd - signal = " + (macd - signal));
            }
        }
    }

    /**
     * In [0, 100] on well-formed bars: buying pressure {@code C − min(L, C₋₁)} lies between 0 and the true range. The
     * sums are running sums (TA-Lib's), which keep rounding residue of values that left the window; the slack is
     * that residue relative to the smallest window's true-range sum (huge when the true sum is near 0, where TA-Lib
     * divides residue by residue too).
     */
    static void ultimateOscillatorInRange(KernelCase c, double[][] out) {
        double[] high = input(c, "high");
        double[] low = input(c, "low");
        double[] close = input(c, "close");
        int longest = c.descriptor().lookback(c.params());
        int shortest = Math.min(param(c, "period1"), Math.min(param(c, "period2"), param(c, "period3")));
        double history = 0;
        for (int t = 0; t < c.length(); t++) {
            for (double[] s : new double[][] {high, low, close}) {
                if (Double.isFinite(s[t])) {
                    history = Math.max(history, Math.abs(s[t]));
                }
            }
            double v = out[0][t];
            if (Double.isNaN(v)) {
                continue;
            }
            double smallest = 0;
            for (int i = t; i > t - shortest; i--) {
                smallest += Math.max(high[i], close[i - 1]) - Math.min(low[i], close[i - 1]);
            }
            double residue = RESIDUE * 2 * history * c.length();
            double slack = 100 * 4 * residue / smallest + SCALE_SLACK;
            if (v < -slack || v > 100.0 + slack) {
                fail(c + ": bar " + t + " is " + v + ", outside [0, 100] by more than " + slack);
            }
        }
    }

    /**
     * In [0, 100]: flows are non-negative (volume ≥ 0, positive prices). The slack is the running sums' residue
     * relative to the window's true flow total, as for the ultimate oscillator.
     */
    static void mfiInRange(KernelCase c, double[][] out) {
        double[] high = input(c, "high");
        double[] low = input(c, "low");
        double[] close = input(c, "close");
        double[] volume = input(c, "volume");
        int n = param(c, "period");
        double[] flow = new double[c.length()];
        double largest = 0;
        for (int t = 1; t < c.length(); t++) {
            double tp = (high[t] + low[t] + close[t]) / 3.0;
            double before = (high[t - 1] + low[t - 1] + close[t - 1]) / 3.0;
            flow[t] = tp == before ? 0.0 : tp * volume[t]; // an unchanged typical price counts on neither side
            if (Double.isFinite(flow[t])) {
                largest = Math.max(largest, Math.abs(flow[t]));
            }
            double v = out[0][t];
            if (Double.isNaN(v) || t < n) {
                continue;
            }
            double total = 0;
            for (int i = t - n + 1; i <= t; i++) {
                total += flow[i];
            }
            double slack = 100 * 4 * RESIDUE * largest * c.length() / total + SCALE_SLACK;
            if (v < -slack || v > 100.0 + slack) {
                fail(c + ": bar " + t + " is " + v + ", outside [0, 100] by more than " + slack);
            }
        }
    }

    /** CCI against the textbook formula on windows that are not (nearly) flat. */
    static void cciOracle(KernelCase c, double[][] out) {
        double[] high = input(c, "high");
        double[] low = input(c, "low");
        double[] close = input(c, "close");
        int n = param(c, "period");
        for (int t = n - 1; t < c.length(); t++) {
            double v = out[0][t];
            if (!finite(high, t - n + 1, t) || !finite(low, t - n + 1, t) || !finite(close, t - n + 1, t)) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although its window holds a missing value");
                }
                continue;
            }
            double[] tp = new double[n];
            double mean = 0;
            double largest = 0;
            for (int i = 0; i < n; i++) {
                tp[i] = (high[t - n + 1 + i] + low[t - n + 1 + i] + close[t - n + 1 + i]) / 3.0;
                mean += tp[i];
                largest = Math.max(largest, Math.abs(tp[i]));
            }
            mean /= n;
            double deviation = 0;
            for (double p : tp) {
                deviation += Math.abs(p - mean);
            }
            deviation /= n;
            if (deviation <= 1e-9 * largest) {
                continue; // flat window: the guard fires or not depending on rounding, in TA-Lib as here
            }
            double expected = (tp[n - 1] - mean) / (0.015 * deviation);
            double tolerance = 1e-12 * n * largest / (0.015 * deviation);
            if (Math.abs(v - expected) > tolerance) {
                fail(c + ": bar " + t + " is " + v + ", the textbook formula gives " + expected);
            }
        }
    }

    /** AO against naive window means of the median price. */
    static void aoOracle(KernelCase c, double[][] out) {
        double[] high = input(c, "high");
        double[] low = input(c, "low");
        int fast = param(c, "fast_period");
        int slow = param(c, "slow_period");
        double history = 0;
        for (int t = 0; t < c.length(); t++) {
            if (Double.isFinite(high[t])) {
                history = Math.max(history, Math.abs(high[t]));
            }
            double v = out[0][t];
            if (t < slow - 1) {
                continue;
            }
            if (!finite(high, t - slow + 1, t) || !finite(low, t - slow + 1, t)) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although its window holds a missing value");
                }
                continue;
            }
            double f = 0;
            double s = 0;
            for (int i = t - slow + 1; i <= t; i++) {
                double m = (high[i] + low[i]) / 2;
                s += m;
                if (i > t - fast) {
                    f += m;
                }
            }
            double expected = f / fast - s / slow;
            if (Math.abs(v - expected) > RESIDUE * history * c.length() * 2 + 1e-300) {
                fail(c + ": bar " + t + " is " + v + ", naive means give " + expected);
            }
        }
    }

    /**
     * Fisher is bounded by the clamp ({@code |f| ≤ ln(1999)}, the fixed point of {@code 0.5·atanh-form + 0.5·f}),
     * and each valid signal is the fisher value of the previous valid bar (0.0 on the first one).
     */
    static void fisherSignalLags(KernelCase c, double[][] out) {
        double bound = Math.log(1999.0) + 1e-12;
        inRange(c, out, 0, -bound, bound);
        double previous = 0.0;
        for (int t = 0; t < c.length(); t++) {
            double f = out[0][t];
            double s = out[1][t];
            if (Double.isNaN(f) != Double.isNaN(s)) {
                fail(c + ": bar " + t + " has fisher " + f + " but signal " + s);
            }
            if (Double.isNaN(f)) {
                continue;
            }
            if (Double.compare(s, previous) != 0) {
                fail(c + ": bar " + t + " signal " + s + ", expected the previous fisher " + previous);
            }
            previous = f;
        }
    }

    /**
     * Bars before the first complete one are not there: smi over 40 missing bars and then the bars is smi over the bars
     * alone (R TTR's run functions start after leading NAs), in batch and in a stream that previews and revises every
     * bar; a missing high, low or close alone on those bars too. smi counted them as bars of its range window, so TTR's
     * warm-up (the bar's own range while fewer than n bars exist) was skipped: 70.56 where the bars alone give 83.65.
     */
    @Test
    void smiAfterLeadingMissingBarsIsSmiOfTheBarsAlone() {
        SplittableRandom r = new SplittableRandom(63);
        int n = 300;
        double[][] bars = new double[3][n];
        double price = 50;
        for (int t = 0; t < n; t++) {
            price += r.nextDouble(-1, 1);
            bars[0][t] = price + r.nextDouble(0, 0.5);
            bars[1][t] = price - r.nextDouble(0, 0.5);
            bars[2][t] = r.nextDouble(bars[1][t], bars[0][t]);
        }
        var alone = Ta.smi(bars[0], bars[1], bars[2], 13, 2, 25, 9);
        int lead = 40;
        for (int missing = -1; missing < 3; missing++) {
            double[][] padded = new double[3][];
            for (int i = 0; i < 3; i++) {
                padded[i] = new double[lead + n];
                Arrays.fill(padded[i], 0, lead, missing < 0 || missing == i ? Double.NaN : price);
                System.arraycopy(bars[i], 0, padded[i], lead, n);
            }
            var late = Ta.smi(padded[0], padded[1], padded[2], 13, 2, 25, 9);
            SmiStream stream = new SmiStream(13, 2, 25, 9);
            for (int t = 0; t < lead + n; t++) {
                stream.preview(padded[0][t] + 1, padded[1][t] - 1, padded[2][t]);
                stream.update(padded[0][t] + 2, padded[1][t] - 2, padded[2][t]);
                stream.replaceLast(padded[0][t], padded[1][t], padded[2][t]);
                String at = "bar " + t + " with input " + missing + " missing before bar " + lead;
                double smi = t < lead ? Double.NaN : alone.smi()[t - lead];
                double signal = t < lead ? Double.NaN : alone.signal()[t - lead];
                assertEquals(smi, late.smi()[t], "batch smi at " + at);
                assertEquals(signal, late.signal()[t], "batch signal at " + at);
                assertEquals(smi, stream.smi(), "stream smi at " + at);
                assertEquals(signal, stream.signal(), "stream signal at " + at);
            }
        }
    }

    /**
     * A typical price or a volume below zero has no money flow: mfi reads such a bar as a missing volume, in batch and
     * in a stream that previews and revises every bar, and stays in [0, 100]. Taken as it was, a series around zero (a
     * spread) put flows of both signs into P and N, and the index read 27,250.
     */
    @Test
    void mfiOfAFlowBelowZeroIsMissing() {
        SplittableRandom r = new SplittableRandom(630);
        int n = 400;
        double[][] bars = new double[4][n];
        double[] asMissing = new double[n];
        double price = 0.5;
        for (int t = 0; t < n; t++) {
            price += r.nextDouble(-0.3, 0.3);
            bars[0][t] = price + r.nextDouble(0, 0.2);
            bars[1][t] = price - r.nextDouble(0, 0.2);
            bars[2][t] = r.nextDouble(bars[1][t], bars[0][t]);
            bars[3][t] = t % 97 == 50 ? -r.nextDouble(1, 100) : r.nextDouble(1, 100);
        }
        double[] tp = Ta.typicalPrice(bars[0], bars[1], bars[2]);
        for (int t = 0; t < n; t++) {
            asMissing[t] = tp[t] < 0 || bars[3][t] < 0 ? Double.NaN : bars[3][t];
        }
        double[] expected = Ta.mfi(bars[0], bars[1], bars[2], asMissing, 5);
        double[] got = Ta.mfi(bars[0], bars[1], bars[2], bars[3], 5);
        MfiStream stream = new MfiStream(5);
        int valid = 0;
        for (int t = 0; t < n; t++) {
            stream.preview(bars[0][t] + 1, bars[1][t] - 1, bars[2][t], 3);
            stream.update(bars[0][t], bars[1][t] - 2, bars[2][t], -5);
            double live = stream.replaceLast(bars[0][t], bars[1][t], bars[2][t], bars[3][t]);
            assertEquals(expected[t], got[t], "batch at bar " + t);
            assertEquals(expected[t], live, "stream at bar " + t);
            if (!Double.isNaN(got[t])) {
                valid++;
                if (!(got[t] >= 0 && got[t] <= 100)) {
                    fail("mfi " + got[t] + " at bar " + t + " is outside [0, 100]");
                }
            }
        }
        if (valid < 20) {
            fail("only " + valid + " valid values: the series must cross zero and back");
        }
    }
}
