package io.ta.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.error.CorruptSnapshotException;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The anchored sums ({@link AnchoredSum}, {@link AnchoredWeightedSum}), the exact window parts ({@link WindowSum}, {@link WindowSumPair},
 * {@link WindowMoments}, {@link WindowComoments}, {@link WindowTrend}) and {@link OrderStatistics} against references
 * computed from scratch over each window in exact (BigDecimal) arithmetic; their checkpoints against uninterrupted runs
 * bit for bit; their snapshots against corrupt input.
 */
class ExactWindowsTest {
    private static final MathContext MC = new MathContext(160);
    private static final int[] WINDOWS = {1, 2, 3, 5, 16, 17, 40, 100};

    /**
     * A hard series: a walk far from zero, flat runs, missing runs, runs of zeros, and outliers up to 1e20 times its
     * level.
     */
    static double[] series(SplittableRandom r, int n) {
        double level = switch (r.nextInt(4)) {
            case 0 -> 1e6;
            case 1 -> 1e-6;
            case 2 -> 50.0;
            default -> 0.0;
        };
        double step = (level == 0.0 ? 1.0 : level) * (r.nextBoolean() ? 1e-2 : 1e-7);
        double[] x = new double[n];
        double v = level;
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(40);
            if (zeros > 0 || k == 5 && r.nextInt(4) == 0) {
                // Runs of zeros, up to a few windows long: whole blocks of them, and blocks that end in them.
                zeros = zeros > 0 ? zeros - 1 : r.nextInt(1, 50);
                x[i] = r.nextBoolean() ? 0.0 : -0.0;
            } else if (k == 0) {
                x[i] = Double.NaN;
            } else if (k == 1) {
                x[i] = (level == 0.0 ? 1.0 : level) * (r.nextBoolean() ? 1e8 : 1e20);
            } else if (k < 5 && i > 0) {
                x[i] = x[i - 1] == x[i - 1] ? x[i - 1] : v;
            } else {
                v += step * r.nextGaussian();
                x[i] = v;
            }
        }
        return x;
    }

    static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    /** The window ending at {@code t} (inclusive), or null if it is not full or holds a missing value. */
    static double[] window(double[] x, int t, int w) {
        if (t + 1 < w) {
            return null;
        }
        double[] out = Arrays.copyOfRange(x, t + 1 - w, t + 1);
        for (double v : out) {
            if (!finite(v)) {
                return null;
            }
        }
        return out;
    }

    static BigDecimal big(double v) {
        return new BigDecimal(v);
    }

    static void close(String what, double expected, double actual, double scale) {
        double tol = 1e-12 * Math.max(Math.abs(expected), scale);
        if (!(Math.abs(expected - actual) <= tol)) {
            fail(what + ": " + actual + ", exact " + expected + " (scale " + scale + ")");
        }
    }

    @Test
    void sumsAreFreshSumsOfTheWindow() {
        SplittableRandom r = new SplittableRandom(1);
        for (int w : WINDOWS) {
            for (int rep = 0; rep < 4; rep++) {
                double[] x = series(r, 600);
                WindowSum s = new WindowSum(w);
                for (int t = 0; t < x.length; t++) {
                    s.push(x[t]);
                    if (t + 1 >= w) {
                        // The value the next push takes out, as pushed: trendflex reads its f[n] there.
                        assertEquals(Double.doubleToRawLongBits(x[t + 1 - w]), Double.doubleToRawLongBits(s.oldest()),
                                "oldest w=" + w + " t=" + t);
                    }
                    double[] win = window(x, t, w);
                    assertEquals(win == null, t + 1 < w || s.hasMissing(), "missing at " + t);
                    if (win != null) {
                        BigDecimal exact = BigDecimal.ZERO;
                        for (double v : win) {
                            exact = exact.add(big(v));
                        }
                        // The sum is exact to the rounding of the values it was computed from: the window's two
                        // blocks, the previous one from its first value on (so an outlier counts until that block is
                        // no longer the previous one: at most a window after it left).
                        int r0 = (t + 1) % w;
                        int from = Math.max(0, r0 == 0 ? t + 1 - w : t + 1 - r0 - w);
                        double seen = 0;
                        for (int i = from; i <= t; i++) {
                            seen += finite(x[i]) ? Math.abs(x[i]) : 0.0;
                        }
                        close("sum w=" + w + " t=" + t, exact.doubleValue(), s.sum(), seen);
                        if (from >= t + 1 - w) {
                            double abs = 0;
                            for (double v : win) {
                                abs += Math.abs(v);
                            }
                            close("fresh sum w=" + w + " t=" + t, exact.doubleValue(), s.sum(), abs);
                        }
                    }
                }
            }
        }
    }

    /**
     * A pair's sums are, bit for bit, two {@link WindowSum}s' of series missing together; a pair with one value missing
     * is missing from both sums.
     */
    @Test
    void pairSumsAreTwoWindowSums() {
        SplittableRandom r = new SplittableRandom(11);
        for (int w : WINDOWS) {
            double[] x = series(r, 600);
            double[] y = series(r, 600);
            WindowSumPair pair = new WindowSumPair(w);
            WindowSum sx = new WindowSum(w);
            WindowSum sy = new WindowSum(w);
            for (int t = 0; t < x.length; t++) {
                // One value missing makes the pair missing: feed the plain sums that pair as missing in both.
                boolean missing = !Double.isFinite(x[t]) || !Double.isFinite(y[t]);
                pair.push(x[t], y[t]);
                sx.push(missing ? Double.NaN : x[t]);
                sy.push(missing ? Double.NaN : y[t]);
                assertEquals(sx.isFull(), pair.isFull());
                assertEquals(sx.hasMissing(), pair.hasMissing(), "w=" + w + " t=" + t);
                if (pair.isFull()) {
                    assertEquals(sx.sum(), pair.sumX(), "w=" + w + " t=" + t);
                    assertEquals(sy.sum(), pair.sumY(), "w=" + w + " t=" + t);
                }
            }
        }
    }

    /**
     * A triple's sums are, bit for bit, three {@link WindowSum}s' of series missing together, each series missing on
     * its own bars; the triple's push merges three finite tests into one, so a value of every kind is pushed.
     */
    @Test
    void tripleSumsAreThreeWindowSums() {
        SplittableRandom r = new SplittableRandom(17);
        for (int w : WINDOWS) {
            double[][] v = {series(r, 600), series(r, 600), series(r, 600)};
            double[] odd = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MAX_VALUE,
                Double.MIN_VALUE};
            for (int t = 0; t < 600; t += 1 + r.nextInt(40)) {
                v[r.nextInt(3)][t] = odd[r.nextInt(odd.length)];
            }
            WindowSumTriple triple = new WindowSumTriple(w);
            WindowSum[] sums = {new WindowSum(w), new WindowSum(w), new WindowSum(w)};
            for (int t = 0; t < 600; t++) {
                boolean missing = !(Double.isFinite(v[0][t]) && Double.isFinite(v[1][t]) && Double.isFinite(v[2][t]));
                triple.push(v[0][t], v[1][t], v[2][t]);
                for (int k = 0; k < 3; k++) {
                    sums[k].push(missing ? Double.NaN : v[k][t]);
                }
                assertEquals(sums[0].isFull(), triple.isFull());
                assertEquals(sums[0].hasMissing(), triple.hasMissing(), "w=" + w + " t=" + t);
                if (triple.isFull()) {
                    assertEquals(sums[0].sum(), triple.sumX(), "w=" + w + " t=" + t);
                    assertEquals(sums[1].sum(), triple.sumY(), "w=" + w + " t=" + t);
                    assertEquals(sums[2].sum(), triple.sumZ(), "w=" + w + " t=" + t);
                }
            }
        }
    }

    /**
     * An anchored sum is a fresh sum of the window at every block end, and in between a running total whose error is
     * that of adding the values it has seen since its anchor: close to the exact sum at the scale of the window it
     * was anchored on and every value pushed since — so a 1e20 outlier is forgotten at the first anchor after it left.
     */
    @Test
    void anchoredSumsAreFreshAtEachAnchorAndCloseBetween() {
        SplittableRandom r = new SplittableRandom(11);
        for (int w : WINDOWS) {
            for (int rep = 0; rep < 4; rep++) {
                double[] x = series(r, 600);
                AnchoredSum s = new AnchoredSum(w);
                AnchoredWeightedSum ws = new AnchoredWeightedSum(w);
                for (int t = 0; t < x.length; t++) {
                    s.push(x[t]);
                    ws.push(x[t]);
                    double[] win = window(x, t, w);
                    assertEquals(win == null, t + 1 < w || s.hasMissing(), "missing at " + t);
                    assertEquals(s.hasMissing(), ws.hasMissing(), "weighted: missing at " + t);
                    if (win == null) {
                        continue;
                    }
                    BigDecimal exact = BigDecimal.ZERO;
                    BigDecimal exactWeighted = BigDecimal.ZERO;
                    double abs = 0;
                    for (int k = 0; k < w; k++) {
                        exact = exact.add(big(win[k]));
                        exactWeighted = exactWeighted.add(big(win[k]).multiply(BigDecimal.valueOf(k + 1)));
                        abs += Math.abs(win[k]);
                    }
                    if ((t + 1) % w == 0) {
                        close("anchor w=" + w + " t=" + t, exact.doubleValue(), s.sum(), abs);
                        close("weighted anchor w=" + w + " t=" + t, exactWeighted.doubleValue(), ws.weightedSum(),
                                w * abs);
                    }
                    int anchor = (t + 1) / w * w - 1;
                    double seen = 0;
                    for (int i = Math.max(0, anchor - w + 1); i <= t; i++) {
                        seen += finite(x[i]) ? Math.abs(x[i]) : 0.0;
                    }
                    close("sum w=" + w + " t=" + t, exact.doubleValue(), s.sum(), seen);
                    close("weighted w=" + w + " t=" + t, exactWeighted.doubleValue(), ws.weightedSum(), w * seen);
                }
            }
        }
    }

    /**
     * A part lent its input ({@code @OfInput}: what a batch does) reads back exactly what its ring would have held —
     * missing values as 0, −0 as −0 — so it agrees with an unlent part bit for bit on every push, over hard series
     * shorter and longer than the window. {@code push}, for parts held inside other kernels, never reads a lent input:
     * a part lent an array of other values and pushed with it agrees too.
     */
    @Test
    void anchoredSumsBackedByTheirInputAgreeBitForBit() {
        SplittableRandom r = new SplittableRandom(17);
        for (int w : WINDOWS) {
            for (int rep = 0; rep < 6; rep++) {
                double[] x = series(r, rep == 0 ? Math.max(1, w / 2) : 400);
                if (rep == 1) {
                    x[r.nextInt(x.length)] = -0.0;
                }
                AnchoredSum ring = new AnchoredSum(w);
                AnchoredSum lent = new AnchoredSum(w);
                lent.backWith(x);
                AnchoredWeightedSum wring = new AnchoredWeightedSum(w);
                AnchoredWeightedSum wlent = new AnchoredWeightedSum(w);
                wlent.backWith(x);
                AnchoredSum held = new AnchoredSum(w);
                held.backWith(new double[x.length]);
                AnchoredWeightedSum wheld = new AnchoredWeightedSum(w);
                wheld.backWith(new double[x.length]);
                for (int t = 0; t < x.length; t++) {
                    ring.push(x[t]);
                    lent.pushLendable(x[t]);
                    held.push(x[t]);
                    wring.push(x[t]);
                    wlent.pushLendable(x[t]);
                    wheld.push(x[t]);
                    String at = "w=" + w + " t=" + t;
                    assertEquals(ring.hasMissing(), lent.hasMissing(), at);
                    if (ring.isFull()) {
                        assertEquals(Double.doubleToRawLongBits(ring.sum()), Double.doubleToRawLongBits(lent.sum()), at);
                        assertEquals(Double.doubleToRawLongBits(ring.sum()), Double.doubleToRawLongBits(held.sum()), at);
                        assertEquals(Double.doubleToRawLongBits(wring.weightedSum()),
                                Double.doubleToRawLongBits(wheld.weightedSum()), "weighted, held " + at);
                        assertEquals(Double.doubleToRawLongBits(wring.weightedSum()),
                                Double.doubleToRawLongBits(wlent.weightedSum()), "weighted " + at);
                    }
                }
            }
        }
    }

    /**
     * A lent part checks the push that ends each block against its input: a step that pushes a transformed value (or
     * pushes twice) fails within one window instead of summing a window it never saw; only a fresh part can be lent an
     * input.
     */
    @Test
    void aBackedPartRefusesWhatItsInputDoesNotHold() {
        double[] x = {1.0, 2.0, 3.0, 4.0};
        AnchoredSum s = new AnchoredSum(2);
        s.backWith(x);
        s.pushLendable(1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.pushLendable(2.5));
        assertTrue(e.getMessage().contains("@OfInput"), e.getMessage());
        AnchoredSum twice = new AnchoredSum(2);
        twice.backWith(x);
        twice.pushLendable(1.0);
        assertThrows(IllegalStateException.class, () -> twice.pushLendable(1.0));
        AnchoredSum doubled = new AnchoredSum(3);
        doubled.backWith(x);
        doubled.pushLendable(2.0);
        doubled.pushLendable(4.0);
        assertThrows(IllegalStateException.class, () -> doubled.pushLendable(6.0), "caught at the block's end");
        AnchoredSum used = new AnchoredSum(2);
        used.push(1.0);
        assertThrows(IllegalStateException.class, () -> used.backWith(x));
        AnchoredWeightedSum lent = new AnchoredWeightedSum(2);
        lent.backWith(x);
        assertThrows(IllegalStateException.class, () -> lent.backWith(x));
    }

    /** A window of zeros (or missing values) sums to exactly 0, whatever the total carried of the values before. */
    @Test
    void anchoredSumsOfZerosAreZero() {
        SplittableRandom r = new SplittableRandom(13);
        for (int w : WINDOWS) {
            AnchoredSum s = new AnchoredSum(w);
            AnchoredWeightedSum ws = new AnchoredWeightedSum(w);
            for (int rep = 0; rep < 20; rep++) {
                for (int t = r.nextInt(3 * w); t > 0; t--) {
                    double v = Math.pow(10, r.nextInt(-8, 21)) * r.nextDouble();
                    s.push(v);
                    ws.push(v);
                }
                for (int t = 0; t < w; t++) {
                    double v = r.nextInt(5) == 0 ? Double.NaN : r.nextBoolean() ? 0.0 : -0.0;
                    s.push(v);
                    ws.push(v);
                }
                assertTrue(s.isFull() && ws.isFull());
                assertEquals(0.0, s.sum(), "w=" + w + ": a window of zeros");
                assertEquals(0.0, ws.weightedSum(), "w=" + w + ": a weighted window of zeros");
            }
        }
    }

    /**
     * The window sums of non-negative values are never below 0, however large the values that left (a running
     * total of them can come out at −1e-17 after an outlier, and a square root of it is NaN), and a window of zeros
     * (or missing values) sums to exactly 0.
     */
    @Test
    void windowSumsOfNonNegativeValuesAreNotNegativeAndZerosAreZero() {
        SplittableRandom r = new SplittableRandom(14);
        for (int w : WINDOWS) {
            WindowSum s = new WindowSum(w);
            WindowSumPair pair = new WindowSumPair(w);
            WindowSumTriple triple = new WindowSumTriple(w);
            for (int rep = 0; rep < 20; rep++) {
                for (int t = r.nextInt(3 * w); t > 0; t--) {
                    double v = Math.pow(10, r.nextInt(-8, 21)) * r.nextDouble();
                    s.push(v);
                    pair.push(v, v / 3);
                    triple.push(v / 7, v, v / 3);
                    if (s.isFull() && !s.hasMissing()) {
                        assertTrue(s.sum() >= 0.0 && pair.sumX() >= 0.0 && pair.sumY() >= 0.0,
                                "w=" + w + ": " + s.sum() + ", " + pair.sumX() + ", " + pair.sumY());
                        assertTrue(triple.sumX() >= 0.0 && triple.sumY() >= 0.0 && triple.sumZ() >= 0.0, "w=" + w);
                    }
                }
                for (int t = 0; t < w; t++) {
                    double v = r.nextInt(5) == 0 ? Double.NaN : r.nextBoolean() ? 0.0 : -0.0;
                    s.push(v);
                    pair.push(v, v);
                    triple.push(v, v, v);
                }
                assertTrue(s.isFull() && pair.isFull());
                assertEquals(0.0, s.sum(), "w=" + w + ": a window of zeros");
                assertEquals(0.0, pair.sumX(), "w=" + w + ": a pair's window of zeros");
                assertEquals(0.0, pair.sumY(), "w=" + w + ": a pair's window of zeros");
                assertEquals(0.0, triple.sumX(), "w=" + w + ": a triple's window of zeros");
                assertEquals(0.0, triple.sumY(), "w=" + w + ": a triple's window of zeros");
                assertEquals(0.0, triple.sumZ(), "w=" + w + ": a triple's window of zeros");
            }
        }
    }

    /** A long stream near 1e6 with steps of 0.01 (the hardest case for a running total) does not drift. */
    @Test
    void anchoredSumsDoNotDrift() {
        SplittableRandom r = new SplittableRandom(12);
        int w = 20;
        AnchoredSum s = new AnchoredSum(w);
        AnchoredWeightedSum ws = new AnchoredWeightedSum(w);
        double[] last = new double[w];
        double v = 1e6;
        int n = 3_000_000 + 7;
        for (int t = 0; t < n; t++) {
            v += 0.01 * r.nextGaussian();
            last[t % w] = v;
            s.push(v);
            ws.push(v);
        }
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal exactWeighted = BigDecimal.ZERO;
        for (int k = 0; k < w; k++) {
            double a = last[(n + k) % w];
            exact = exact.add(big(a));
            exactWeighted = exactWeighted.add(big(a).multiply(BigDecimal.valueOf(k + 1)));
        }
        close("after 3e6 pushes", exact.doubleValue(), s.sum(), 0);
        close("weighted, after 3e6 pushes", exactWeighted.doubleValue(), ws.weightedSum(), 0);
    }

    @Test
    void momentsAreCentredAndExact() {
        SplittableRandom r = new SplittableRandom(2);
        for (int w : WINDOWS) {
            for (int rep = 0; rep < 4; rep++) {
                double[] x = series(r, 600);
                WindowMoments m = new WindowMoments(w);
                for (int t = 0; t < x.length; t++) {
                    m.push(x[t]);
                    double[] win = window(x, t, w);
                    if (win != null) {
                        BigDecimal[] e = exactMoments(win, win);
                        double level = 0;
                        for (double v : win) {
                            level = Math.max(level, Math.abs(v));
                        }
                        close("mean w=" + w + " t=" + t, e[0].doubleValue(), m.mean(), level);
                        double m2 = e[2].doubleValue();
                        // M2's own scale: the spread of the window, never the price level.
                        close("m2 w=" + w + " t=" + t, m2, m.m2(), 1e3 * w * 0x1p-53 / 1e-12 * m2);
                        if (m2 == 0.0) {
                            assertEquals(0.0, m.m2(), "a constant window has M2 exactly 0");
                        }
                    }
                }
            }
        }
    }

    /** Exact mean of a, mean of b, Σ(a − ā)², Σ(b − b̄)², Σ(a − ā)(b − b̄). */
    static BigDecimal[] exactMoments(double[] a, double[] b) {
        BigDecimal n = BigDecimal.valueOf(a.length);
        BigDecimal sa = BigDecimal.ZERO;
        BigDecimal sb = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            sa = sa.add(big(a[i]));
            sb = sb.add(big(b[i]));
        }
        BigDecimal ma = sa.divide(n, MC);
        BigDecimal mb = sb.divide(n, MC);
        BigDecimal aa = BigDecimal.ZERO;
        BigDecimal bb = BigDecimal.ZERO;
        BigDecimal ab = BigDecimal.ZERO;
        for (int i = 0; i < a.length; i++) {
            BigDecimal da = big(a[i]).subtract(ma);
            BigDecimal db = big(b[i]).subtract(mb);
            aa = aa.add(da.multiply(da));
            bb = bb.add(db.multiply(db));
            ab = ab.add(da.multiply(db));
        }
        return new BigDecimal[] {ma, mb, aa, bb, ab};
    }

    @Test
    void comomentsAreCentredAndExact() {
        SplittableRandom r = new SplittableRandom(3);
        for (int w : WINDOWS) {
            for (int rep = 0; rep < 4; rep++) {
                double[] x = series(r, 500);
                double[] y = series(r, 500);
                WindowComoments c = new WindowComoments(w);
                for (int t = 0; t < x.length; t++) {
                    c.push(x[t], y[t]);
                    double[] wx = window(x, t, w);
                    double[] wy = window(y, t, w);
                    assertEquals(wx == null || wy == null, t + 1 < w || c.hasMissing(), "missing at " + t);
                    if (wx != null && wy != null) {
                        c.compute();
                        BigDecimal[] e = exactMoments(wx, wy);
                        double sxx = e[2].doubleValue();
                        double syy = e[3].doubleValue();
                        double bound = 1e3 * w * 0x1p-53 / 1e-12;
                        close("m2x", sxx, c.m2x(), bound * sxx);
                        close("m2y", syy, c.m2y(), bound * syy);
                        close("cxy w=" + w + " t=" + t, e[4].doubleValue(), c.comoment(), bound * Math.sqrt(sxx * syy));
                    }
                }
            }
        }
    }

    @Test
    void trendIsTheCentredPositionComoment() {
        SplittableRandom r = new SplittableRandom(4);
        for (int w : WINDOWS) {
            for (int rep = 0; rep < 4; rep++) {
                double[] x = series(r, 500);
                WindowTrend tr = new WindowTrend(w);
                double[] positions = new double[w];
                for (int i = 0; i < w; i++) {
                    positions[i] = i;
                }
                for (int t = 0; t < x.length; t++) {
                    tr.push(x[t]);
                    double[] win = window(x, t, w);
                    if (win != null) {
                        tr.compute();
                        BigDecimal[] e = exactMoments(positions, win);
                        double level = 0;
                        for (double v : win) {
                            level = Math.max(level, Math.abs(v));
                        }
                        close("mean", e[1].doubleValue(), tr.mean(), level);
                        double spread = Math.sqrt(e[2].doubleValue() * e[3].doubleValue());
                        close("trend w=" + w + " t=" + t, e[4].doubleValue(), tr.comoment(), 1e3 * w * 0x1p-53 / 1e-12 * spread);
                    }
                }
            }
        }
    }

    /** Both paths of {@link OrderStatistics} (the scan of small windows and the tree) against a sorted window. */
    @Test
    void orderStatisticsMatchASortedWindow() {
        SplittableRandom r = new SplittableRandom(5);
        for (int w : WINDOWS) {
            for (int rep = 0; rep < 8; rep++) {
                double[] x = series(r, 500);
                for (int i = 0; i < x.length; i++) {
                    if (r.nextInt(3) == 0 && finite(x[i])) {
                        x[i] = Math.rint(x[i]); // ties
                    }
                }
                OrderStatistics o = new OrderStatistics(w, rep % 2 == 0);
                for (int t = 0; t < x.length; t++) {
                    o.push(x[t]);
                    List<Double> finite = new ArrayList<>();
                    for (int i = Math.max(0, t + 1 - w); i <= t; i++) {
                        if (finite(x[i])) {
                            finite.add(x[i]);
                        }
                    }
                    assertEquals(finite.size(), o.size());
                    assertEquals(finite.size() < Math.min(w, t + 1), o.hasMissing());
                    double[] sorted = finite.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                    for (int k = 0; k < sorted.length; k++) {
                        assertTrue(sorted[k] == o.select(k), "select " + k + ": " + o.select(k) + " vs " + sorted[k]);
                    }
                    double pivot = sorted.length == 0 ? 0.0 : sorted[r.nextInt(sorted.length)] + (r.nextBoolean() ? 0.0 : 0.5);
                    int below = 0;
                    int atMost = 0;
                    for (double v : sorted) {
                        below += v < pivot ? 1 : 0;
                        atMost += v <= pivot ? 1 : 0;
                    }
                    assertEquals(below, o.countBelow(pivot));
                    assertEquals(atMost, o.countAtMost(pivot));
                    if (sorted.length > 0) {
                        // Mean and mean absolute deviation against exact arithmetic, to the deviation's own scale.
                        BigDecimal total = BigDecimal.ZERO;
                        for (double v : sorted) {
                            total = total.add(big(v));
                        }
                        BigDecimal mean = total.divide(BigDecimal.valueOf(sorted.length), MC);
                        BigDecimal dev = BigDecimal.ZERO;
                        for (double v : sorted) {
                            dev = dev.add(big(v).subtract(mean).abs());
                        }
                        o.centre();
                        double level = Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
                        close("mean", mean.doubleValue(), o.mean(), level);
                        close("deviation", dev.doubleValue(), o.deviation(), 1e3 * 0x1p-53 / 1e-12 * dev.doubleValue());
                        if (sorted[0] == sorted[sorted.length - 1]) {
                            assertEquals(0.0, o.deviation(), "a constant window has no deviation");
                        }
                        double probe = sorted[r.nextInt(sorted.length)];
                        close("offset", big(probe).subtract(mean).doubleValue(), o.offset(probe), 1e3 * 0x1p-53 / 1e-12 * dev.doubleValue());
                    }
                }
            }
        }
    }

    /**
     * The scan path (windows up to {@link OrderStatistics#SCAN_MAX}) and the tree path agree on every window of
     * outlier-laden, tied and gapped data: order statistics and counts exactly, the mean, offsets and the mean
     * deviation within 1e-12 of their scale — also through marks, rewinds and snapshots, which each path keeps
     * on its own.
     */
    @Test
    void scanAndTreeAgree() {
        scanAgainstTree(true);
    }

    /**
     * The same without a single order query: the scan path then keeps no sorted copy and only counts the finite values
     * in and out (avgdev's and cci's case), and its counts and moments must still be the tree's.
     */
    @Test
    void scanWithoutOrderQueriesAgreesWithTree() {
        scanAgainstTree(false);
    }

    private static void scanAgainstTree(boolean order) {
        SplittableRandom r = new SplittableRandom(order ? 11 : 12);
        for (int w : new int[] {1, 2, 3, 7, 14, 20, 33, OrderStatistics.SCAN_MAX, OrderStatistics.SCAN_MAX + 1, 150}) {
            for (int rep = 0; rep < 6; rep++) {
                double[] x = series(r, 600);
                if (rep % 2 == 1) {
                    for (int i = 0; i < x.length; i++) {
                        x[i] = finite(x[i]) && r.nextInt(3) == 0 ? Math.rint(x[i] * 4) / 4 : x[i];
                    }
                }
                OrderStatistics scan = new OrderStatistics(w, false);
                OrderStatistics tree = new OrderStatistics(w, true);
                OrderStatistics.Mark ms = scan.newMark();
                OrderStatistics.Mark mt = tree.newMark();
                for (int t = 0; t < x.length; t++) {
                    scan.mark(ms);
                    tree.mark(mt);
                    double wrong = x[r.nextInt(x.length)];
                    scan.push(wrong);
                    tree.push(wrong);
                    if (r.nextBoolean()) {
                        agree(scan, tree, r, w + " at " + t + " (revised)", order);
                    }
                    scan.rewind(ms);
                    tree.rewind(mt);
                    scan.push(x[t]);
                    tree.push(x[t]);
                    if (r.nextInt(50) == 0) {
                        scan = restored(scan, w, false);
                        tree = restored(tree, w, true);
                    }
                    agree(scan, tree, r, w + " at " + t, order);
                }
            }
        }
    }

    private static OrderStatistics restored(OrderStatistics part, int w, boolean tree) {
        OrderStatistics copy = new OrderStatistics(w, tree);
        StateReader in = new StateReader("t", words(part));
        copy.read(in);
        in.end();
        return copy;
    }

    /** {@code order}: also compare the order queries, which make the scan path keep its sorted copy from then on. */
    private static void agree(
            OrderStatistics scan, OrderStatistics tree, SplittableRandom r, String where, boolean order) {
        assertEquals(tree.size(), scan.size(), where);
        assertEquals(tree.hasMissing(), scan.hasMissing(), where);
        assertEquals(tree.isFull(), scan.isFull(), where);
        int n = tree.size();
        if (n == 0) {
            return;
        }
        if (order) {
            for (int k = 0; k < n; k++) {
                assertTrue(tree.select(k) == scan.select(k), where + ": select " + k);
            }
            double pivot = tree.select(r.nextInt(n)) + (r.nextBoolean() ? 0.0 : 0.25);
            assertEquals(tree.countBelow(pivot), scan.countBelow(pivot), where + ": below " + pivot);
            assertEquals(tree.countAtMost(pivot), scan.countAtMost(pivot), where + ": at most " + pivot);
        }
        double level = Math.max(Math.abs(tree.select(0)), Math.abs(tree.select(n - 1)));
        tree.centre();
        scan.centre();
        close(where + ": mean", tree.mean(), scan.mean(), level);
        close(where + ": sum", tree.sum(), scan.sum(), n * level);
        // Deviations are differences inside the window: their scale is the spread, not the level.
        double spread = tree.select(n - 1) - tree.select(0);
        close(where + ": deviation", tree.deviation(), scan.deviation(), n * spread);
        double probe = tree.select(r.nextInt(n));
        close(where + ": offset", tree.offset(probe), scan.offset(probe), spread);
        if (spread == 0.0) {
            assertEquals(0.0, scan.deviation(), where + ": a constant window has no deviation");
            assertTrue(scan.offset(probe) == 0.0, where + ": a constant window has no offset");
        }
    }

    /** A part under test with a uniform push and a fingerprint of everything it answers, bit for bit. */
    interface Probe {
        StatePart<?> part();

        void push(double x, double y);

        String answers();
    }

    static Probe probe(String kind, int w) {
        return switch (kind) {
            case "sum" -> new Probe() {
                final WindowSum p = new WindowSum(w);
                public StatePart<?> part() { return p; }
                public void push(double x, double y) { p.push(x); }
                public String answers() { return p.isFull() ? p.hasMissing() + ":" + p.sum() + ":" + p.oldest() : "-"; }
            };
            case "pair" -> new Probe() {
                final WindowSumPair p = new WindowSumPair(w);
                public StatePart<?> part() { return p; }
                public void push(double x, double y) { p.push(x, y); }
                public String answers() { return p.isFull() ? p.hasMissing() + ":" + p.sumX() + ":" + p.sumY() : "-"; }
            };
            case "triple" -> new Probe() {
                final WindowSumTriple p = new WindowSumTriple(w);
                public StatePart<?> part() { return p; }
                // The third series is missing on its own bars (about one negative x in four) as well as with the
                // first two.
                public void push(double x, double y) {
                    p.push(x, y, x < 0 && (Double.doubleToRawLongBits(x) & 3) == 1 ? Double.NaN : y - 0.25 * x);
                }
                public String answers() {
                    return p.isFull() ? p.hasMissing() + ":" + p.sumX() + ":" + p.sumY() + ":" + p.sumZ() : "-";
                }
            };
            case "anchored" -> new Probe() {
                final AnchoredSum p = new AnchoredSum(w);
                public StatePart<?> part() { return p; }
                public void push(double x, double y) { p.push(x); }
                public String answers() { return p.isFull() ? p.hasMissing() + ":" + p.sum() : "-"; }
            };
            case "weighted" -> new Probe() {
                final AnchoredWeightedSum p = new AnchoredWeightedSum(w);
                public StatePart<?> part() { return p; }
                public void push(double x, double y) { p.push(x); }
                // The mean tests a complete window and the block in one comparison: read against what it stands for.
                public String answers() {
                    double inverse = 2.0 / ((double) w * (w + 1));
                    double mean = p.isFull() && !p.hasMissing() ? p.weightedSum() * inverse : Double.NaN;
                    assertEquals(Double.doubleToRawLongBits(mean), Double.doubleToRawLongBits(p.mean()));
                    return p.isFull() ? p.hasMissing() + ":" + p.weightedSum() : "-";
                }
            };
            case "moments" -> new Probe() {
                final WindowMoments p = new WindowMoments(w);
                public StatePart<?> part() { return p; }
                public void push(double x, double y) { p.push(x); }
                public String answers() {
                    if (!p.isFull()) {
                        return "-";
                    }
                    return p.hasMissing() + ":" + p.mean() + ":" + p.m2();
                }
            };
            case "comoments" -> new Probe() {
                final WindowComoments p = new WindowComoments(w);
                public StatePart<?> part() { return p; }
                public void push(double x, double y) { p.push(x, y); }
                public String answers() {
                    if (!p.isFull()) {
                        return "-";
                    }
                    p.compute();
                    return p.hasMissing() + ":" + p.meanX() + ":" + p.meanY() + ":" + p.m2x() + ":" + p.m2y() + ":" + p.comoment();
                }
            };
            case "trend" -> new Probe() {
                final WindowTrend p = new WindowTrend(w);
                public StatePart<?> part() { return p; }
                public void push(double x, double y) { p.push(x); }
                public String answers() {
                    if (!p.isFull()) {
                        return "-";
                    }
                    p.compute();
                    return p.hasMissing() + ":" + p.mean() + ":" + p.comoment();
                }
            };
            default -> new Probe() {
                final OrderStatistics p = new OrderStatistics(w, kind.equals("order-tree"));
                public StatePart<?> part() { return p; }
                public void push(double x, double y) { p.push(x); }
                public String answers() {
                    StringBuilder sb = new StringBuilder().append(p.hasMissing()).append(':').append(p.size());
                    for (int k = 0; k < p.size(); k++) {
                        sb.append(':').append(p.select(k));
                    }
                    if (p.size() > 0) {
                        p.centre();
                        sb.append(':').append(p.mean()).append(':').append(p.deviation()).append(':').append(p.sum());
                    }
                    return sb.toString();
                }
            };
        };
    }

    static final List<String> KINDS = List.of("sum", "pair", "triple", "anchored", "weighted", "moments", "comoments", "trend", "order", "order-tree");

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void mark(StatePart part, StatePart.Mark m) {
        part.mark(m);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void rewind(StatePart part, StatePart.Mark m) {
        part.rewind(m);
    }

    /** The part's snapshot words. */
    static long[] words(StatePart<?> part) {
        StateWriter out = new StateWriter();
        part.write(out);
        return out.toArray();
    }

    /**
     * What a stream does: update (mark "last", push), preview (mark "probe", push, rewind), replaceLast (rewind to
     * "last", push) — in random order — always equals the part fed only the committed values, bit for bit.
     */
    @Test
    void checkpointsRewindExactly() {
        SplittableRandom r = new SplittableRandom(6);
        for (String kind : KINDS) {
            for (int w : WINDOWS) {
                double[] x = series(r, 400);
                double[] y = series(r, 400);
                Probe live = probe(kind, w);
                Probe plain = probe(kind, w);
                StatePart.Mark last = live.part().newMark();
                StatePart.Mark probe = live.part().newMark();
                for (int t = 0; t < x.length; t++) {
                    mark(live.part(), last);
                    live.push(r.nextBoolean() ? x[t] : x[r.nextInt(x.length)], y[t]);
                    for (int i = r.nextInt(3); i > 0; i--) {
                        if (r.nextBoolean()) {
                            mark(live.part(), probe);
                            live.push(x[r.nextInt(x.length)], y[r.nextInt(y.length)]);
                            live.answers();
                            rewind(live.part(), probe);
                        }
                        rewind(live.part(), last);
                        live.push(x[r.nextInt(x.length)], y[t]);
                    }
                    rewind(live.part(), last);
                    // Two pushes (an update and a preview) may have passed this checkpoint, and a stream snapshots
                    // it: its window is intact (for a window of 1 too, whose only value the second push overwrites).
                    assertTrue(Arrays.equals(words(plain.part()), words(live.part())), kind + " w=" + w + " rewound at " + t);
                    live.push(x[t], y[t]);
                    plain.push(x[t], y[t]);
                    assertEquals(plain.answers(), live.answers(), kind + " w=" + w + " at " + t);
                }
            }
        }
    }

    /**
     * What a stream does: snapshot the part before the last push, restore it into a fresh part and push that value
     * again. The restored part snapshots exactly like the original (the snapshot is canonical) and continues bit for
     * bit, a revision of the last push right after the restore included.
     */
    @Test
    void snapshotsRestoreExactly() {
        SplittableRandom r = new SplittableRandom(7);
        for (String kind : KINDS) {
            for (int w : WINDOWS) {
                for (int rep = 0; rep < 6; rep++) {
                    double[] x = series(r, 300);
                    double[] y = series(r, 300);
                    int k = 1 + r.nextInt(x.length - 1);
                    Probe a = probe(kind, w);
                    for (int t = 0; t < k - 1; t++) {
                        a.push(x[t], y[t]);
                    }
                    long[] words = words(a.part());
                    Probe b = probe(kind, w);
                    StateReader in = new StateReader("t", words);
                    b.part().read(in);
                    in.end();
                    assertTrue(Arrays.equals(words, words(b.part())), kind + ": snapshot of the restored part differs");
                    StatePart.Mark last = a.part().newMark();
                    StatePart.Mark lastB = b.part().newMark();
                    mark(a.part(), last);
                    mark(b.part(), lastB);
                    a.push(x[k - 1], y[k - 1]);
                    b.push(x[k - 1], y[k - 1]);
                    assertEquals(a.answers(), b.answers(), kind + " w=" + w + " restored at " + k);
                    // replaceLast right after the restore.
                    rewind(b.part(), lastB);
                    rewind(a.part(), last);
                    a.push(x[0], y[0]);
                    b.push(x[0], y[0]);
                    assertEquals(a.answers(), b.answers(), kind + " w=" + w + " replaceLast after restore at " + k);
                    rewind(a.part(), last);
                    rewind(b.part(), lastB);
                    for (int t = k - 1; t < x.length; t++) {
                        a.push(x[t], y[t]);
                        b.push(x[t], y[t]);
                        assertEquals(a.answers(), b.answers(), kind + " w=" + w + " after restore at " + k + ", bar " + t);
                    }
                }
            }
        }
    }

    /**
     * A window that keeps its runs of zeros ({@code pushKeepingZeroRuns}) answers as one that scans back for its newest
     * non-zero value at a block's end, to the bit: on series with runs of zeros and missing values, through updates,
     * previews and their rewinds, and restored from a snapshot at random bars (which must find the run the window
     * ends with). The plain and weighted sums both, short windows and windows whose ring grows.
     */
    @Test
    void zeroRunsKeptAnswerAsTheScanDoes() {
        SplittableRandom r = new SplittableRandom(55);
        for (int w : new int[] {1, 2, 3, 5, 14, 20, AnchoredSum.FULL_UP_TO + 1}) {
            for (int round = 0; round < 6; round++) {
                double[] x = series(r, 4 * w + 60);
                AnchoredSum scan = new AnchoredSum(w);
                AnchoredSum runs = new AnchoredSum(w);
                AnchoredWeightedSum wScan = new AnchoredWeightedSum(w);
                AnchoredWeightedSum wRuns = new AnchoredWeightedSum(w);
                AnchoredSum.Mark last = runs.newMark();
                AnchoredSum.Mark probe = runs.newMark();
                AnchoredWeightedSum.Mark wLast = wRuns.newMark();
                AnchoredWeightedSum.Mark wProbe = wRuns.newMark();
                for (int t = 0; t < x.length; t++) {
                    if (r.nextInt(Math.max(2, w / 2)) == 0) {
                        AnchoredSum restored = new AnchoredSum(w);
                        StateReader in = new StateReader("t", words(runs));
                        restored.read(in);
                        in.end();
                        runs = restored;
                        AnchoredWeightedSum wRestored = new AnchoredWeightedSum(w);
                        in = new StateReader("t", words(wRuns));
                        wRestored.read(in);
                        in.end();
                        wRuns = wRestored;
                    }
                    // An update, a preview past it, both rewound, then the bar itself: a stream's replaceLast.
                    double junk = r.nextBoolean() ? 0.0 : x[r.nextInt(x.length)];
                    runs.mark(last);
                    wRuns.mark(wLast);
                    runs.pushKeepingZeroRuns(junk);
                    wRuns.pushKeepingZeroRuns(junk);
                    runs.mark(probe);
                    wRuns.mark(wProbe);
                    runs.pushKeepingZeroRuns(r.nextBoolean() ? 0.0 : junk);
                    wRuns.pushKeepingZeroRuns(r.nextBoolean() ? 0.0 : junk);
                    runs.rewind(probe);
                    wRuns.rewind(wProbe);
                    runs.rewind(last);
                    wRuns.rewind(wLast);
                    runs.pushKeepingZeroRuns(x[t]);
                    wRuns.pushKeepingZeroRuns(x[t]);
                    scan.push(x[t]);
                    wScan.push(x[t]);
                    String at = "w=" + w + " t=" + t;
                    if (scan.isFull()) {
                        assertEquals(Double.doubleToRawLongBits(scan.sum()), Double.doubleToRawLongBits(runs.sum()),
                                at);
                        assertEquals(Double.doubleToRawLongBits(wScan.weightedSum()),
                                Double.doubleToRawLongBits(wRuns.weightedSum()), at);
                    }
                    assertEquals(Double.doubleToRawLongBits(wScan.mean()), Double.doubleToRawLongBits(wRuns.mean()),
                            at);
                }
                assertTrue(Arrays.equals(words(scan), words(runs)), "w=" + w);
            }
        }
    }

    /**
     * Windows longer than {@link AnchoredSum#FULL_UP_TO} start with a small first block that grows while it fills,
     * and the window sums allocate their second block with its last growth: a part restored part-way through that
     * growth, or rewound across it, continues bit for bit like one fed every value.
     */
    @Test
    void longWindowsGrowRestoreAndRewindExactly() {
        SplittableRandom r = new SplittableRandom(15);
        for (String kind : List.of("sum", "pair", "moments", "anchored", "weighted")) {
            for (int w : new int[] {AnchoredSum.FULL_UP_TO - 1, AnchoredSum.FULL_UP_TO + 1, 2047, 2500}) {
                double[] x = series(r, 3 * w + 7);
                double[] y = series(r, x.length);
                Probe plain = probe(kind, w);
                Probe live = probe(kind, w);
                StatePart.Mark last = live.part().newMark();
                StatePart.Mark probe = live.part().newMark();
                BigDecimal exact = BigDecimal.ZERO;
                for (int t = 0; t < x.length; t++) {
                    if (r.nextInt(w / 3) == 0) {
                        // Restore what a stream snapshots, then go on.
                        Probe restored = probe(kind, w);
                        StateReader in = new StateReader("t", words(live.part()));
                        restored.part().read(in);
                        in.end();
                        live = restored;
                        last = live.part().newMark();
                        probe = live.part().newMark();
                    }
                    mark(live.part(), last);
                    live.push(x[r.nextInt(x.length)], y[t]);
                    mark(live.part(), probe);
                    live.push(x[r.nextInt(x.length)], y[t]);
                    rewind(live.part(), probe);
                    rewind(live.part(), last);
                    live.push(x[t], y[t]);
                    plain.push(x[t], y[t]);
                    assertEquals(plain.answers(), live.answers(), kind + " w=" + w + " at " + t);
                    // And right, for the plain sums (a ring that grows must read 0 for what has not left): the exact
                    // window sum (a BigDecimal total, exact when it subtracts), to the rounding of the last two
                    // windows' values.
                    exact = exact.add(big(finite(x[t]) ? x[t] : 0.0));
                    if (t >= w) {
                        exact = exact.subtract(big(finite(x[t - w]) ? x[t - w] : 0.0));
                    }
                    boolean complete = plain.part() instanceof WindowSum ws ? ws.isFull() && !ws.hasMissing()
                            : plain.part() instanceof AnchoredSum as && as.isFull() && !as.hasMissing();
                    if (complete) {
                        double sum = plain.part() instanceof WindowSum ws ? ws.sum()
                                : ((AnchoredSum) plain.part()).sum();
                        double seen = 0;
                        for (int i = Math.max(0, t + 1 - 2 * w); i <= t; i++) {
                            seen += finite(x[i]) ? Math.abs(x[i]) : 0.0;
                        }
                        close(kind + " w=" + w + " t=" + t, exact.doubleValue(), sum, seen);
                    }
                }
                assertTrue(Arrays.equals(words(plain.part()), words(live.part())), kind + " w=" + w);
            }
        }
    }

    /**
     * A push count at the parts' limit (2⁶²) restores a window that goes on answering with no missing value, however
     * far it runs past the limit; one past the limit is refused, even where it rounds to the limit as a double.
     */
    @Test
    void pushCountsAtTheLimit() {
        SplittableRandom r = new SplittableRandom(62);
        long limit = 1L << 62;
        for (String kind : KINDS) {
            for (int w : WINDOWS) {
                Probe a = probe(kind, w);
                // As many pushes as the limit modulo the window, so that the words hold as many values for both.
                double[] x = r.doubles(3 * w + (int) (limit % w), 100, 101).toArray();
                for (double v : x) {
                    a.push(v, v);
                }
                long[] words = words(a.part());
                for (long over : new long[] {limit + 1, limit + 158}) {
                    words[1] = over;
                    StateReader in = new StateReader("t", words);
                    assertThrows(CorruptSnapshotException.class, () -> probe(kind, w).part().read(in),
                            kind + " " + over);
                }
                words[1] = limit;
                Probe b = probe(kind, w);
                StateReader in = new StateReader("t", words);
                b.part().read(in);
                in.end();
                for (int t = 0; t < 2 * w + 2; t++) {
                    double v = x[t % x.length];
                    b.push(v, v);
                    String said = b.answers();
                    assertTrue(said.startsWith("false:") && !said.contains("NaN"),
                            kind + " " + w + " after " + t + ": " + said);
                }
            }
        }
    }

    /** Whatever the words say, reading them is a typed error or a state that answers without crashing or hanging. */
    @Test
    void hostileSnapshotsAreRejectedOrHarmless() {
        SplittableRandom r = new SplittableRandom(8);
        for (String kind : KINDS) {
            for (int rep = 0; rep < 300; rep++) {
                int w = WINDOWS[r.nextInt(WINDOWS.length)];
                Probe a = probe(kind, w);
                double[] x = series(r, 50);
                for (double v : x) {
                    a.push(v, v);
                }
                long[] words = words(a.part());
                int edits = 1 + r.nextInt(3);
                for (int e = 0; e < edits; e++) {
                    int i = r.nextInt(words.length);
                    words[i] = switch (r.nextInt(4)) {
                        case 0 -> r.nextLong();
                        case 1 -> Long.MAX_VALUE - r.nextInt(3);
                        case 2 -> -1 - r.nextInt(3);
                        default -> words[i] + r.nextInt(7) - 3;
                    };
                }
                Probe b = probe(kind, w);
                try {
                    StateReader in = new StateReader("t", words);
                    b.part().read(in);
                    in.end();
                } catch (CorruptSnapshotException expected) {
                    continue;
                }
                b.answers();
                StatePart.Mark lastB = b.part().newMark();
                for (int t = 0; t < 3 * w + 3; t++) {
                    mark(b.part(), lastB);
                    b.push(x[t % x.length], x[(t + 1) % x.length]);
                    b.answers();
                    if (t % 3 == 0) {
                        rewind(b.part(), lastB);
                        b.push(x[(t + 2) % x.length], x[t % x.length]);
                        b.answers();
                    }
                }
            }
        }
        assertThrows(CorruptSnapshotException.class,
                () -> new WindowSum(3).read(new StateReader("t", new long[] {4, 0})));
        // A count claiming more values than the words hold is refused before anything is allocated for them.
        assertThrows(CorruptSnapshotException.class,
                () -> new WindowSum(100_000).read(new StateReader("t", new long[] {100_000, 1L << 40})));
        assertThrows(CorruptSnapshotException.class,
                () -> new AnchoredSum(100_000).read(new StateReader("t", new long[] {100_000, 1L << 40, 0, 0})));
        // A missing value is stored as 0: anything else at the missing value's age is not what a push stores.
        assertThrows(CorruptSnapshotException.class,
                () -> new AnchoredSum(3).read(new StateReader("t", new long[] {3, 5, 1, 0,
                        Double.doubleToRawLongBits(1), Double.doubleToRawLongBits(2), Double.doubleToRawLongBits(3)})));
        assertThrows(CorruptSnapshotException.class,
                () -> new OrderStatistics(100_000).read(new StateReader("t", new long[] {100_000, 99_999})));
    }

    /**
     * A small window's ring is full-sized from the start, so no push ever grows it (a growth a stream's update can reach
     * costs the whole update: {@link AnchoredSum#FULL_UP_TO}); the first ring too long for that starts small.
     */
    @Test
    void smallRingsAreFullFromTheStartAndLongOnesGrow() {
        int full = AnchoredSum.FULL_UP_TO;
        // AnchoredSum's ring is the smallest power of two with room for the window and two pushes.
        assertEquals(32, new AnchoredSum(20).ring.length);
        assertEquals(32, new AnchoredSum(30).ring.length);
        assertEquals(64, new AnchoredSum(31).ring.length);
        assertEquals(full, new AnchoredSum(full - 2).ring.length);
        assertEquals(16, new AnchoredSum(full - 1).ring.length);
        AnchoredSum s = new AnchoredSum(300);
        double[] before = s.ring;
        for (int i = 0; i < 1000; i++) {
            s.push(i);
        }
        assertSame(before, s.ring);
        // Restored from a snapshot, a small ring is full-sized too.
        StateWriter w = new StateWriter();
        s.write(w);
        AnchoredSum t = new AnchoredSum(300);
        t.read(new StateReader("t", w.toArray()));
        assertEquals(512, t.ring.length);
        // The other windowed parts follow the same rule.
        assertEquals(40, new WindowSum(20).slots.length); // both blocks, in one array
        assertEquals(2 * full * 3, new WindowMoments(full).slots.length); // a value and two suffix sums per position
        assertEquals(2 * full * 4, new WindowSumPair(full).slots.length); // both blocks, four slots per position
        assertEquals(2 * full * 6, new WindowSumTriple(full).slots.length);
        assertEquals(16 * 6, new WindowSumTriple(full + 1).slots.length);
        assertEquals(16 * 3, new WindowMoments(full + 1).slots.length);
        assertEquals(32, new DoubleRing(20).allocated()); // a power of two with room for two more pushes
        assertEquals(full, new DoubleRing(full - 2).allocated());
        assertEquals(16, new DoubleRing(full - 1).allocated());
        WindowSum b = new WindowSum(300);
        double[] first = b.slots;
        for (int i = 0; i < 700; i++) {
            b.push(i);
        }
        assertSame(first, b.slots);
        WindowSumPair pair = new WindowSumPair(300);
        double[] slots = pair.slots;
        for (int i = 0; i < 700; i++) {
            pair.push(i, -i);
        }
        assertSame(slots, pair.slots);
    }

    /** Memory follows the data: a window of 100,000 that has seen 10 values holds small buffers. */
    @Test
    void memoryGrowsWithTheData() {
        IntFunction<Integer> words = n -> {
            OrderStatistics o = new OrderStatistics(100_000);
            WindowMoments m = new WindowMoments(100_000);
            AnchoredSum s = new AnchoredSum(100_000);
            for (int i = 0; i < n; i++) {
                o.push(i);
                m.push(i);
                s.push(i);
            }
            StateWriter w = new StateWriter();
            o.write(w);
            m.write(w);
            s.write(w);
            return w.toArray().length;
        };
        assertTrue(words.apply(10) < 60);
    }
}
