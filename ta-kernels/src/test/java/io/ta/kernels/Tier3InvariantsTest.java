package io.ta.kernels;

import static io.ta.testing.Oracles.inRange;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.testing.Descriptors;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import io.ta.spi.ParamValues;
import java.util.Map;

/**
 * The Tier 3 kernels of docs/spec.md: bounded oscillators stay in range (tsi in [−100, 100], stc in [0, 100], chop and
 * mass at least 0), weighted averages stay inside their window (alma, vwma), heikin-ashi candles are well formed and
 * close at the average price, chandelier stops hang below the highest high and above the lowest low, nvi/pvi move
 * only on the bars their volume rule selects, pvt adds exactly the bar's volume-weighted change, and the composites
 * equal their definitions over the standalone kernels bit for bit (percent_b and bandwidth over bbands, dpo over
 * shift and sma, zlema over shift and ema, kst over roc and sma).
 */
class Tier3InvariantsTest extends InvariantSuite {
    /** Rounding slack for quantities bounded by 100 (ratios of separately rounded averages). */
    static final double SLACK = 1e-9;

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("tsi", (c, out) -> {
                    inRange(c, out, 0, -100 - SLACK, 100 + SLACK);
                    inRange(c, out, 1, -100 - SLACK, 100 + SLACK);
                }),
                Map.entry("stc", (c, out) -> inRange(c, out, 0, -SLACK, 100 + SLACK)),
                Map.entry("chop", (c, out) -> inRange(c, out, 0, -SLACK, Double.POSITIVE_INFINITY)),
                Map.entry("mass", (c, out) -> inRange(c, out, 0, 0, Double.POSITIVE_INFINITY)),
                Map.entry("alma", Tier3InvariantsTest::almaWithinWindow),
                Map.entry("vwma", Tier3InvariantsTest::vwmaWithinWindow),
                Map.entry("heikin_ashi", Tier3InvariantsTest::candlesWellFormed),
                Map.entry("chandelier", Tier3InvariantsTest::stopsInsideExtremes),
                Map.entry("nvi", (c, out) -> volumeIndexHolds(c, out, false)),
                Map.entry("pvi", (c, out) -> volumeIndexHolds(c, out, true)),
                Map.entry("pvt", Tier3InvariantsTest::pvtIncrements),
                Map.entry("percent_b", (c, out) -> overBands(c, out, true)),
                Map.entry("bandwidth", (c, out) -> overBands(c, out, false)),
                Map.entry("dpo", Tier3InvariantsTest::dpoIsShiftMinusSma),
                Map.entry("zlema", Tier3InvariantsTest::zlemaIsEmaOfDelagged),
                Map.entry("kst", Tier3InvariantsTest::kstIsWeightedSmaOfRoc));
    }

    static double[] input(KernelCase c, String name) {
        return c.inputs()[c.descriptor().inputs().indexOf(name)];
    }

    static int param(KernelCase c, String name) {
        return (Integer) c.params().get(name);
    }

    /** The first output of kernel {@code name} on {@code inputs} with {@code params} (catalog names). */
    static double[] run(String name, Map<String, Object> params, double[]... inputs) {
        var d = Descriptors.named(name);
        return d.batch(ParamValues.of(d, params), inputs)[0];
    }

    /** What the generated loop writes for a value: non-finite results are NaN (docs/spec.md §1.1). */
    static double written(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    static void same(KernelCase c, String what, int t, double got, double expected) {
        if (Double.compare(got, written(expected)) != 0) {
            fail(c + ": " + what + " at bar " + t + " is " + got + ", its definition gives " + written(expected));
        }
    }

    static boolean finite(double[] x, int from, int to) {
        for (int i = Math.max(0, from); i <= to; i++) {
            if (!Double.isFinite(x[i])) {
                return false;
            }
        }
        return true;
    }

    /** Positive normalised weights: every value lies within its window's range (rounding of Σw = 1 aside). */
    static void almaWithinWindow(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        int n = param(c, "period");
        for (int t = n - 1; t < x.length; t++) {
            double v = out[0][t];
            if (!finite(x, t - n + 1, t)) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although its window holds a missing value");
                }
                continue;
            }
            withinWindow(c, t, v, x, t - n + 1, t, 0);
        }
    }

    /**
     * Non-negative volumes weight x: the average lies within the window's range of x. The running sums (TA-Lib's, as
     * {@code rolling_sum}) carry residue of products that left the window; the slack is that residue over ΣV.
     */
    static void vwmaWithinWindow(KernelCase c, double[][] out) {
        double[] x = input(c, "x");
        double[] volume = input(c, "volume");
        int n = param(c, "period");
        double carried = 0;
        for (int t = 0; t < x.length; t++) {
            double product = x[t] * volume[t];
            if (Double.isFinite(product)) {
                carried = Math.max(carried, Math.abs(product));
            }
            if (t < n - 1) {
                continue;
            }
            double v = out[0][t];
            if (Double.isNaN(v) || !finite(x, t - n + 1, t) || !finite(volume, t - n + 1, t)) {
                continue;
            }
            double sumVolume = 0;
            for (int i = t - n + 1; i <= t; i++) {
                sumVolume += volume[i];
            }
            double residue = sumVolume == 0 ? 0 : 8 * Math.ulp(1.0) * (t + 1) * carried / sumVolume;
            withinWindow(c, t, v, x, t - n + 1, t, residue);
        }
    }

    static void withinWindow(KernelCase c, int t, double v, double[] x, int from, int to, double residue) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        double slack = residue + 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
        if (Double.isNaN(v) || v < lo - slack || v > hi + slack) {
            fail(c + ": bar " + t + " is " + v + ", outside its window's range [" + lo + ", " + hi + "]");
        }
    }

    /** All four outputs valid together; low ≤ open, close ≤ high; the wicks reach the real bar; close = avgprice. */
    static void candlesWellFormed(KernelCase c, double[][] out) {
        double[] average = run("avgprice", Map.of(), c.inputs());
        double[] high = input(c, "high");
        double[] low = input(c, "low");
        for (int t = 0; t < c.length(); t++) {
            double o = out[0][t];
            double h = out[1][t];
            double l = out[2][t];
            double cl = out[3][t];
            boolean missing = Double.isNaN(o);
            if (Double.isNaN(h) != missing || Double.isNaN(l) != missing || Double.isNaN(cl) != missing) {
                fail(c + ": bar " + t + " has some outputs missing: " + o + ", " + h + ", " + l + ", " + cl);
            }
            if (missing) {
                continue;
            }
            if (!(l <= Math.min(o, cl) && Math.max(o, cl) <= h && h >= high[t] && l <= low[t])) {
                fail(c + ": bar " + t + " candle out of shape: " + o + ", " + h + ", " + l + ", " + cl);
            }
            same(c, "ha_close", t, cl, average[t]);
        }
    }

    /** ATR ≥ 0 and multiplier > 0: long ≤ highest high and short ≥ lowest low of the window. */
    static void stopsInsideExtremes(KernelCase c, double[][] out) {
        double[] high = input(c, "high");
        double[] low = input(c, "low");
        int n = param(c, "period");
        for (int t = n; t < c.length(); t++) {
            if (Double.isNaN(out[0][t]) || !finite(high, t - n + 1, t) || !finite(low, t - n + 1, t)) {
                continue;
            }
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            for (int i = t - n + 1; i <= t; i++) {
                hi = Math.max(hi, high[i]);
                lo = Math.min(lo, low[i]);
            }
            if (!(out[0][t] <= hi && out[1][t] >= lo)) {
                fail(c + ": bar " + t + " long " + out[0][t] + " above " + hi + " or short " + out[1][t] + " below " + lo);
            }
        }
    }

    /**
     * Between two consecutive valid bars the index keeps its value unless the volume moved the selecting way (down
     * for nvi, up for pvi) with a non-zero previous close; the first valid bar is the start value.
     */
    static void volumeIndexHolds(KernelCase c, double[][] out, boolean rises) {
        double[] close = input(c, "close");
        double[] volume = input(c, "volume");
        double start = (Double) c.params().get("start");
        int last = -1;
        for (int t = 0; t < c.length(); t++) {
            double v = out[0][t];
            if (!Double.isFinite(close[t]) || !Double.isFinite(volume[t])) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although an input is missing");
                }
                continue;
            }
            if (Double.isNaN(v)) {
                continue; // an overflowing move is skipped like a missing bar
            }
            if (last < 0) {
                same(c, "the first value", t, v, start);
            } else {
                boolean moves = (rises ? volume[t] > volume[last] : volume[t] < volume[last]) && close[last] != 0;
                if (!moves) {
                    same(c, "a bar the volume rule skips", t, v, out[0][last]);
                }
            }
            last = t;
        }
    }

    /**
     * The total starts at 0 and then grows by V·(C − C₋₁)/C₋₁ (0 when C₋₁ = 0) from one valid bar to the next: it is
     * the exact sum of those terms, rounded once (a compensated {@code CumSum}), to within an ulp of the sum plus 2⁻¹⁰⁰
     * of the terms' magnitude.
     */
    static void pvtIncrements(KernelCase c, double[][] out) {
        double[] close = input(c, "close");
        double[] volume = input(c, "volume");
        int last = -1;
        java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
        double magnitude = 0;
        for (int t = 0; t < c.length(); t++) {
            double v = out[0][t];
            if (Double.isNaN(v)) {
                continue;
            }
            if (last < 0) {
                same(c, "the first value", t, v, 0.0);
            } else {
                double p = close[last];
                double term = p == 0 ? 0 : (close[t] - p) / p * volume[t];
                exact = exact.add(new java.math.BigDecimal(term));
                magnitude += Math.abs(term);
                double e = exact.doubleValue();
                if (!(Math.abs(v - e) <= 2 * Math.ulp(e) + 0x1p-100 * magnitude)) {
                    fail(c + ": the running total at bar " + t + " is " + v + ", the exact sum of its terms " + e);
                }
            }
            last = t;
        }
    }

    /** percent_b = (x − lower)/(upper − lower), 0.5 on coinciding bands; bandwidth = (upper − lower)/middle, 0 on 0. */
    static void overBands(KernelCase c, double[][] out, boolean percent) {
        var d = Descriptors.named("bbands");
        double[][] b = d.batch(ParamValues.of(d, c.params().asMap()), c.inputs());
        double[] x = c.inputs()[0];
        for (int t = 0; t < c.length(); t++) {
            double width = b[0][t] - b[2][t];
            double expected = percent
                    ? (width == 0 ? 0.5 : (x[t] - b[2][t]) / width)
                    : (b[1][t] == 0 ? 0 : width / b[1][t]);
            same(c, percent ? "percent_b" : "bandwidth", t, out[0][t], expected);
        }
    }

    static void dpoIsShiftMinusSma(KernelCase c, double[][] out) {
        int n = param(c, "period");
        double[] lagged = run("shift", Map.of("periods", n / 2 + 1), c.inputs());
        double[] average = run("sma", Map.of("period", n), c.inputs());
        for (int t = 0; t < c.length(); t++) {
            same(c, "dpo", t, out[0][t], lagged[t] - average[t]);
        }
    }

    static void zlemaIsEmaOfDelagged(KernelCase c, double[][] out) {
        int n = param(c, "period");
        double[] x = c.inputs()[0];
        double[] lagged = run("shift", Map.of("periods", (n - 1) / 2), c.inputs());
        double[] delagged = new double[x.length];
        for (int t = 0; t < x.length; t++) {
            delagged[t] = x[t] + (x[t] - lagged[t]);
        }
        double[] expected = run("ema", Map.of("period", n), delagged);
        for (int t = 0; t < c.length(); t++) {
            same(c, "zlema", t, out[0][t], expected[t]);
        }
    }

    static void kstIsWeightedSmaOfRoc(KernelCase c, double[][] out) {
        double[][] terms = new double[4][];
        for (int i = 0; i < 4; i++) {
            double[] roc = run("roc", Map.of("period", param(c, "roc" + (i + 1))), c.inputs());
            terms[i] = run("sma", Map.of("period", param(c, "sma" + (i + 1))), roc);
        }
        double[] line = new double[c.length()];
        for (int t = 0; t < line.length; t++) {
            line[t] = terms[0][t] + 2.0 * terms[1][t] + 3.0 * terms[2][t] + 4.0 * terms[3][t];
        }
        double[] signal = run("sma", Map.of("period", param(c, "signal_period")), line);
        for (int t = 0; t < line.length; t++) {
            same(c, "signal", t, out[1][t], signal[t]);
            same(c, "kst", t, out[0][t], Double.isNaN(signal[t]) ? Double.NaN : line[t]);
        }
    }
}
