package io.ta.kernels;

import static io.ta.testing.Oracles.RESIDUE;
import static io.ta.testing.Oracles.inRange;
import static io.ta.testing.Oracles.withinHistory;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import java.util.Map;

/**
 * Bounds and identities of the oscillators and volatility measures added with issue 15, on well-formed random bars
 * with missing values: KDJ's K and D, QQE's line and SMI stay in their scales and J is 3K − 2D; the relative vigor
 * index stays within ±1 (a bar's body never exceeds its range); VHF in [0, 1]; the ulcer index in [0, 100] (drawdowns
 * of positive prices are at most 100 %); every volatility estimator and Chaikin volatility + 1 are never negative;
 * the squeeze is a 0/1 flag valid exactly where its momentum is; Williams' A/D moves by at most the true range per
 * bar; EVWMA stays within the prices seen.
 */
class BoundedExtrasInvariantsTest extends InvariantSuite {
    /** Rounding slack of a convex combination (EMAs, smoothed ratios) on a 0..100 scale. */
    static final double SLACK = 1e-9;

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("kdj", (c, out) -> {
                    inRange(c, out, 0, -SLACK, 100 + SLACK);
                    inRange(c, out, 1, -SLACK, 100 + SLACK);
                    for (int t = 0; t < c.length(); t++) {
                        if (!Double.isNaN(out[0][t]) && Double.compare(out[2][t], 3 * out[0][t] - 2 * out[1][t]) != 0) {
                            fail(c + ": bar " + t + " J " + out[2][t] + " is not 3K - 2D");
                        }
                    }
                }),
                Map.entry("qqe", (c, out) -> inRange(c, out, 0, -SLACK, 100 + SLACK)),
                Map.entry("smi", (c, out) -> {
                    inRange(c, out, 0, -100 - SLACK, 100 + SLACK);
                    inRange(c, out, 1, -100 - SLACK, 100 + SLACK);
                }),
                Map.entry("rvgi", BoundedExtrasInvariantsTest::vigorWithinOne),
                Map.entry("vhf", BoundedExtrasInvariantsTest::vhfInUnitInterval),
                Map.entry("ulcer_index", (c, out) -> inRange(c, out, 0, 0, 100 + SLACK)),
                Map.entry("volatility", (c, out) -> inRange(c, out, 0, 0, Double.MAX_VALUE)),
                Map.entry("chaikin_volatility", (c, out) -> inRange(c, out, 0, -1, Double.MAX_VALUE)),
                Map.entry("squeeze", (c, out) -> {
                    for (int t = 0; t < c.length(); t++) {
                        double on = out[0][t];
                        if (Double.isNaN(on) != Double.isNaN(out[1][t]) || !(Double.isNaN(on) || on == 0.0 || on == 1.0)) {
                            fail(c + ": bar " + t + " has on " + on + " and momentum " + out[1][t]);
                        }
                    }
                }),
                Map.entry("williams_ad", BoundedExtrasInvariantsTest::movesWithinTrueRange),
                Map.entry("evwma", (c, out) -> withinHistory(c, out, 0, 0)));
    }

    static double[] input(KernelCase c, String name) {
        return c.inputs()[c.descriptor().inputs().indexOf(name)];
    }

    /**
     * |rvgi| ≤ 1 because |C − O| ≤ H − L on every bar, so |Σv₁| ≤ Σv₂. The sums are running sums whose residue is
     * relative to the largest range they carried: windows whose true range sum is within that residue are skipped.
     */
    static void vigorWithinOne(KernelCase c, double[][] out) {
        double[] high = input(c, "high");
        double[] low = input(c, "low");
        int n = (Integer) c.params().get("period");
        double history = 0;
        for (int t = 0; t < c.length(); t++) {
            if (Double.isFinite(high[t])) {
                history = Math.max(history, Math.abs(high[t]));
            }
            if (Double.isNaN(out[0][t])) {
                continue;
            }
            double ranges = 0;
            for (int i = t - n - 2; i <= t; i++) {
                ranges += high[i] - low[i];
            }
            if (ranges > 1e6 * RESIDUE * history * c.length()) {
                for (int o = 0; o < 2; o++) {
                    if (Math.abs(out[o][t]) > 1 + 1e-6) {
                        fail(c + ": output " + o + " at bar " + t + " is " + out[o][t] + ", beyond ±1");
                    }
                }
            }
        }
    }

    /** The range of a window is at most the path travelled inside it (up to the running sum's residue). */
    static void vhfInUnitInterval(KernelCase c, double[][] out) {
        double[] x = c.inputs()[0];
        int n = (Integer) c.params().get("period");
        double history = 0;
        for (int t = 0; t < c.length(); t++) {
            if (Double.isFinite(x[t])) {
                history = Math.max(history, Math.abs(x[t]));
            }
            double v = out[0][t];
            if (Double.isNaN(v)) {
                continue;
            }
            double path = 0;
            for (int i = t - n + 1; i <= t; i++) {
                path += Math.abs(x[i] - x[i - 1]);
            }
            double slack = path == 0 ? 0 : 1e-9 + 2 * RESIDUE * history * c.length() / path;
            if (v < 0 || v > 1 + slack) {
                fail(c + ": bar " + t + " vhf " + v + " outside [0, 1]");
            }
        }
    }

    /** Each valid bar adds C − min(L, C₋₁) or C − max(H, C₋₁) (or 0): at most the true range in size. */
    static void movesWithinTrueRange(KernelCase c, double[][] out) {
        double[] high = input(c, "high");
        double[] low = input(c, "low");
        double[] close = input(c, "close");
        double last = Double.NaN;
        for (int t = 1; t < c.length(); t++) {
            double v = out[0][t];
            if (Double.isNaN(v)) {
                continue;
            }
            if (last == last) {
                double range = Math.max(high[t], close[t - 1]) - Math.min(low[t], close[t - 1]);
                if (Math.abs(v - last) > range + 1e-12 * (Math.abs(v) + Math.abs(last))) {
                    fail(c + ": bar " + t + " moves by " + (v - last) + ", more than the true range " + range);
                }
            }
            last = v;
        }
    }
}
