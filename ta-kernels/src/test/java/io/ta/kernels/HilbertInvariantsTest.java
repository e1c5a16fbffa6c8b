package io.ta.kernels;

import static io.ta.testing.Oracles.inRange;
import static io.ta.testing.Oracles.withinHistory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.kernels.cycle.HilbertCore;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import io.ta.testing.Descriptors;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Hilbert-transform family and T3: bounds that follow from the recursions themselves (TA-Lib's period clamp, the
 * FIR gain, convex averages), independent of the code under test. Every kernel here is recursive, so each is also
 * checked to skip missing bars: an output is NaN exactly when its bar is missing or fewer than lookback + 1 valid bars
 * were seen, counted, on prices beyond 1e150, from the last bar that overflowed the transform and restarted it (where
 * that happened is the one thing read off the code under test, a {@link HilbertCore} fed the same inputs).
 */
class HilbertInvariantsTest extends InvariantSuite {
    /** Hilbert FIR coefficients (TA-Lib's a, b) and the largest period adjustment, 0.075·50 + 0.54. */
    static final double A = 0.0962;
    static final double B = 0.5769;
    static final double MAX_ADJUSTMENT = 0.075 * 50 + 0.54;
    /** Largest |FIR output| per unit of |FIR input|: {@code (a·v_t + b·v_{t−2} − b·v_{t−4} − a·v_{t−6})·adjustment}. */
    static final double FIR_GAIN = 2 * (A + B) * MAX_ADJUSTMENT;
    static final double SLACK = 1e-9;
    /** The kernels built on the Hilbert core. */
    static final List<String> HILBERT =
            List.of("ht_dcperiod", "ht_dcphase", "ht_phasor", "ht_sine", "ht_trendline", "ht_trendmode", "mama");
    /** Prices above which the homodyne discriminator's products (of two price-sized values) may overflow. */
    static final double OVERFLOWING = 1e150;

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("t3", (c, out) -> {
                    skipsMissing(c, out, null);
                    t3WithinWeightedHistory(c, out);
                }),
                Map.entry("mama", (c, out) -> {
                    skipsMissing(c, out, HilbertCore.standard());
                    // mama and fama are convex combinations of the inputs and their starting value 0.
                    withinHistoryAndZero(c, out, 0);
                    withinHistoryAndZero(c, out, 1);
                }),
                Map.entry("ht_trendline", (c, out) -> {
                    skipsMissing(c, out, HilbertCore.lateStart());
                    // From bar 63 every smoothed term is a mean of past inputs.
                    withinHistory(c, out, 0, 0);
                }),
                Map.entry("ht_dcperiod", (c, out) -> {
                    skipsMissing(c, out, HilbertCore.standard());
                    periodWithinClamp(c, out);
                }),
                Map.entry("ht_dcphase", (c, out) -> {
                    skipsMissing(c, out, HilbertCore.lateStart());
                    // atan gives (−90°, 90°); +90°, the lag term and the half-turn land in (0°, 360° + lag), and
                    // TA-Lib wraps anything above 315°.
                    inRange(c, out, 0, -45.0, 315.0);
                }),
                Map.entry("ht_phasor", (c, out) -> {
                    skipsMissing(c, out, HilbertCore.standard());
                    phasorWithinFirGain(c, out);
                }),
                Map.entry("ht_sine", (c, out) -> {
                    skipsMissing(c, out, HilbertCore.lateStart());
                    inRange(c, out, 0, -1.0, 1.0);
                    inRange(c, out, 1, -1.0, 1.0);
                    sineAndLeadAreOnePhase(c, out);
                }),
                Map.entry("ht_trendmode", (c, out) -> {
                    skipsMissing(c, out, HilbertCore.lateStart());
                    for (int t = 0; t < out[0].length; t++) {
                        double v = out[0][t];
                        if (!Double.isNaN(v) && v != 0.0 && v != 1.0) {
                            fail(c + ": bar " + t + " is " + v + ", neither trend (1) nor cycle (0)");
                        }
                    }
                }));
    }

    /**
     * Recursive kernels skip missing bars (docs/spec.md §5.2): NaN exactly at missing bars and during warm-up. A bar
     * that overflows the Hilbert transform restarts it (HilbertCore, "Overflow"): NaN there, and a new warm-up from
     * the next valid bar, in every output of the kernel, so none is left with a state from before the restart. The
     * restarts are read off {@code core}, a core of the kernel's start fed the same inputs (null for T3, which has
     * none), and may happen only once a price beyond 1e150 was seen.
     */
    static void skipsMissing(KernelCase c, double[][] out, HilbertCore core) {
        double[] x = c.inputs()[0];
        int lookback = c.descriptor().lookback(c.params());
        int valid = 0;
        boolean huge = false;
        for (int t = 0; t < x.length; t++) {
            boolean missing = !Double.isFinite(x[t]);
            boolean restarted = false;
            if (!missing) {
                valid++;
                huge |= Math.abs(x[t]) > OVERFLOWING;
                if (core != null) {
                    core.advance(x[t]);
                    restarted = core.fresh();
                }
            }
            if (restarted) {
                assertTrue(huge, c + ": the transform restarted at bar " + t + " on prices within 1e150");
                valid = 0;
            }
            boolean expectNaN = missing || restarted || valid <= lookback;
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
     * between the same recursion run on 6 and on 50. Both start again where the transform restarted (HilbertCore,
     * "Overflow"), read off a core fed the same inputs.
     */
    static void periodWithinClamp(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        HilbertCore core = HilbertCore.standard();
        double lowPeriod = 0;
        double lowSmooth = 0;
        double highPeriod = 0;
        double highSmooth = 0;
        int valid = 0;
        for (int t = 0; t < x.length; t++) {
            if (!Double.isFinite(x[t])) {
                continue;
            }
            core.advance(x[t]);
            if (core.fresh()) {
                lowPeriod = 0;
                lowSmooth = 0;
                highPeriod = 0;
                highSmooth = 0;
                valid = 0;
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

    /** Every output of the kernel named {@code name}, default parameters, on {@code x}. */
    static double[][] run(String name, double[] x) {
        KernelDescriptor d = Descriptors.named(name);
        return d.batch(ParamValues.defaults(d), new double[][] {x});
    }

    /** Bars at which a valid input left {@code core} fresh: where its transform overflowed and restarted. */
    static List<Integer> restarts(HilbertCore core, double[] x) {
        List<Integer> at = new ArrayList<>();
        for (int t = 0; t < x.length; t++) {
            if (Double.isFinite(x[t])) {
                core.advance(x[t]);
                if (core.fresh()) {
                    at.add(t);
                }
            }
        }
        return at;
    }

    /** A core of the start the kernel named {@code name} runs: lookback 32 from bar 12, lookback 63 from bar 37. */
    static HilbertCore coreOf(String name) {
        return Descriptors.named(name).lookback(ParamValues.defaults(Descriptors.named(name))) == 32
                ? HilbertCore.standard()
                : HilbertCore.lateStart();
    }

    /**
     * From bar {@code restart + 1} on, {@code hit} is NaN through the warm-up, then bit for bit {@code fresh}, a run
     * started at bar {@code restart + 1}: a kernel that restarted with its transform, with nothing left from before.
     */
    static void restartedAt(String name, int restart, double[][] hit, double[][] fresh) {
        int lookback = Descriptors.named(name).lookback(ParamValues.defaults(Descriptors.named(name)));
        for (int o = 0; o < hit.length; o++) {
            assertTrue(Double.isNaN(hit[o][restart]), name + " output " + o + " at the restart: " + hit[o][restart]);
            for (int t = restart + 1; t < hit[o].length; t++) {
                double expected = fresh[o][t - restart - 1];
                assertEquals(t - restart - 1 < lookback, Double.isNaN(expected), name + ": fresh run at bar " + t);
                assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(hit[o][t]),
                        name + " output " + o + " at bar " + t + " (restart at " + restart + "): " + hit[o][t]
                                + ", a run started after the restart gives " + expected);
            }
        }
    }

    /**
     * Nothing from before the restart is left, not even where no output would show it (a price ring the period is
     * too short to reach, a phase that carries over only on a flat window): streamed through the restart bar and two
     * bars more, the kernel's snapshot is that of a new stream given only those two, but for the update count. (The
     * snapshot holds the state before the last bar; after one bar, not before any, the output fields agree too.)
     */
    static void freshAfter(String name, double[] x, int restart) {
        KernelDescriptor d = Descriptors.named(name);
        double[] out = new double[d.outputs().size()];
        KernelStream hit = d.newStream(ParamValues.defaults(d));
        for (int t = 0; t <= restart + 2; t++) {
            hit.update(new double[] {x[t]}, out);
        }
        KernelStream fresh = d.newStream(ParamValues.defaults(d));
        fresh.update(new double[] {x[restart + 1]}, out);
        fresh.update(new double[] {x[restart + 2]}, out);
        long[] after = hit.snapshot().words();
        long[] started = fresh.snapshot().words();
        assertEquals(restart + 3, after[0], name + ": the snapshot starts with the update count");
        assertArrayEquals(Arrays.copyOfRange(started, 1, started.length), Arrays.copyOfRange(after, 1, after.length),
                name + " after its restart at bar " + restart);
    }

    /**
     * One tick at the edge of the doubles inside an ordinary cycle overflows the transform on its bar (the smoother's
     * 4x is infinite) or the next (the discriminator's products): the family restarts there, and from the end of the
     * new warm-up on every output is bit for bit that of a run started right after the restart, and the state is a
     * fresh one. Before the restart rule, every output was NaN for good from that bar on.
     */
    @Test
    void oneExtremeTickRestartsTheWholeFamily() {
        int n = 400;
        int tick = 150;
        double[] clean = new double[n];
        for (int t = 0; t < n; t++) {
            clean[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 17) + 0.01 * t;
        }
        for (double extreme : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 1e200, -1e200}) {
            double[] x = clean.clone();
            x[tick] = extreme;
            for (String name : HILBERT) {
                List<Integer> restarts = restarts(coreOf(name), x);
                assertEquals(1, restarts.size(), name + " restarts on a tick of " + extreme + ": " + restarts);
                int restart = restarts.get(0);
                if (Math.abs(extreme) == Double.MAX_VALUE) {
                    assertEquals(tick, restart, name + ": 4·MAX overflows the smoother on the tick's own bar");
                }
                assertTrue(restart == tick || restart == tick + 1, name + " restarted at " + restart);
                double[] after = Arrays.copyOfRange(x, restart + 1, n);
                restartedAt(name, restart, run(name, x), run(name, after));
                freshAfter(name, x, restart);
            }
        }
    }

    /**
     * Prices near 1e300 overflow the homodyne discriminator's products within two transformed bars, so the transform
     * restarts again and again and no kernel of the family gives a value: in particular not a trendline averaging no
     * prices (0.0, where prices are 1e300) or a trend mode of 1 from tests that all failed, as a NaN period once
     * gave. Ordinary prices after them bring the family back, as a run started after the last restart.
     */
    @Test
    void anOverflowingCycleRestartsUntilThePricesAreOrdinary() {
        int huge = 200;
        int n = huge + 200;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = (t < huge ? 1e300 : 100) * (1.5 + 0.3 * Math.sin(2 * Math.PI * t / 20));
        }
        for (String name : HILBERT) {
            List<Integer> restarts = restarts(coreOf(name), x);
            assertTrue(restarts.size() > 3, name + " restarts " + restarts);
            int last = restarts.get(restarts.size() - 1);
            // Huge prices that leave the smoother before the restarted transform starts (bar 12 or 37) need no
            // restart of their own: the last one comes up to 37 bars before the end of them.
            assertTrue(last >= huge - 40 && last < huge + 40, name + " last restart " + last);
            double[][] out = run(name, x);
            for (double[] output : out) {
                for (int t = 0; t <= last; t++) {
                    assertTrue(Double.isNaN(output[t]), name + " at bar " + t + ": " + output[t] + " with no cycle");
                }
            }
            restartedAt(name, last, out, run(name, Arrays.copyOfRange(x, last + 1, n)));
        }
    }
}
