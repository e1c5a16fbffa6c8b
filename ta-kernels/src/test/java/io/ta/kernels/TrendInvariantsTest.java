package io.ta.kernels;

import static io.ta.testing.Oracles.inRange;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.kernels.trend.PsarStream;
import io.ta.testing.Descriptors;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import io.ta.spi.ParamValues;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Trend/directional and volatility/bands kernels: ranges (ATR ≥ 0, DI/DX/ADX and Aroon in [0, 100], directions ±1),
 * band orderings (lower ≤ middle ≤ upper) and a naive oracle for the Donchian channel.
 */
class TrendInvariantsTest extends InvariantSuite {
    /** Rounding slack for quantities bounded by 100 (DI ≤ 100 and (100/n)·n = 100 hold only in real arithmetic). */
    static final double HUNDRED = 100 + 1e-9;

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("atr", (c, out) -> inRange(c, out, 0, 0, Double.POSITIVE_INFINITY)),
                Map.entry("natr", (c, out) -> inRange(c, out, 0, 0, Double.POSITIVE_INFINITY)),
                Map.entry("plus_dm", (c, out) -> inRange(c, out, 0, 0, Double.POSITIVE_INFINITY)),
                Map.entry("minus_dm", (c, out) -> inRange(c, out, 0, 0, Double.POSITIVE_INFINITY)),
                Map.entry("plus_di", (c, out) -> inRange(c, out, 0, 0, HUNDRED)),
                Map.entry("minus_di", (c, out) -> inRange(c, out, 0, 0, HUNDRED)),
                Map.entry("dx", (c, out) -> inRange(c, out, 0, 0, HUNDRED)),
                Map.entry("adxr", (c, out) -> inRange(c, out, 0, 0, HUNDRED)),
                Map.entry("adx", (c, out) -> {
                    for (int o = 0; o < 3; o++) {
                        inRange(c, out, o, 0, HUNDRED);
                    }
                    sameWhereValid(c, out[1], "plus_di");
                    sameWhereValid(c, out[2], "minus_di");
                }),
                Map.entry("aroon", (c, out) -> {
                    // (100/n)·n may round to 100.00000000000001, as in TA-Lib
                    inRange(c, out, 0, 0, HUNDRED);
                    inRange(c, out, 1, 0, HUNDRED);
                }),
                Map.entry("aroonosc", (c, out) -> inRange(c, out, 0, -HUNDRED, HUNDRED)),
                Map.entry("vortex", (c, out) -> {
                    inRange(c, out, 0, 0, Double.POSITIVE_INFINITY);
                    inRange(c, out, 1, 0, Double.POSITIVE_INFINITY);
                }),
                Map.entry("psar", (c, out) -> {
                    unit(c, out[1], "direction");
                    inRange(c, out, 0, 0, Double.POSITIVE_INFINITY);
                }),
                Map.entry("supertrend", (c, out) -> unit(c, out[1], "direction")),
                Map.entry("bbands", (c, out) -> {
                    if ((Double) c.params().get("std_dev") >= 0) {
                        ordered(c, out[2], out[1], out[0]);
                    }
                }),
                Map.entry("keltner", (c, out) -> ordered(c, out[2], out[1], out[0])),
                Map.entry("donchian", (c, out) -> {
                    ordered(c, out[1], out[2], out[0]);
                    donchianOracle(c, out);
                }),
                Map.entry("ichimoku", (c, out) -> {
                    double[] close = c.inputs()[2];
                    for (int t = 0; t < close.length; t++) {
                        if (Double.isFinite(close[t]) && Double.doubleToLongBits(out[4][t]) != Double.doubleToLongBits(close[t])) {
                            fail(c + ": chikou_span at bar " + t + " is " + out[4][t] + ", close " + close[t]);
                        }
                    }
                }));
    }

    /**
     * The SAR is a price level, and a level moves with the prices: on a spread quoted below zero (the same bars less
     * 128) every stop is the stop of the positive bars less 128, on the same side, in batch and in a stream that
     * previews and revises every bar before committing it. psar took SAREXT's sign-coded output's magnitude, so a
     * long stop at −11 under lows near −10 read 11.
     */
    @Test
    void psarOfPricesBelowZeroIsTheLevelMovedWithThem() {
        SplittableRandom r = new SplittableRandom(63);
        int n = 400;
        double shift = 128;
        double[] high = new double[n];
        double[] low = new double[n];
        double[] shiftedHigh = new double[n];
        double[] shiftedLow = new double[n];
        double price = 50;
        for (int t = 0; t < n; t++) {
            price += r.nextDouble(-1, 1);
            high[t] = price + r.nextDouble(0, 0.5);
            low[t] = price - r.nextDouble(0, 0.5);
            shiftedHigh[t] = high[t] - shift;
            shiftedLow[t] = low[t] - shift;
        }
        var positive = Ta.psar(high, low, 0.02, 0.02, 0.2);
        var negative = Ta.psar(shiftedHigh, shiftedLow, 0.02, 0.02, 0.2);
        PsarStream stream = new PsarStream(0.02, 0.02, 0.2);
        for (int t = 0; t < n; t++) {
            stream.preview(shiftedHigh[t] + 2, shiftedLow[t] + 2);
            stream.update(shiftedHigh[t] + 1, shiftedLow[t] - 1);
            stream.replaceLast(shiftedHigh[t], shiftedLow[t]);
            if (t == 0) {
                continue;
            }
            double expected = positive.sar()[t] - shift;
            String bar = "bar " + t + " (high " + shiftedHigh[t] + ", low " + shiftedLow[t] + ")";
            assertEquals(expected, negative.sar()[t], 1e-9 * shift, "batch sar at " + bar);
            assertEquals(positive.direction()[t], negative.direction()[t], "batch direction at " + bar);
            assertEquals(expected, stream.sar(), 1e-9 * shift, "stream sar at " + bar);
            assertEquals(positive.direction()[t], stream.direction(), "stream direction at " + bar);
        }
    }

    /** Wherever {@code v} is valid it equals the standalone kernel {@code name}'s output bit for bit (§3.2). */
    static void sameWhereValid(KernelCase c, double[] v, String name) {
        var d = Descriptors.named(name);
        double[] standalone = d.batch(ParamValues.of(d, c.params().asMap()), c.inputs())[0];
        for (int t = 0; t < v.length; t++) {
            if (!Double.isNaN(v[t]) && Double.doubleToLongBits(v[t]) != Double.doubleToLongBits(standalone[t])) {
                fail(c + ": output at bar " + t + " is " + v[t] + ", standalone " + name + " " + standalone[t]);
            }
        }
    }

    /** Every valid value is +1 or −1. */
    static void unit(KernelCase c, double[] v, String what) {
        for (int t = 0; t < v.length; t++) {
            if (!Double.isNaN(v[t]) && v[t] != 1.0 && v[t] != -1.0) {
                fail(c + ": " + what + " at bar " + t + " is " + v[t]);
            }
        }
    }

    /** {@code lower ≤ middle ≤ upper} wherever all three are valid. */
    static void ordered(KernelCase c, double[] lower, double[] middle, double[] upper) {
        for (int t = 0; t < middle.length; t++) {
            if (Double.isNaN(lower[t]) || Double.isNaN(middle[t]) || Double.isNaN(upper[t])) {
                continue;
            }
            if (!(lower[t] <= middle[t] && middle[t] <= upper[t])) {
                fail(c + ": bar " + t + " bands out of order: " + lower[t] + ", " + middle[t] + ", " + upper[t]);
            }
        }
    }

    /** upper/lower are exactly the naive max of H / min of L over the window, NaN when it holds a missing value. */
    static void donchianOracle(KernelCase c, double[][] out) {
        int n = (Integer) c.params().get("period");
        double[] high = c.inputs()[0];
        double[] low = c.inputs()[1];
        for (int t = n - 1; t < high.length; t++) {
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            boolean missingHigh = false;
            boolean missingLow = false;
            for (int i = t - n + 1; i <= t; i++) {
                missingHigh |= !Double.isFinite(high[i]);
                missingLow |= !Double.isFinite(low[i]);
                hi = Math.max(hi, high[i]);
                lo = Math.min(lo, low[i]);
            }
            check(c, t, "upper", out[0][t], missingHigh ? Double.NaN : hi);
            check(c, t, "lower", out[1][t], missingLow ? Double.NaN : lo);
        }
    }

    static void check(KernelCase c, int t, String what, double got, double expected) {
        if (Double.doubleToLongBits(got) != Double.doubleToLongBits(expected)) {
            fail(c + ": " + what + " at bar " + t + " is " + got + ", expected " + expected);
        }
    }
}
