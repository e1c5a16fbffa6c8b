package io.ta.kernels;

import static io.ta.testing.Oracles.inRange;
import static io.ta.testing.Oracles.withinHistory;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.kernels.cycle.HtDcPeriod_Descriptor;
import io.ta.kernels.cycle.HtTrendMode_Descriptor;
import io.ta.kernels.ma.HtTrendline_Descriptor;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Hilbert-transform family and T3: bounds that follow from the recursions themselves (TA-Lib's period clamp, the
 * FIR gain, convex averages), independent of the code under test. Every kernel here is recursive, so each is also
 * checked to skip missing bars: an output is NaN exactly when its bar is missing or fewer than lookback + 1 valid bars
 * were seen, or, on prices beyond 1e150, from the bar whose transform overflowed on.
 */
class HilbertInvariantsTest extends InvariantSuite {
    /** Hilbert FIR coefficients (TA-Lib's a, b) and the largest period adjustment, 0.075·50 + 0.54. */
    static final double A = 0.0962;
    static final double B = 0.5769;
    static final double MAX_ADJUSTMENT = 0.075 * 50 + 0.54;
    /** Largest |FIR output| per unit of |FIR input|: {@code (a·v_t + b·v_{t−2} − b·v_{t−4} − a·v_{t−6})·adjustment}. */
    static final double FIR_GAIN = 2 * (A + B) * MAX_ADJUSTMENT;
    static final double SLACK = 1e-9;
    /** Prices above which the homodyne discriminator's products (of two price-sized values) may overflow. */
    static final double OVERFLOWING = 1e150;

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("t3", (c, out) -> {
                    skipsMissing(c, out);
                    t3WithinWeightedHistory(c, out);
                }),
                Map.entry("mama", (c, out) -> {
                    skipsMissing(c, out);
                    // mama and fama are convex combinations of the inputs and their starting value 0.
                    withinHistoryAndZero(c, out, 0);
                    withinHistoryAndZero(c, out, 1);
                }),
                Map.entry("ht_trendline", (c, out) -> {
                    skipsMissing(c, out);
                    // From bar 63 every smoothed term is a mean of past inputs.
                    withinHistory(c, out, 0, 0);
                }),
                Map.entry("ht_dcperiod", (c, out) -> {
                    skipsMissing(c, out);
                    periodWithinClamp(c, out);
                }),
                Map.entry("ht_dcphase", (c, out) -> {
                    skipsMissing(c, out);
                    // atan gives (−90°, 90°); +90°, the lag term and the half-turn land in (0°, 360° + lag), and
                    // TA-Lib wraps anything above 315°.
                    inRange(c, out, 0, -45.0, 315.0);
                }),
                Map.entry("ht_phasor", (c, out) -> {
                    skipsMissing(c, out);
                    phasorWithinFirGain(c, out);
                }),
                Map.entry("ht_sine", (c, out) -> {
                    skipsMissing(c, out);
                    inRange(c, out, 0, -1.0, 1.0);
                    inRange(c, out, 1, -1.0, 1.0);
                    sineAndLeadAreOnePhase(c, out);
                }),
                Map.entry("ht_trendmode", (c, out) -> {
                    skipsMissing(c, out);
                    for (int t = 0; t < out[0].length; t++) {
                        double v = out[0][t];
                        if (!Double.isNaN(v) && v != 0.0 && v != 1.0) {
                            fail(c + ": bar " + t + " is " + v + ", neither trend (1) nor cycle (0)");
                        }
                    }
                }));
    }

    /** Recursive kernels skip missing bars (CATALOG.md §5.2): NaN exactly at missing bars and during warm-up. */
    static void skipsMissing(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        int lookback = c.descriptor().lookback(c.params());
        int valid = 0;
        boolean huge = false;
        boolean overflowed = false;
        for (int t = 0; t < x.length; t++) {
            boolean missing = !Double.isFinite(x[t]);
            if (!missing) {
                valid++;
                huge |= Math.abs(x[t]) > OVERFLOWING;
            }
            boolean expectNaN = missing || valid <= lookback || overflowed;
            if (!expectNaN && huge && Double.isNaN(out[0][t])) {
                // The transform's products overflowed: NaN from here on, in every output (HilbertCore).
                overflowed = true;
                expectNaN = true;
            }
            for (int o = 0; o < out.length; o++) {
                if (expectNaN != Double.isNaN(out[o][t])) {
                    fail(c + ": output " + o + " at bar " + t + " is " + out[o][t] + " after " + valid
                            + " valid bars (lookback " + lookback + ", bar " + (missing ? "missing" : "valid") + ")");
                }
            }
        }
    }

    /**
     * Each EMA of T3 stays within the range [lo, hi] of the valid inputs so far, and the weights sum to 1 with
     * c1, c3 ≤ 0 ≤ c2, c4, so {@code T3 − lo} lies between {@code (c1 + c3)(hi − lo)} and {@code (c2 + c4)(hi − lo)}.
     */
    static void t3WithinWeightedHistory(KernelCase c, double[][] out) {
        double v = (Double) c.params().get("v_factor");
        double c1 = -v * v * v;
        double c2 = 3 * v * v + 3 * v * v * v;
        double c3 = -6 * v * v - 3 * v - 3 * v * v * v;
        double c4 = 1 + 3 * v + v * v * v + 3 * v * v;
        double[] x = c.inputs()[0];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < x.length; t++) {
            if (Double.isFinite(x[t])) {
                lo = Math.min(lo, x[t]);
                hi = Math.max(hi, x[t]);
            }
            double value = out[0][t];
            if (Double.isNaN(value)) {
                continue;
            }
            double span = hi - lo;
            double slack = SLACK * Math.max(Math.abs(lo), Math.abs(hi)) * (1 + Math.abs(c1) + Math.abs(c3));
            if (value < lo + (c1 + c3) * span - slack || value > lo + (c2 + c4) * span + slack) {
                fail(c + ": bar " + t + " value " + value + " outside T3's bound for history [" + lo + ", " + hi + "]");
            }
        }
    }

    /** Every valid output of {@code out[o]} lies in the range of the valid inputs so far, extended to 0. */
    static void withinHistoryAndZero(KernelCase c, double[][] out, int o) {
        double[] x = c.inputs()[0];
        double lo = 0.0;
        double hi = 0.0;
        for (int t = 0; t < x.length; t++) {
            if (Double.isFinite(x[t])) {
                lo = Math.min(lo, x[t]);
                hi = Math.max(hi, x[t]);
            }
            double v = out[o][t];
            double slack = SLACK * Math.max(-lo, hi);
            if (!Double.isNaN(v) && (v < lo - slack || v > hi + slack)) {
                fail(c + ": output " + o + " at bar " + t + " is " + v + ", outside [" + lo + ", " + hi + "]");
            }
        }
    }

    /**
     * TA-Lib clamps the raw period to [6, 50] before smoothing it twice from 0 ({@code p = 0.2·clamped + 0.8·p},
     * {@code s = 0.33·p + 0.67·s}, from the transform start at bar 12), so after k transformed bars the output lies
     * between the same recursion run on 6 and on 50.
     */
    static void periodWithinClamp(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        double lowPeriod = 0;
        double lowSmooth = 0;
        double highPeriod = 0;
        double highSmooth = 0;
        int valid = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isFinite(x[t])) {
                continue;
            }
            if (valid++ >= 12) {
                lowPeriod = 0.2 * 6 + 0.8 * lowPeriod;
                lowSmooth = 0.33 * lowPeriod + 0.67 * lowSmooth;
                highPeriod = 0.2 * 50 + 0.8 * highPeriod;
                highSmooth = 0.33 * highPeriod + 0.67 * highSmooth;
            }
            double v = out[0][t];
            if (!Double.isNaN(v) && (v < lowSmooth * (1 - SLACK) || v > highSmooth * (1 + SLACK))) {
                fail(c + ": bar " + t + " period " + v + " outside [" + lowSmooth + ", " + highSmooth + "]");
            }
        }
    }

    /**
     * The smoothed price is a convex average, so |I1| (a FIR output) is at most the FIR gain times the largest |x| so
     * far, and |Q1| (a FIR of the detrender) at most its square times it.
     */
    static void phasorWithinFirGain(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        double largest = 0;
        for (int t = 0; t < x.length; t++) {
            if (Double.isFinite(x[t])) {
                largest = Math.max(largest, Math.abs(x[t]));
            }
            double inphase = out[0][t];
            double quadrature = out[1][t];
            double inLimit = FIR_GAIN * largest * (1 + SLACK);
            if (!Double.isNaN(inphase) && Math.abs(inphase) > inLimit) {
                fail(c + ": bar " + t + " in-phase " + inphase + " above " + inLimit);
            }
            if (!Double.isNaN(quadrature) && Math.abs(quadrature) > FIR_GAIN * inLimit) {
                fail(c + ": bar " + t + " quadrature " + quadrature + " above " + FIR_GAIN * inLimit);
            }
        }
    }

    /** {@code lead = sin(φ + 45°) = (sin φ + cos φ)/√2}, so {@code sine² + (√2·lead − sine)² = 1}. */
    static void sineAndLeadAreOnePhase(KernelCase c, double[][] out) {
        for (int t = 0; t < out[0].length; t++) {
            double sine = out[0][t];
            double lead = out[1][t];
            if (Double.isNaN(sine)) {
                continue;
            }
            double cosine = Math.sqrt(2) * lead - sine;
            if (Math.abs(sine * sine + cosine * cosine - 1) > SLACK) {
                fail(c + ": bar " + t + ": sine " + sine + " and lead sine " + lead + " are not one phase 45° apart");
            }
        }
    }

    /**
     * Prices near 1e300 overflow the homodyne discriminator's products, and the core's period is NaN from then on.
     * Every kernel reading the period must then be NaN too: the trendline averaged no prices (0.0, where prices are
     * 1e300) and the trend mode answered 1 from tests that had all failed.
     */
    @Test
    void anOverflowedCycleGivesNoTrendlineAndNoTrendMode() {
        int n = 200;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = 1e300 * (1.5 + 0.3 * Math.sin(2 * Math.PI * t / 20));
        }
        double[] period = new double[n];
        double[] line = new double[n];
        double[] mode = new double[n];
        HtDcPeriod_Descriptor.batch(x, period);
        HtTrendline_Descriptor.batch(x, line);
        HtTrendMode_Descriptor.batch(x, mode);
        assertTrue(Double.isNaN(period[n - 1]), "the discriminator did not overflow: " + period[n - 1]);
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(period[t])) {
                assertTrue(Double.isNaN(line[t]), "bar " + t + ": trendline " + line[t] + " with no cycle");
                assertTrue(Double.isNaN(mode[t]), "bar " + t + ": trend mode " + mode[t] + " with no cycle");
            }
        }
    }
}
