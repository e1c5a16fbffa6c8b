package io.ta.kernels;

import static io.ta.testing.Oracles.inRange;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.testing.Descriptors;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import io.ta.spi.ParamValues;
import java.util.Map;

/**
 * Price levels, session averages, bands and the bounded oscillators of the same families: pivots ordered around pp,
 * anchored VWAP inside the period's typical-price range and VWAP bands ordered around it, every band kernel ordered,
 * percentages and ratios in range, directions in {−1, 0, 1}, fractal flags only where the fractal rule holds, the
 * alligator's lines equal to the displaced Wilder averages, and covariance / regression statistics against naive
 * two-pass references.
 */
class LevelsSessionsInvariantsTest extends InvariantSuite {
    static final double HUNDRED = 100 + 1e-9;

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("pivots", LevelsSessionsInvariantsTest::pivotsOrdered),
                Map.entry("anchored_vwap", LevelsSessionsInvariantsTest::vwapWithinPeriod),
                Map.entry("vwap_bands", (c, out) -> ordered(c, out[2], out[1], out[0])),
                Map.entry("starc", (c, out) -> ordered(c, out[2], out[1], out[0])),
                Map.entry("envelope", (c, out) -> ordered(c, out[2], out[1], out[0])),
                Map.entry("pbands", (c, out) -> {
                    if ((Double) c.params().get("std_dev") >= 0) {
                        ordered(c, out[2], out[1], out[0]);
                    }
                }),
                Map.entry("relative_volume", (c, out) -> inRange(c, out, 0, 0, Double.POSITIVE_INFINITY)),
                Map.entry("psl", (c, out) -> inRange(c, out, 0, 0, HUNDRED)),
                Map.entry("rvi", (c, out) -> inRange(c, out, 0, 0, HUNDRED)),
                Map.entry("ravi", (c, out) -> inRange(c, out, 0, 0, Double.POSITIVE_INFINITY)),
                Map.entry("snr", (c, out) -> inRange(c, out, 0, 0, Double.POSITIVE_INFINITY)),
                Map.entry("rsquared", (c, out) -> inRange(c, out, 0, 0, 1)),
                Map.entry("stderr", (c, out) -> inRange(c, out, 0, 0, Double.POSITIVE_INFINITY)),
                Map.entry("ttm_trend", (c, out) -> signs(c, out[0], "ttm_trend")),
                Map.entry("hilo", (c, out) -> {
                    signs(c, out[1], "direction");
                    hiloOnAnAverage(c, out);
                }),
                Map.entry("fractals", LevelsSessionsInvariantsTest::fractalsOracle),
                Map.entry("alligator", LevelsSessionsInvariantsTest::alligatorDisplaced),
                Map.entry("rolling_cov", LevelsSessionsInvariantsTest::covarianceTwoPass));
    }

    /** Every valid value is −1, 0 or +1. */
    static void signs(KernelCase c, double[] v, String what) {
        for (int t = 0; t < v.length; t++) {
            if (!Double.isNaN(v[t]) && v[t] != 1.0 && v[t] != -1.0 && v[t] != 0.0) {
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
                fail(c + ": bar " + t + " out of order: " + lower[t] + ", " + middle[t] + ", " + upper[t]);
            }
        }
    }

    /**
     * On a previous bar with {@code L ≤ C ≤ H} every method's levels are ordered, {@code s3 ≤ s2 ≤ s1 ≤ r1 ≤ r2 ≤ r3}
     * (and s4, r4 outside them), with pp between s1 and r1 except for camarilla — up to rounding of the level.
     */
    static void pivotsOrdered(KernelCase c, double[][] out) {
        double[] high = c.inputs()[1];
        double[] low = c.inputs()[2];
        double[] close = c.inputs()[3];
        boolean camarilla = "camarilla".equals(c.params().get("method"));
        for (int t = 1; t < close.length; t++) {
            if (!(low[t - 1] <= close[t - 1] && close[t - 1] <= high[t - 1])) {
                continue;
            }
            double slack = 1e-12 * Math.abs(high[t - 1]);
            // s4 s3 s2 s1 pp r1 r2 r3 r4; camarilla's levels are around the close, its pp may lie outside s1..r1
            int[] chain = camarilla ? new int[] {8, 7, 6, 5, 1, 2, 3, 4} : new int[] {8, 7, 6, 5, 0, 1, 2, 3, 4};
            double last = Double.NEGATIVE_INFINITY;
            for (int o : chain) {
                double v = out[o][t];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (v < last - slack) {
                    fail(c + ": bar " + t + " level " + o + " = " + v + " below the level before it, " + last);
                }
                last = v;
            }
        }
    }

    /**
     * The anchored VWAP lies within the typical prices of its period (bars since the latest anchor), leaving out a bar
     * it skips as missing: one whose price-volume or running sums would overflow (volumes near 1e307).
     */
    static void vwapWithinPeriod(KernelCase c, double[][] out) {
        double[] h = c.inputs()[0];
        double[] l = c.inputs()[1];
        double[] cl = c.inputs()[2];
        double[] v = c.inputs()[3];
        double[] anchor = c.inputs()[4];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean traded = false;
        double sumPriceVolume = 0;
        double sumVolume = 0;
        for (int t = 0; t < cl.length; t++) {
            if (anchor[t] != 0 && !Double.isNaN(anchor[t])) {
                lo = Double.POSITIVE_INFINITY;
                hi = Double.NEGATIVE_INFINITY;
                traded = false;
                sumPriceVolume = 0;
                sumVolume = 0;
            }
            if (!(Double.isFinite(h[t]) && Double.isFinite(l[t]) && Double.isFinite(cl[t]) && Double.isFinite(v[t]))) {
                continue;
            }
            double tp = (h[t] + l[t] + cl[t]) / 3.0;
            if (!(Double.isFinite(sumPriceVolume + tp * v[t]) && Double.isFinite(sumVolume + v[t]))) {
                continue;
            }
            sumPriceVolume += tp * v[t];
            sumVolume += v[t];
            if (v[t] > 0 || !traded) {
                lo = Math.min(lo, tp);
                hi = Math.max(hi, tp);
            }
            traded |= v[t] > 0;
            double x = out[0][t];
            double slack = 1e-9 * Math.max(Math.abs(lo), Math.abs(hi));
            if (!Double.isNaN(x) && traded && (x < lo - slack || x > hi + slack)) {
                fail(c + ": anchored_vwap at bar " + t + " is " + x + ", outside the period's [" + lo + ", " + hi + "]");
            }
        }
    }

    /** The HiLo line is, bit for bit, the SMA of the highs (down) or of the lows (up and before the first break). */
    static void hiloOnAnAverage(KernelCase c, double[][] out) {
        var sma = Descriptors.named("sma");
        double[] highs = sma.batch(ParamValues.of(sma, Map.of("period", c.params().get("high_period"))), new double[][] {c.inputs()[0]})[0];
        double[] lows = sma.batch(ParamValues.of(sma, Map.of("period", c.params().get("low_period"))), new double[][] {c.inputs()[1]})[0];
        for (int t = 0; t < out[0].length; t++) {
            if (Double.isNaN(out[0][t])) {
                continue;
            }
            double expected = out[1][t] < 0 ? highs[t] : lows[t];
            if (Double.doubleToLongBits(out[0][t]) != Double.doubleToLongBits(expected)) {
                fail(c + ": hilo at bar " + t + " is " + out[0][t] + ", the " + (out[1][t] < 0 ? "high" : "low") + " average is " + expected);
            }
        }
    }

    /** A flag at t exactly when bar t − n is a strict extreme of its 2n + 1 finite neighbours (naive rescan). */
    static void fractalsOracle(KernelCase c, double[][] out) {
        int n = (Integer) c.params().get("period");
        for (int side = 0; side < 2; side++) {
            double[] x = c.inputs()[side];
            for (int t = 0; t < x.length; t++) {
                boolean expected = false;
                int p = t - n;
                if (p - n >= 0) {
                    expected = Double.isFinite(x[p]);
                    for (int i = p - n; i <= t && expected; i++) {
                        expected = Double.isFinite(x[i]) && (i == p || (side == 0 ? x[p] > x[i] : x[p] < x[i]));
                    }
                }
                if (out[side][t] != (expected ? 1.0 : 0.0)) {
                    fail(c + ": " + (side == 0 ? "up" : "down") + " at bar " + t + " is " + out[side][t]);
                }
            }
        }
    }

    /** Each line at bar t is, bit for bit, the rma of the median price at bar t − shift. */
    static void alligatorDisplaced(KernelCase c, double[][] out) {
        var rma = Descriptors.named("rma");
        var median = Descriptors.named("medprice");
        double[] m = median.batch(ParamValues.of(median, Map.of()), c.inputs())[0];
        String[][] lines = {{"jaw_period", "jaw_shift"}, {"teeth_period", "teeth_shift"}, {"lips_period", "lips_shift"}};
        for (int o = 0; o < 3; o++) {
            double[] average = rma.batch(ParamValues.of(rma, Map.of("period", c.params().get(lines[o][0]))), new double[][] {m})[0];
            int shift = (Integer) c.params().get(lines[o][1]);
            for (int t = 0; t < m.length; t++) {
                double expected = t >= shift ? average[t - shift] : Double.NaN;
                if (Double.doubleToLongBits(out[o][t]) != Double.doubleToLongBits(expected)) {
                    fail(c + ": output " + o + " at bar " + t + " is " + out[o][t] + ", displaced rma " + expected);
                }
            }
        }
    }

    /** Against the two-pass covariance of each clean window, to 1e-12 of the deviations' scale at any level. */
    static void covarianceTwoPass(KernelCase c, double[][] out) {
        int n = (Integer) c.params().get("period");
        boolean sample = (Boolean) c.params().get("sample");
        double[] x = c.inputs()[0];
        double[] y = c.inputs()[1];
        for (int t = n - 1; t < x.length; t++) {
            double sx = 0;
            double sy = 0;
            boolean clean = true;
            for (int i = t - n + 1; i <= t; i++) {
                clean &= Double.isFinite(x[i]) && Double.isFinite(y[i]) && Math.abs(x[i]) < 1e150 && Math.abs(y[i]) < 1e150;
                sx += x[i];
                sy += y[i];
            }
            if (!clean) {
                continue;
            }
            double mx = sx / n;
            double my = sy / n;
            double c2 = 0;
            for (int i = t - n + 1; i <= t; i++) {
                c2 += (x[i] - mx) * (y[i] - my);
            }
            double divisor = sample ? n - 1 : n;
            double expected = c2 / divisor;
            // The kernel's co-moment is a sum of deviations from a pair inside the window, so its rounding is relative
            // to the deviations, whatever the level. The level enters only this reference's means (a few ulps each),
            // and then only as their product.
            double dxx = 0;
            double dyy = 0;
            double maxX = 0;
            double maxY = 0;
            for (int i = t - n + 1; i <= t; i++) {
                dxx += (x[i] - mx) * (x[i] - mx);
                dyy += (y[i] - my) * (y[i] - my);
                maxX = Math.max(maxX, Math.abs(x[i]));
                maxY = Math.max(maxY, Math.abs(y[i]));
            }
            double tolerance = 1e-12 * Math.sqrt(dxx) * Math.sqrt(dyy) / divisor + 4.0 * n * Math.ulp(maxX) * Math.ulp(maxY);
            if (!(Math.abs(out[0][t] - expected) <= tolerance)) {
                fail(c + ": rolling_cov at bar " + t + " is " + out[0][t] + ", two-pass " + expected);
            }
        }
    }
}
