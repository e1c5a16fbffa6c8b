package io.ta.kernels;

import static io.ta.testing.Oracles.RESIDUE;
import static io.ta.testing.Oracles.barsSince;
import static io.ta.testing.Oracles.eachFullWindow;
import static io.ta.testing.Oracles.exact;
import static io.ta.testing.Oracles.near;
import static io.ta.testing.Oracles.variance;
import static io.ta.testing.Oracles.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.testing.InvariantSuite;
import io.ta.testing.Oracles;
import java.util.Arrays;
import java.util.Map;

/** Rolling statistics and moving averages: naive oracles and range invariants (min ≤ mean ≤ max, std ≥ 0, …). */
class StatisticsInvariantsTest extends InvariantSuite {
    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("rolling_sum", (c, out) -> eachFullWindow(c, out, (w, v, h) ->
                        near(v, Arrays.stream(w).sum(), RESIDUE * h * c.length(), "sum"))),
                Map.entry("sma", (c, out) -> eachFullWindow(c, out, (w, v, h) -> within(v, w, RESIDUE * h * c.length(), "mean"))),
                Map.entry("wma", (c, out) -> eachFullWindow(c, out, (w, v, h) ->
                        within(v, w, RESIDUE * h * c.length() * w.length, "weighted mean"))),
                Map.entry("trima", (c, out) -> eachFullWindow(c, out, (w, v, h) -> within(v, w, RESIDUE * h * c.length(), "triangular mean"))),
                // Exact window statistics: the two-pass variance of this window alone (no history), to a few n ulps of
                // itself; a constant window exactly 0.
                Map.entry("var", (c, out) -> eachFullWindow(c, out, (w, v, h) -> varianceOf(w, v))),
                Map.entry("rolling_std", (c, out) -> {
                    double nbdev = (Double) c.params().get("nbdev");
                    eachFullWindow(c, out, (w, v, h) -> {
                        double var = variance(w);
                        if (constant(w)) {
                            exact(v, 0.0 * nbdev, "std of a constant window");
                        } else {
                            near(v, Math.sqrt(var) * nbdev, 1e-12 * Math.sqrt(var) * Math.abs(nbdev), "std");
                        }
                    });
                }),
                Map.entry("rolling_max", (c, out) -> eachFullWindow(c, out, (w, v, h) -> exact(v, Arrays.stream(w).max().orElseThrow(), "max"))),
                Map.entry("rolling_min", (c, out) -> eachFullWindow(c, out, (w, v, h) -> exact(v, Arrays.stream(w).min().orElseThrow(), "min"))),
                Map.entry("rolling_argmax", (c, out) -> eachFullWindow(c, out, (w, v, h) -> exact(v, barsSince(w, true), "argmax"))),
                Map.entry("rolling_argmin", (c, out) -> eachFullWindow(c, out, (w, v, h) -> exact(v, barsSince(w, false), "argmin"))),
                Map.entry("rolling_median", (c, out) -> eachFullWindow(c, out, (w, v, h) -> {
                    double[] s = w.clone();
                    Arrays.sort(s);
                    int half = s.length / 2;
                    exact(v, s.length % 2 == 1 ? s[half] : (s[half - 1] + s[half]) * 0.5, "median");
                })),
                Map.entry("ema", (c, out) -> Oracles.withinHistory(c, out, 0, 0)),
                Map.entry("rma", (c, out) -> Oracles.withinHistory(c, out, 0, 0)),
                Map.entry("kama", (c, out) -> Oracles.withinHistory(c, out, 0, 0)));
    }

    static boolean constant(double[] w) {
        return Arrays.stream(w).allMatch(x -> x == w[0]);
    }

    static void varianceOf(double[] w, double v) {
        if (constant(w)) {
            exact(v, 0.0, "variance of a constant window");
            return;
        }
        double var = variance(w);
        near(v, var, 1e-12 * var, "population variance");
    }
}
