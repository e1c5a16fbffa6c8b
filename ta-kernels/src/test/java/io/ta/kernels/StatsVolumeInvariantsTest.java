package io.ta.kernels;

import static io.ta.testing.Oracles.RESIDUE;
import static io.ta.testing.Oracles.eachFullWindow;
import static io.ta.testing.Oracles.exact;
import static io.ta.testing.Oracles.mean;
import static io.ta.testing.Oracles.near;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.kernels.volume.Vwap_Descriptor;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Window extremes and their indices, least-squares regression, correlation, mean deviation and the volume kernels:
 * naive oracles and range invariants, on random cases with missing values and extreme magnitudes.
 */
class StatsVolumeInvariantsTest extends InvariantSuite {
    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("midpoint", (c, out) -> eachFullWindow(c, out, (w, v, h) -> {
                    double lo = min(w);
                    double hi = max(w);
                    assertTrue(lo <= v && v <= hi, "midpoint " + v + " outside [" + lo + ", " + hi + "]");
                    exact(v, (hi + lo) / 2.0, "midpoint");
                })),
                Map.entry("midprice", (c, out) -> eachBar(c, out, (ws, v) -> {
                    double lo = min(ws[1]);
                    double hi = max(ws[0]);
                    exact(v[0], (hi + lo) / 2.0, "midprice");
                })),
                Map.entry("minmax", (c, out) -> eachBar(c, out, (ws, v) -> {
                    exact(v[0], min(ws[0]), "min");
                    exact(v[1], max(ws[0]), "max");
                    assertTrue(v[0] <= v[1], "min above max");
                })),
                Map.entry("maxindex", (c, out) -> indexInvariant(c, out[0], true)),
                Map.entry("minindex", (c, out) -> indexInvariant(c, out[0], false)),
                Map.entry("minmaxindex", (c, out) -> {
                    indexInvariant(c, out[0], false);
                    indexInvariant(c, out[1], true);
                }),
                Map.entry("avgdev", (c, out) -> eachFullWindow(c, out, (w, v, h) -> {
                    assertTrue(v >= 0, "avgdev " + v + " is negative");
                    double m = mean(w);
                    double dev = 0;
                    for (double x : w) {
                        dev += Math.abs(x - m);
                    }
                    near(v, dev / w.length, 4 * RESIDUE * h * w.length, "mean absolute deviation");
                })),
                Map.entry("linearreg", (c, out) -> regression(c, out, (n, b, m) -> b + m * (n - 1), 1)),
                Map.entry("linearreg_intercept", (c, out) -> regression(c, out, (n, b, m) -> b, 1)),
                Map.entry("tsf", (c, out) -> regression(c, out, (n, b, m) -> b + m * n, 1)),
                Map.entry("linearreg_slope", (c, out) -> regression(c, out, (n, b, m) -> m, 0)),
                Map.entry("linearreg_angle", (c, out) -> regression(c, out, (n, b, m) -> Math.toDegrees(Math.atan(m)), -1)),
                Map.entry("correl", StatsVolumeInvariantsTest::correlation),
                Map.entry("obv", (c, out) -> cumulative(c, out, new Cumulative() {
                    double previousClose;
                    boolean started;

                    @Override
                    public double term(double[] bar) {
                        double close = bar[0];
                        double volume = bar[1];
                        return !started || close > previousClose ? volume
                                : close < previousClose ? -volume
                                : 0.0;
                    }

                    @Override
                    public void added(double[] bar) {
                        started = true;
                        previousClose = bar[0];
                    }
                })),
                Map.entry("ad", (c, out) -> cumulative(c, out, bar -> {
                    double range = bar[0] - bar[1];
                    return range > 0 ? ((bar[2] - bar[1]) - (bar[0] - bar[2])) / range * bar[3] : 0.0;
                })),
                Map.entry("vwap", StatsVolumeInvariantsTest::vwapWithinTypicalPrices),
                Map.entry("cmf", (c, out) -> eachBar(c, out, (ws, v) -> {
                    // Well-formed bars (L ≤ C ≤ H) have |CLV| ≤ 1, so |ΣMFV| ≤ ΣV, up to the running sums' residue.
                    double volume = Arrays.stream(ws[3]).sum();
                    double residue = RESIDUE * 4e7 * c.length() * ws[3].length;
                    double slack = volume == 0 ? 0 : residue / volume;
                    assertTrue(Math.abs(v[0]) <= 1 + slack, "cmf " + v[0] + " outside [-1, 1]");
                })));
    }

    static double min(double[] w) {
        return Arrays.stream(w).min().orElseThrow();
    }

    static double max(double[] w) {
        return Arrays.stream(w).max().orElseThrow();
    }

    /** A check of one bar's outputs against the windows (lookback + 1 bars) of every input. */
    interface BarCheck {
        void check(double[][] windows, double[] values);
    }

    /**
     * For every bar whose windows are complete: all outputs NaN if any input window holds a missing value, otherwise
     * {@code check} (NaN is accepted only when the windows hold magnitudes large enough to overflow).
     */
    static void eachBar(KernelCase c, double[][] out, BarCheck check) {
        int n = c.descriptor().lookback(c.params()) + 1;
        double[][] in = c.inputs();
        for (int t = n - 1; t < c.length(); t++) {
            double[][] ws = new double[in.length][];
            boolean finite = true;
            boolean tame = true;
            for (int i = 0; i < in.length; i++) {
                ws[i] = Arrays.copyOfRange(in[i], t - n + 1, t + 1);
                finite &= Arrays.stream(ws[i]).allMatch(Double::isFinite);
                tame &= Arrays.stream(ws[i]).allMatch(a -> Math.abs(a) < 1e150);
            }
            double[] v = new double[out.length];
            boolean anyNaN = false;
            for (int o = 0; o < out.length; o++) {
                v[o] = out[o][t];
                anyNaN |= Double.isNaN(v[o]);
            }
            if (!finite) {
                for (double x : v) {
                    if (!Double.isNaN(x)) {
                        fail(c + ": bar " + t + " is " + x + " although a window holds a missing value");
                    }
                }
                continue;
            }
            if (anyNaN) {
                if (tame) {
                    fail(c + ": bar " + t + " is NaN although its windows are finite");
                }
                continue;
            }
            try {
                check.check(ws, v);
            } catch (AssertionError e) {
                fail(c + ": bar " + t + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The index points at a bar of the current window holding its extreme, and is the one TA-Lib's MAXINDEX/MININDEX
     * picks: TA-Lib's own held-extreme-and-rescan loop, run naively here (missing values never win).
     */
    static void indexInvariant(KernelCase c, double[] out, boolean max) {
        double[] x = c.inputs()[0];
        int n = c.descriptor().lookback(c.params()) + 1;
        int held = -1;
        for (int t = n - 1; t < x.length; t++) {
            int trailing = t - n + 1;
            if (held < trailing) {
                held = trailing;
                for (int i = trailing + 1; i <= t; i++) {
                    if (key(x[i], max) > key(x[held], max)) {
                        held = i;
                    }
                }
            } else if (key(x[t], max) >= key(x[held], max)) {
                held = t;
            }
            double[] w = Arrays.copyOfRange(x, trailing, t + 1);
            double v = out[t];
            if (!Arrays.stream(w).allMatch(Double::isFinite)) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although its window holds a missing value");
                }
                continue;
            }
            double extreme = max ? max(w) : min(w);
            if (!(v >= trailing && v <= t && v == Math.rint(v) && x[(int) v] == extreme)) {
                fail(c + ": bar " + t + ": index " + v + " does not hold the window's extreme " + extreme);
            }
            if (v != held) {
                fail(c + ": bar " + t + ": index " + v + ", TA-Lib's tie rule picks " + held);
            }
        }
    }

    private static double key(double x, boolean max) {
        return Double.isFinite(x) ? (max ? x : -x) : Double.NEGATIVE_INFINITY;
    }

    /** What a linear-regression kernel reports, from the window length and the fitted {@code y = b + m·i}. */
    interface Line {
        double at(int n, double b, double m);
    }

    /**
     * The least-squares line (oldest bar at 0) fitted naively and stably (centred two-pass sums) against the kernel's
     * output. {@code kind}: 1 = a value on the line (error scales with the window length), 0 = the slope, −1 = the
     * angle in degrees. The tolerance covers TA-Lib's uncentred formula, whose numerator cancels: a few hundred ulps
     * of the largest magnitude seen so far, per bar of the window.
     */
    static void regression(KernelCase c, double[][] out, Line line, int kind) {
        eachFullWindow(c, out, (w, v, h) -> {
            int n = w.length;
            double xm = (n - 1) / 2.0;
            double ym = mean(w);
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                sxy += (i - xm) * (w[i] - ym);
                sxx += (i - xm) * (i - xm);
            }
            double m = sxy / sxx;
            double b = ym - m * xm;
            double slopeTolerance = 256 * RESIDUE * h;
            double tolerance = switch (kind) {
                case 1 -> slopeTolerance * 4 * n;
                case 0 -> slopeTolerance;
                default -> Math.toDegrees(slopeTolerance);
            };
            near(v, line.at(n, b, m), tolerance + 1e-12 * Math.abs(v), "least squares");
        });
    }

    /**
     * Pearson correlation against a two-pass oracle on every window: 0 when either window is constant, otherwise the
     * oracle's value to 1e-9 and always inside [−1, 1] — whatever the level of the series or the values that left
     * the window (exact, centred window sums; no TA-Lib epsilon).
     */
    static void correlation(KernelCase c, double[][] out) {
        eachBar(c, out, (ws, v) -> {
            double[] x = ws[0];
            double[] y = ws[1];
            int n = x.length;
            double mx = mean(x);
            double my = mean(y);
            double sxx = 0;
            double syy = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                sxx += (x[i] - mx) * (x[i] - mx);
                syy += (y[i] - my) * (y[i] - my);
                sxy += (x[i] - mx) * (y[i] - my);
            }
            assertTrue(Math.abs(v[0]) <= 1, "correl " + v[0] + " outside [-1, 1]");
            if (Arrays.stream(x).allMatch(a -> a == x[0]) || Arrays.stream(y).allMatch(a -> a == y[0])) {
                exact(v[0], 0.0, "correl of a constant window");
            } else if (sxx > 0 && syy > 0 && Double.isFinite(sxx * syy)) {
                near(v[0], Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx) / Math.sqrt(syy))), 1e-9, "correlation");
            }
        });
    }

    /** The largest finite magnitude of a series. */
    static double largest(double[] x) {
        return Arrays.stream(x).filter(Double::isFinite).map(Math::abs).max().orElse(0);
    }

    /** One bar's contribution to a cumulative total, given that bar's (all finite) inputs. */
    interface Cumulative {
        /** The bar's term, from the bars added so far. */
        double term(double[] bar);

        /** The bar was added (a bar that would overflow the total is skipped, as a missing one is). */
        default void added(double[] bar) {}
    }

    /**
     * A cumulative kernel against a naive running total: bars with a missing input are NaN and contribute nothing
     * (docs/spec.md §5.2), and so are bars whose term would overflow the total; every other bar outputs the total so
     * far, to the rounding of the terms added.
     */
    static void cumulative(KernelCase c, double[][] out, Cumulative term) {
        double total = 0;
        double magnitude = 0;
        for (int t = 0; t < c.length(); t++) {
            double[] bar = c.bar(t);
            double v = out[0][t];
            if (!Arrays.stream(bar).allMatch(Double::isFinite)) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although an input is missing");
                }
                continue;
            }
            double d = term.term(bar);
            // Halved, the sum cannot overflow. The kernel's total is compensated and this one is not: within a
            // rounding of the largest double they may fall on different sides of it, and either answer is right.
            double half = Math.abs(total / 2 + d / 2) / (Double.MAX_VALUE / 2);
            boolean overflows = half > 1;
            boolean borderline = Math.abs(half - 1) < 1e-9;
            if (Double.isNaN(v)) {
                if (!overflows && !borderline) {
                    fail(c + ": bar " + t + " is NaN although its inputs are finite");
                }
                continue;
            }
            if (overflows && !borderline) {
                fail(c + ": bar " + t + " is " + v + " although the total overflows");
            }
            term.added(bar);
            total += d;
            magnitude += Math.abs(d);
            near(v, total, 4 * RESIDUE * magnitude * (t + 1), c + ": bar " + t + " running total");
        }
    }

    /** vwap is a volume-weighted mean of the typical prices so far, so it lies within their range. */
    static void vwapWithinTypicalPrices(KernelCase c, double[][] out) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean weighted = false;
        double priceVolume = 0;
        double volume = 0;
        for (int t = 0; t < c.length(); t++) {
            double[] bar = c.bar(t);
            double v = out[0][t];
            if (!Arrays.stream(bar).allMatch(Double::isFinite)) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although an input is missing");
                }
                continue;
            }
            double tp = (bar[0] + bar[1] + bar[2]) / 3.0;
            // A bar whose price-volume or either sum would overflow enters neither sum: NaN, as a missing bar.
            double[] fill = {Math.abs(tp / 2 * bar[3]) / (Double.MAX_VALUE / 2),
                Math.abs(priceVolume / 2 + tp / 2 * bar[3]) / (Double.MAX_VALUE / 2),
                Math.abs(volume / 2 + bar[3] / 2) / (Double.MAX_VALUE / 2)};
            boolean overflows = !Arrays.stream(fill).allMatch(f -> f <= 1);
            boolean borderline = Arrays.stream(fill).anyMatch(f -> Math.abs(f - 1) < 1e-9);
            if (Double.isNaN(v) && (overflows || borderline)) {
                continue;
            }
            if (overflows && !borderline) {
                fail(c + ": bar " + t + " is " + v + " although its price-volume or a sum overflows");
            }
            priceVolume += tp * bar[3];
            volume += bar[3];
            if (bar[3] != 0) {
                weighted = true;
                lo = Math.min(lo, tp);
                hi = Math.max(hi, tp);
            }
            if (!weighted) {
                exact(v, tp, c + ": bar " + t + " with no volume so far is the typical price");
                continue;
            }
            double slack = 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
            assertTrue(v >= lo - slack && v <= hi + slack,
                    c + ": bar " + t + " vwap " + v + " outside [" + lo + ", " + hi + "]");
        }
    }

    /**
     * vwap keeps two sums, and a bar must enter both or neither: here the second bar's volumes overflow while its
     * price-volume still fits. Had that half of the bar stayed in, the third bar's vwap would be 1.0, a weighted mean
     * outside every typical price it weighs.
     */
    @Test
    void vwapAddsABarToBothSumsOrToNeither() {
        double[] price = {0.5, 0.5, 0.5};
        double[] volume = {1e308, 1e308, 1.0};
        double[] out = new double[3];
        Vwap_Descriptor.batch(price, price, price, volume, out);
        assertEquals(0.5, out[0]);
        assertTrue(Double.isNaN(out[1]), "the overflowing bar is " + out[1]);
        assertEquals(0.5, out[2], "after the overflowing bar");
    }

    /**
     * ad, vwap and cmf test no input for a missing value: it must reach their sums as a NaN or an infinity, which they
     * skip. For ad and cmf that needs care where the range is not positive (ad) or flat (cmf) and the flow is taken as
     * 0: a missing volume, close, high or low there must still make the bar NaN and add nothing.
     */
    @Test
    void adVwapAndCmfSkipABarWithAnyMissingInput() {
        double nan = Double.NaN;
        double inf = Double.POSITIVE_INFINITY;
        // Bar 1 of each case is missing one input; bar 0 and bar 2 are the same valid bars throughout.
        double[][] missing = {{nan, 0, 0, 0}, {0, nan, 0, 0}, {0, 0, nan, 0}, {0, 0, 0, nan}, {inf, 0, 0, 0},
            {0, -inf, 0, 0}, {0, 0, inf, 0}, {0, 0, 0, inf}, {0, 0, 0, -inf}};
        for (double[] m : missing) {
            for (double range : new double[] {0.0, 1.0}) {
                // high, low, close, volume
                double[][] in = {{11, 10 + range + m[0], 12}, {9, 10 + m[1], 9}, {10, 10 + range / 2 + m[2], 11},
                    {100, 50 + m[3], 70}};
                double[] ad = new double[3];
                io.ta.kernels.volume.Ad_Descriptor.batch(in[0], in[1], in[2], in[3], ad);
                double[] vwap = new double[3];
                Vwap_Descriptor.batch(in[0], in[1], in[2], in[3], vwap);
                String bar = Arrays.toString(new double[] {in[0][1], in[1][1], in[2][1], in[3][1]});
                assertTrue(Double.isNaN(ad[1]), "ad of " + bar + " is " + ad[1]);
                assertTrue(Double.isNaN(vwap[1]), "vwap of " + bar + " is " + vwap[1]);
                // The bar added nothing: bar 2 is what it is after bar 0 alone.
                double[][] skipped = {{11, 12}, {9, 9}, {10, 11}, {100, 70}};
                double[] ad2 = new double[2];
                io.ta.kernels.volume.Ad_Descriptor.batch(skipped[0], skipped[1], skipped[2], skipped[3], ad2);
                double[] vwap2 = new double[2];
                Vwap_Descriptor.batch(skipped[0], skipped[1], skipped[2], skipped[3], vwap2);
                assertEquals(ad2[1], ad[2], "ad after " + bar);
                assertEquals(vwap2[1], vwap[2], "vwap after " + bar);
                // cmf over one bar: the missing bar is NaN, the next one its own flow's share of its volume.
                double[] cmf = new double[3];
                io.ta.kernels.volume.Cmf_Descriptor.batch(in[0], in[1], in[2], in[3], 1, cmf);
                double[] cmf2 = new double[2];
                io.ta.kernels.volume.Cmf_Descriptor.batch(skipped[0], skipped[1], skipped[2], skipped[3], 1, cmf2);
                assertTrue(Double.isNaN(cmf[1]), "cmf of " + bar + " is " + cmf[1]);
                assertEquals(cmf2[1], cmf[2], "cmf after " + bar);
            }
        }
    }
}
