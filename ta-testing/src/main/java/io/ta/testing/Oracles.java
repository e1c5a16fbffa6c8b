package io.ta.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/**
 * Naive reference computations and tolerant comparisons for invariant tests. References belong in tests: nothing
 * here is used by main code.
 */
public final class Oracles {
    private Oracles() {}

    /**
     * Rounding residue per bar of a running sum, relative to the largest magnitude it has carried: running sums
     * (TA-Lib's, and ours to match them) keep residue of values that already left the window.
     */
    public static final double RESIDUE = 4 * Math.ulp(1.0);

    /** A check of one bar's output against its window; {@code history} is the largest magnitude seen so far. */
    public interface WindowCheck {
        /**
         * Checks one bar.
         *
         * @param window the bar's complete window of the first input, oldest first; every value finite
         * @param value the bar's first output, not NaN
         * @param history the largest magnitude of the first input so far, for a running sum's residue
         * @throws AssertionError if the value is wrong for the window
         */
        void check(double[] window, double value, double history);
    }

    /**
     * For each bar whose window (the kernel's lookback + 1 bars of the first input) is complete: NaN if the window
     * holds a missing value, otherwise {@code check} (NaN is accepted only when the window holds magnitudes large
     * enough to overflow).
     *
     * @param c the case
     * @param out its batch outputs; the first is checked
     * @param check the check of one complete window
     */
    public static void eachFullWindow(KernelCase c, double[][] out, WindowCheck check) {
        double[] x = c.inputs()[0];
        int n = c.descriptor().lookback(c.params()) + 1;
        double history = 0;
        for (int t = 0; t < x.length; t++) {
            if (Double.isFinite(x[t])) {
                history = Math.max(history, Math.abs(x[t]));
            }
            if (t < n - 1) {
                continue;
            }
            double[] w = Arrays.copyOfRange(x, t - n + 1, t + 1);
            boolean finite = Arrays.stream(w).allMatch(Double::isFinite);
            double v = out[0][t];
            if (!finite) {
                if (!Double.isNaN(v)) {
                    fail(c + ": bar " + t + " is " + v + " although its window holds a missing value");
                }
                continue;
            }
            if (Double.isNaN(v)) {
                if (Arrays.stream(w).allMatch(a -> Math.abs(a) < 1e150)) {
                    fail(c + ": bar " + t + " is NaN although its window is finite");
                }
                continue;
            }
            try {
                check.check(w, v, history);
            } catch (AssertionError e) {
                fail(c + ": bar " + t + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Every valid output of {@code out[o]} lies within the range of the valid history of input {@code in}, give or
     * take 1e-9 of the range's ends.
     *
     * @param c the case
     * @param out its batch outputs
     * @param o the output to check
     * @param in the input whose finite values so far bound it
     */
    public static void withinHistory(KernelCase c, double[][] out, int o, int in) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double[] x = c.inputs()[in];
        for (int t = 0; t < x.length; t++) {
            if (Double.isFinite(x[t])) {
                lo = Math.min(lo, x[t]);
                hi = Math.max(hi, x[t]);
            }
            double v = out[o][t];
            if (!Double.isNaN(v) && (v < lo - 1e-9 * Math.abs(lo) || v > hi + 1e-9 * Math.abs(hi))) {
                fail(c + ": bar " + t + " value " + v + " outside the history's range [" + lo + ", " + hi + "]");
            }
        }
    }

    /**
     * Every valid output of {@code out[o]} lies in {@code [lo, hi]}.
     *
     * @param c the case
     * @param out its batch outputs
     * @param o the output to check
     * @param lo the least valid value
     * @param hi the greatest valid value
     */
    public static void inRange(KernelCase c, double[][] out, int o, double lo, double hi) {
        for (int t = 0; t < out[o].length; t++) {
            double v = out[o][t];
            if (!Double.isNaN(v) && (v < lo || v > hi)) {
                fail(c + ": output " + o + " at bar " + t + " is " + v + ", outside [" + lo + ", " + hi + "]");
            }
        }
    }

    /**
     * Bars since the window's max (or min), ties to the most recent.
     *
     * @param w the window, oldest first
     * @param max true for the maximum, false for the minimum
     * @return 0 if the extreme is the last value, up to {@code w.length - 1}
     */
    public static double barsSince(double[] w, boolean max) {
        int best = w.length - 1;
        for (int i = w.length - 1; i >= 0; i--) {
            if (max ? w[i] > w[best] : w[i] < w[best]) {
                best = i;
            }
        }
        return w.length - 1 - best;
    }

    /**
     * Arithmetic mean, one pass.
     *
     * @param w the values
     * @return their mean (NaN for none)
     */
    public static double mean(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        return s / w.length;
    }

    /**
     * Population variance, two-pass.
     *
     * @param w the values
     * @return their variance about their mean, divided by their count
     */
    public static double variance(double[] w) {
        double m = mean(w);
        double ss = 0;
        for (double x : w) {
            ss += (x - m) * (x - m);
        }
        return ss / w.length;
    }

    /**
     * Fails unless {@code v} lies in the window's range, give or take {@code residue} and 1e-12 of its magnitude.
     *
     * @param v the value
     * @param w the window, at least one value
     * @param residue absolute slack, such as {@link #RESIDUE} times the history's magnitude
     * @param what names the checked value in the failure message
     */
    public static void within(double v, double[] w, double residue, String what) {
        double lo = Arrays.stream(w).min().orElseThrow();
        double hi = Arrays.stream(w).max().orElseThrow();
        double slack = residue + 1e-12 * Math.max(Math.abs(lo), Math.abs(hi));
        assertTrue(v >= lo - slack && v <= hi + slack, what + " " + v + " outside the window's range [" + lo + ", " + hi + "]");
    }

    /**
     * Fails unless {@code v} is within {@code tolerance} of {@code expected}.
     *
     * @param v the value
     * @param expected the reference
     * @param tolerance the largest accepted absolute difference
     * @param what names the checked value in the failure message
     */
    public static void near(double v, double expected, double tolerance, String what) {
        assertTrue(Math.abs(v - expected) <= tolerance + 1e-300, what + " " + v + " differs from " + expected + " by more than " + tolerance);
    }

    /**
     * Fails unless {@code v == expected} (so NaN always fails, and {@code -0.0} equals {@code 0.0}).
     *
     * @param v the value
     * @param expected the reference
     * @param what names the checked value in the failure message
     */
    public static void exact(double v, double expected, String what) {
        assertTrue(v == expected, what + " " + v + ", expected " + expected);
    }
}
