package io.ta.kernels;

import static io.ta.kernels.testing.Oracles.RESIDUE;
import static io.ta.kernels.testing.Oracles.barsSince;
import static io.ta.kernels.testing.Oracles.eachFullWindow;
import static io.ta.kernels.testing.Oracles.exact;
import static io.ta.kernels.testing.Oracles.near;
import static io.ta.kernels.testing.Oracles.variance;
import static io.ta.kernels.testing.Oracles.within;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.kernels.testing.InvariantSuite;
import io.ta.kernels.testing.Oracles;
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
                Map.entry("var", (c, out) -> eachFullWindow(c, out, (w, v, h) ->
                        near(v, variance(w), RESIDUE * h * h * c.length(), "population variance"))),
                Map.entry("rolling_std", (c, out) -> {
                    double nbdev = Math.abs((Double) c.params().get("nbdev"));
                    eachFullWindow(c, out, (w, v, h) -> {
                        double var = variance(w);
                        double varError = RESIDUE * h * h * c.length();
                        if (var < 1e-8 + varError) {
                            // TA-Lib maps a variance below 1e-8 to 0; the computed one may sit anywhere within its error.
                            assertTrue(Math.abs(v) <= Math.sqrt(1e-8 + 2 * varError) * nbdev + 1e-300, "std of a near-flat window " + v);
                        } else {
                            double std = Math.sqrt(var);
                            near(Math.abs(v), std * nbdev, (Math.sqrt(var + varError) - std) * nbdev + 1e-12 * std * nbdev, "std");
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
}
