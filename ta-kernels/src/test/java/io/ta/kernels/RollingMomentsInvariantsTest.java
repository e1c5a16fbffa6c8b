package io.ta.kernels;

import static io.ta.testing.Oracles.RESIDUE;
import static io.ta.testing.Oracles.eachFullWindow;
import static io.ta.testing.Oracles.inRange;
import static io.ta.testing.Oracles.near;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import java.util.Arrays;
import java.util.Map;

/**
 * Rolling shape statistics and window correlations against naive two-pass formulas over each window (the
 * definitions in the kernels' javadoc, computed here without any sliding state), and their bounds: a z-score within
 * ±√(n − 1) (one value against n − 1 equal ones), skewness within ±√n, excess kurtosis at least −2(n − 1)/(n − 3), Spearman's CTI in [−1, 1], entropy
 * of positive values at least 0, a flat window giving 0.
 */
class RollingMomentsInvariantsTest extends InvariantSuite {
    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("zscore", (c, out) -> eachFullWindow(c, out, (window, v, h) -> {
                    double[] w = unitScale(window);
                    int n = w.length;
                    double[] s = centred(w);
                    // The mean is rounded: relative to the spread its error is about ε·|mean|/σ.
                    double rounding = s[0] == 0 ? 0 : 64 * Math.ulp(1.0) * (1 + Math.abs(mean(w)) / Math.sqrt(s[0] / n));
                    double bound = Math.sqrt(n - 1.0);
                    if (Math.abs(v) > bound * (1 + rounding)) {
                        fail("z-score " + v + " beyond sqrt(n - 1) = " + bound);
                    }
                    double expected = s[0] == 0 ? 0 : (w[n - 1] - mean(w)) / Math.sqrt(s[0] / n);
                    near(v, expected, 1e-9 * (1 + Math.abs(expected)), "z-score");
                })),
                Map.entry("skew", (c, out) -> eachFullWindow(c, out, (window, v, h) -> {
                    double[] w = unitScale(window);
                    int n = w.length;
                    if (Math.abs(v) > Math.sqrt(n) * (1 + 1e-9)) {
                        fail("skewness " + v + " beyond sqrt(n)");
                    }
                    double[] s = centred(w);
                    double expected = s[0] == 0 ? 0 : n * Math.sqrt(n - 1.0) / (n - 2.0) * s[1] / Math.pow(s[0], 1.5);
                    near(v, expected, 1e-8 * (1 + Math.abs(expected)), "G1");
                })),
                Map.entry("kurtosis", (c, out) -> eachFullWindow(c, out, (window, v, h) -> {
                    double[] w = unitScale(window);
                    double n = w.length;
                    double floor = -2 * (n - 1) / (n - 3);
                    if (v < floor - 1e-9 * (1 + Math.abs(floor))) {
                        fail("excess kurtosis " + v + " below its minimum " + floor);
                    }
                    double[] s = centred(w);
                    double expected = s[0] == 0 ? 0
                            : n * (n + 1) * (n - 1) / ((n - 2) * (n - 3)) * (s[2] / s[0] / s[0]) - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3));
                    near(v, expected, 1e-8 * (1 + Math.abs(expected)), "G2");
                })),
                Map.entry("cti", (c, out) -> {
                    inRange(c, out, 0, -1 - 1e-15, 1 + 1e-15);
                    eachFullWindow(c, out, (w, v, h) -> near(v, spearman(w), 1e-12, "Spearman's rho with time"));
                }),
                Map.entry("entropy", RollingMomentsInvariantsTest::entropyOracle),
                Map.entry("cfo", (c, out) -> eachFullWindow(c, out, (w, v, h) -> {
                    double x = w[w.length - 1];
                    double forecast = forecast(w);
                    double expected = x == 0 ? 0 : 100 * (x - forecast) / x;
                    double scale = Arrays.stream(w).map(Math::abs).max().orElseThrow();
                    // The regression's sums slide between rescans: allow their rounding, relative to the window.
                    near(v, expected, x == 0 ? 0 : 1e-9 * 100 * scale / Math.abs(x), "forecast oscillator");
                })));
    }

    /**
     * The window times the power of two that brings its largest magnitude into [1, 2): exact for any window whose
     * values are within 2^1022 of each other, and it changes no unitless statistic, while the oracle's cubes and
     * fourth powers of values near 1e300 would overflow where the kernel's do not.
     */
    static double[] unitScale(double[] w) {
        double largest = Arrays.stream(w).map(Math::abs).max().orElse(0);
        if (largest == 0) {
            return w;
        }
        int e = Math.getExponent(largest);
        return Arrays.stream(w).map(v -> Math.scalb(v, -e)).toArray();
    }

    static double mean(double[] w) {
        double s = 0;
        for (double v : w) {
            s += v;
        }
        return s / w.length;
    }

    /** {Σd², Σd³, Σd⁴} about the mean, two-pass; Σd² exactly 0 for equal values. */
    static double[] centred(double[] w) {
        double m = mean(w);
        double[] s = new double[3];
        boolean flat = Arrays.stream(w).allMatch(v -> v == w[0]);
        if (flat) {
            return s;
        }
        for (double v : w) {
            double d = v - m;
            s[0] += d * d;
            s[1] += d * d * d;
            s[2] += d * d * d * d;
        }
        return s;
    }

    /** Spearman's correlation of {@code w} with 1..n from average ranks; 0 for equal values. */
    static double spearman(double[] w) {
        int n = w.length;
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            int below = 0;
            int same = 0;
            for (double v : w) {
                below += v < w[i] ? 1 : 0;
                same += v == w[i] ? 1 : 0;
            }
            rank[i] = below + (same + 1) / 2.0;
        }
        double m = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (rank[i] - m) * (i + 1 - m);
            sxx += (rank[i] - m) * (rank[i] - m);
            syy += (i + 1 - m) * (i + 1 - m);
        }
        return sxx == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** The least-squares line through the window (at 0..n−1) evaluated at n, from centred sums. */
    static double forecast(double[] w) {
        int n = w.length;
        double tm = (n - 1) / 2.0;
        double ym = mean(w);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (i - tm) * (w[i] - ym);
            sxx += (i - tm) * (i - tm);
        }
        return ym + sxy / sxx * (n - tm);
    }

    /**
     * pandas-ta's entropy over the 2n − 1 bars it reads: NaN when any of them is missing or not positive (outside
     * the domain), otherwise the sum of −p·log(p) with each p normalized by its own n-bar sum; never negative.
     */
    static void entropyOracle(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        int n = (Integer) c.params().get("period");
        double logBase = Math.log((Double) c.params().get("base"));
        for (int t = 2 * n - 2; t < x.length; t++) {
            double v = out[0][t];
            double[] w = Arrays.copyOfRange(x, t - 2 * n + 2, t + 1);
            if (!Arrays.stream(w).allMatch(a -> a > 0 && a <= Double.MAX_VALUE)) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although a value it reads is missing or not positive");
                }
                continue;
            }
            double expected = 0;
            double history = 0;
            for (int j = n - 1; j < w.length; j++) {
                double sum = 0;
                for (int k = j - n + 1; k <= j; k++) {
                    sum += w[k];
                    history = Math.max(history, w[k]);
                }
                double p = w[j] / sum;
                expected += -p * Math.log(p) / logBase;
            }
            if (Double.isNaN(v)) {
                if (Double.isFinite(expected)) {
                    fail(c + ": bar " + t + " is NaN although the window is valid");
                }
                continue;
            }
            if (v < -1e-9) {
                fail(c + ": entropy " + v + " is negative at bar " + t);
            }
            // The sums are running sums: their residue is relative to the largest value they carried.
            near(v, expected, 1e-9 * n + RESIDUE * n * c.length() * history / Arrays.stream(w).min().orElseThrow(), "entropy at bar " + t);
        }
    }
}
