package io.ta.kernels;

import static io.ta.testing.Oracles.inRange;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.kernels.cycle.HighPass_Descriptor;
import io.ta.kernels.cycle.Reflex_Descriptor;
import io.ta.kernels.cycle.Roofing_Descriptor;
import io.ta.kernels.cycle.Trendflex_Descriptor;
import io.ta.kernels.ma.Decycler_Descriptor;
import io.ta.kernels.ma.SuperSmoother_Descriptor;
import io.ta.testing.Descriptors;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import io.ta.spi.ParamValues;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ehlers' filters and the bounded oscillators around them: normalised outputs stay in their ranges (ebsw in [−1, 1],
 * laguerre_rsi in [0, 1], ift_rsi in [−1, 1], trendflex and reflex within ±5 — the first value's bound when the mean
 * square starts at 0, and the largest |s|/√(0.04·s²) can ever be), the decycler is exactly the input minus its
 * high-pass, the roofing filter is the super smoother of the high-pass, cg is bounded by half its window, itrend's
 * trigger is 2·it − it₋₂ and every gmma line is the catalog EMA of its period.
 */
class CycleFilterInvariantsTest extends InvariantSuite {
    /** Rounding slack for ratios bounded by 1 (|a|/√(a²) can exceed 1 by an ulp or two). */
    static final double ONE = 1 + 1e-12;

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("ebsw", (c, out) -> inRange(c, out, 0, -ONE, ONE)),
                Map.entry("laguerre_rsi", (c, out) -> inRange(c, out, 0, 0, ONE)),
                Map.entry("ift_rsi", (c, out) -> inRange(c, out, 0, -1, 1)),
                Map.entry("trendflex", (c, out) -> inRange(c, out, 0, -5 * ONE, 5 * ONE)),
                Map.entry("reflex", (c, out) -> inRange(c, out, 0, -5 * ONE, 5 * ONE)),
                Map.entry("cg", (c, out) -> {
                    // For positive inputs the centre of gravity lies between the newest and the oldest bar.
                    int n = (Integer) c.params().get("period");
                    double half = (n - 1) / 2.0 + 1e-9 * n;
                    double[] x = c.inputs()[0];
                    for (int t = n - 1; t < x.length; t++) {
                        boolean positive = true;
                        for (int i = t - n + 1; i <= t; i++) {
                            positive &= x[i] > 0 && x[i] < 1e150;
                        }
                        double v = out[0][t];
                        if (positive && !Double.isNaN(v) && Math.abs(v) > half) {
                            fail(c + ": cg at bar " + t + " is " + v + ", beyond ±" + half);
                        }
                    }
                }),
                Map.entry("decycler", (c, out) -> {
                    double[] hp = composed(c, "highpass", Map.of("period", c.params().get("period")), c.inputs());
                    double[] x = c.inputs()[0];
                    for (int t = 0; t < x.length; t++) {
                        same(c, t, out[0][t], Double.isFinite(x[t]) ? x[t] - hp[t] : Double.NaN, "decycler = x - highpass");
                    }
                }),
                Map.entry("roofing", (c, out) -> {
                    double[] hp = composed(c, "highpass", Map.of("period", c.params().get("hp_period")), c.inputs());
                    double[] ss = composed(c, "supersmoother", Map.of("period", c.params().get("ss_period")), new double[][] {hp});
                    for (int t = 0; t < ss.length; t++) {
                        same(c, t, out[0][t], ss[t], "roofing = supersmoother(highpass)");
                    }
                }),
                Map.entry("itrend", (c, out) -> {
                    double[] x = c.inputs()[0];
                    for (int t = 2; t < x.length; t++) {
                        if (Double.isFinite(x[t]) && Double.isFinite(x[t - 1]) && Double.isFinite(x[t - 2]) && !Double.isNaN(out[1][t])) {
                            same(c, t, out[1][t], 2.0 * out[0][t] - out[0][t - 2], "trigger = 2 it - it[2]");
                        }
                    }
                }),
                Map.entry("gmma", (c, out) -> {
                    int[] periods = {3, 5, 8, 10, 12, 15, 30, 35, 40, 45, 50, 60};
                    for (int o = 0; o < periods.length; o++) {
                        double[] ema = composed(c, "ema", Map.of("period", periods[o]), c.inputs());
                        for (int t = 0; t < ema.length; t++) {
                            same(c, t, out[o][t], ema[t], "gmma line " + periods[o]);
                        }
                    }
                }),
                Map.entry("highpass", (c, out) -> {
                    // No trend passes: on a window where the input is constant since the start, the output is 0.
                    double[] x = c.inputs()[0];
                    for (int t = 0; t < x.length && x[t] == x[0] && Double.isFinite(x[0]); t++) {
                        same(c, t, out[0][t], 0.0, "highpass of a constant");
                    }
                }));
    }

    static double[] composed(KernelCase c, String name, Map<String, Object> params, double[][] inputs) {
        var d = Descriptors.named(name);
        return d.batch(ParamValues.of(d, params), inputs)[0];
    }

    static void same(KernelCase c, int t, double got, double expected, String what) {
        if (Double.doubleToLongBits(got) != Double.doubleToLongBits(expected)) {
            fail(c + ": " + what + " at bar " + t + ": " + got + ", expected " + expected);
        }
    }

    /** One kernel's batch over a series, its parameters fixed. */
    interface Run {
        void batch(double[] x, double[] out);
    }

    /**
     * One tick of MAX on a sine wave overflows the high-pass on the bar after it ({@code x − 2·x₋₁}), the super
     * smoother on a second tick ({@code x + x₋₁}), and the mean square of trendflex and reflex on the tick itself.
     * Each filter restarts there (NaN), and from the next bar on outputs what a stream started there does: the
     * decycler is the input again, trendflex and reflex wait n bars and then agree to the rounding of their window
     * sum. Before the restart rule the state went infinite and every later output was NaN. The roofing filter's
     * smoother carries on through its high-pass's restart (a missing value to it) and remembers the tick, finitely.
     */
    @Test
    void anOverflowRestartsTheEhlersFilters() {
        int n = 600;
        int tick = 200;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            x[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 17);
        }
        double[] once = x.clone();
        once[tick] = Double.MAX_VALUE;
        double[] twice = once.clone();
        twice[tick + 1] = Double.MAX_VALUE;
        restarts("highpass", (in, out) -> HighPass_Descriptor.batch(in, 48, out), once, tick + 1, 0);
        restarts("decycler", (in, out) -> Decycler_Descriptor.batch(in, 125, out), once, tick + 1, 0);
        restarts("supersmoother", (in, out) -> SuperSmoother_Descriptor.batch(in, 10, out), twice, tick + 1, 0);
        restarts("trendflex", (in, out) -> Trendflex_Descriptor.batch(in, 20, out), once, tick, 1e-9);
        restarts("reflex", (in, out) -> Reflex_Descriptor.batch(in, 20, out), once, tick, 1e-9);
        double[] roofing = new double[n];
        Roofing_Descriptor.batch(once, 48, 10, roofing);
        assertTrue(Double.isFinite(roofing[n - 1]), "roofing at the last bar is " + roofing[n - 1]);
    }

    /**
     * Asserts that {@code kernel} outputs NaN at bar {@code restart} of {@code x} and from there on agrees with a run
     * started at the next bar: NaN for NaN, bit for bit when {@code tolerance} is 0, and valid at the last bar.
     */
    static void restarts(String name, Run kernel, double[] x, int restart, double tolerance) {
        double[] out = new double[x.length];
        kernel.batch(x, out);
        assertTrue(Double.isNaN(out[restart]), name + " at the restart, bar " + restart + ", is " + out[restart]);
        double[] fresh = new double[x.length - restart - 1];
        kernel.batch(Arrays.copyOfRange(x, restart + 1, x.length), fresh);
        for (int t = restart + 1; t < x.length; t++) {
            double e = fresh[t - restart - 1];
            boolean agree = tolerance == 0 ? Double.doubleToLongBits(out[t]) == Double.doubleToLongBits(e)
                    : Double.isNaN(e) ? Double.isNaN(out[t]) : Math.abs(out[t] - e) <= tolerance;
            assertTrue(agree, name + " at bar " + t + " is " + out[t] + ", a run started at bar " + (restart + 1)
                    + " gives " + e);
        }
        assertTrue(Double.isFinite(out[x.length - 1]), name + " at the last bar is " + out[x.length - 1]);
    }
}
