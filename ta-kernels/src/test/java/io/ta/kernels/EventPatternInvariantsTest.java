package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import io.ta.testing.Descriptors;
import io.ta.testing.Exact;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import io.ta.spi.ParamValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Events and patterns (docs/spec.md §2.8, §2.9, §3.8, §3.9): every output checked bar by bar against a naive oracle
 * written from the catalog's wording — per-bar predicates for events, a full window scan for pivots, and for
 * fib_retracement the leg lists rebuilt from scratch at every bar — plus the structural invariants (flags are 0/1,
 * cross = crossup or crossdown, fib levels between their anchors). Pattern kernels also run on a coarsened copy of
 * the inputs (prices rounded to a grid, so equal extremes are common) and on a copy with outside bars.
 */
class EventPatternInvariantsTest extends InvariantSuite {

    /** A per-bar event predicate over the inputs of bars t−1 and t (all finite, t ≥ 1 unless the event has lb 0). */
    interface Event {
        boolean at(double[][] in, int t);
    }

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("crossup", event(1, (x, t) -> x[0][t] > x[1][t] && x[0][t - 1] <= x[1][t - 1])),
                Map.entry("crossdown", event(1, (x, t) -> x[0][t] < x[1][t] && x[0][t - 1] >= x[1][t - 1])),
                Map.entry("cross", (c, out) -> {
                    event(1, (x, t) -> x[0][t] > x[1][t] && x[0][t - 1] <= x[1][t - 1]
                            || x[0][t] < x[1][t] && x[0][t - 1] >= x[1][t - 1]).check(c, out);
                    var crossup = Descriptors.named("crossup");
                    var crossdown = Descriptors.named("crossdown");
                    double[] up = crossup.batch(ParamValues.defaults(crossup), c.inputs())[0];
                    double[] down = crossdown.batch(ParamValues.defaults(crossdown), c.inputs())[0];
                    for (int t = 0; t < out[0].length; t++) {
                        double either = up[t] == 1.0 || down[t] == 1.0 ? 1.0 : 0.0;
                        if (out[0][t] != either) {
                            fail(c + ": cross at bar " + t + " is " + out[0][t] + " but crossup/crossdown are " + up[t] + "/" + down[t]);
                        }
                    }
                }),
                Map.entry("rising", event(1, (x, t) -> x[0][t] > x[0][t - 1])),
                Map.entry("falling", event(1, (x, t) -> x[0][t] < x[0][t - 1])),
                Map.entry("rising_pct", (c, out) -> {
                    double pct = (Double) c.params().get("pct");
                    event(1, (x, t) -> x[0][t] >= x[0][t - 1] * (1 + pct / 100)).check(c, out);
                }),
                Map.entry("falling_pct", (c, out) -> {
                    double pct = (Double) c.params().get("pct");
                    event(1, (x, t) -> x[0][t] <= x[0][t - 1] * (1 - pct / 100)).check(c, out);
                }),
                Map.entry("in_channel", event(0, EventPatternInvariantsTest::inside)),
                Map.entry("out", event(0, EventPatternInvariantsTest::outside)),
                Map.entry("enter", event(1, (x, t) -> inside(x, t) && outside(x, t - 1))),
                Map.entry("exit", event(1, (x, t) -> outside(x, t) && inside(x, t - 1))),
                Map.entry("swing_points", onVariants(EventPatternInvariantsTest::swingPoints)),
                Map.entry("swing_high_at", onVariants((c, in, out) -> swingAt(c, in, out, true))),
                Map.entry("swing_low_at", onVariants((c, in, out) -> swingAt(c, in, out, false))),
                Map.entry("fib_retracement", onVariants(EventPatternInvariantsTest::fib)));
    }

    static boolean inside(double[][] x, int t) {
        return x[2][t] <= x[0][t] && x[0][t] <= x[1][t];
    }

    static boolean outside(double[][] x, int t) {
        return x[0][t] > x[1][t] || x[0][t] < x[2][t];
    }

    /**
     * An event: 1.0 exactly where the predicate holds and every input of the bars it reads ({@code t − reach .. t})
     * is finite; 0.0 everywhere else, including the first {@code reach} bars.
     */
    static Invariant event(int reach, Event e) {
        return (c, out) -> {
            eventOn(c, c.inputs(), out, reach, e);
            // Rounded inputs make the boundary cases (a = b, a_t = a_{t−1}, price on a bound) common.
            double[][] coarse = coarse(c.inputs());
            eventOn(c, coarse, c.descriptor().batch(c.params(), coarse), reach, e);
        };
    }

    static void eventOn(KernelCase c, double[][] x, double[][] out, int reach, Event e) {
        for (int t = 0; t < out[0].length; t++) {
            boolean readable = t >= reach;
            for (int s = Math.max(0, t - reach); s <= t && readable; s++) {
                for (double[] series : x) {
                    readable &= Double.isFinite(series[s]);
                }
            }
            double expected = readable && e.at(x, t) ? 1.0 : 0.0;
            if (out[0][t] != expected) {
                fail(c + ": bar " + t + " is " + out[0][t] + ", expected " + expected);
            }
        }
    }

    /** A pattern check against given inputs and the outputs the kernel produced from them. */
    interface PatternCheck {
        void check(KernelCase c, double[][] in, double[][] out);
    }

    /**
     * Runs {@code check} on the case, again on its inputs rounded to a coarse grid (many equal extremes), and on a
     * copy with random outside bars (bars that are both a pivot high and a pivot low, so legs ending at one bar).
     */
    static Invariant onVariants(PatternCheck check) {
        return (c, out) -> {
            check.check(c, c.inputs(), out);
            double[][] coarse = coarse(c.inputs());
            check.check(c, coarse, c.descriptor().batch(c.params(), coarse));
            double[][] wide = outsideBars(c.inputs(), new SplittableRandom(c.seed()));
            check.check(c, wide, c.descriptor().batch(c.params(), wide));
        };
    }

    /** H and L (inputs 0 and 1) widened by 5% on about a third of the bars. */
    static double[][] outsideBars(double[][] in, SplittableRandom r) {
        double[][] out = {in[0].clone(), in[1].clone()};
        for (int t = 0; t < out[0].length; t++) {
            if (r.nextInt(3) == 0) {
                out[0][t] += 0.05 * Math.abs(out[0][t]);
                out[1][t] -= 0.05 * Math.abs(out[1][t]);
            }
        }
        return out;
    }

    /** Each finite value rounded to a grid of about 1% of the series' first finite magnitude. */
    static double[][] coarse(double[][] in) {
        double[][] out = new double[in.length][];
        double scale = 0;
        for (double[] x : in) {
            for (double v : x) {
                if (Double.isFinite(v) && v != 0 && scale == 0) {
                    scale = Math.abs(v) * 0.01;
                }
            }
        }
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i].clone();
            for (int t = 0; t < out[i].length; t++) {
                if (Double.isFinite(out[i][t]) && scale > 0 && Math.abs(out[i][t] / scale) < 1e15) {
                    out[i][t] = Math.rint(out[i][t] / scale) * scale;
                }
            }
        }
        return out;
    }

    // ---- swing points (§3.8) ----

    /**
     * The naive pivots: for each p, the whole window {@code [p − left, p + right]} is scanned. Returns the pivot
     * price at its confirming bar {@code p + right} (NaN elsewhere): row 0 highs, row 1 lows.
     */
    static double[][] pivots(double[] h, double[] l, int left, int right, boolean allowEqual) {
        int n = h.length;
        double[][] at = new double[2][n];
        java.util.Arrays.fill(at[0], Double.NaN);
        java.util.Arrays.fill(at[1], Double.NaN);
        boolean highExists = false;
        for (int p = left; p + right < n; p++) {
            if (isPivot(h, p, left, right, allowEqual, true)) {
                at[0][p + right] = h[p];
                highExists = true;
            }
            if (highExists && isPivot(l, p, left, right, allowEqual, false)) {
                at[1][p + right] = l[p];
            }
        }
        return at;
    }

    static boolean isPivot(double[] x, int p, int left, int right, boolean allowEqual, boolean max) {
        int equal = 0;
        for (int j = p - left; j <= p + right; j++) {
            if (!Double.isFinite(x[j])) {
                return false;
            }
            if (max ? x[j] > x[p] : x[j] < x[p]) {
                return false;
            }
            if (x[j] == x[p]) {
                equal++;
            }
        }
        return allowEqual || equal == 1;
    }

    static double[][] pivots(KernelCase c, double[][] in) {
        return pivots(in[0], in[1], (Integer) c.params().get("left"), (Integer) c.params().get("right"),
                (Boolean) c.params().get("allow_equal_extremes"));
    }

    static void swingPoints(KernelCase c, double[][] in, double[][] out) {
        double[][] piv = pivots(c, in);
        boolean levels = c.params().get("return_mode").equals("levels");
        for (int k = 0; k < 2; k++) {
            for (int t = 0; t < out[k].length; t++) {
                double expected = levels ? piv[k][t] : Double.isNaN(piv[k][t]) ? 0.0 : 1.0;
                same(c, k == 0 ? "swing_high" : "swing_low", t, out[k][t], expected);
            }
        }
    }

    static void swingAt(KernelCase c, double[][] in, double[][] out, boolean high) {
        double[] piv = pivots(c, in)[high ? 0 : 1];
        int index = (Integer) c.params().get("index");
        double[] own = in[high ? 0 : 1];
        List<Double> seen = new ArrayList<>();
        for (int t = 0; t < out[0].length; t++) {
            if (!Double.isNaN(piv[t])) {
                seen.add(piv[t]);
            }
            double expected = seen.size() >= index && Double.isFinite(own[t]) ? seen.get(seen.size() - index) : Double.NaN;
            same(c, "value", t, out[0][t], expected);
        }
    }

    // ---- fib_retracement (§3.9), rebuilt from scratch at every bar ----

    record Pivot(int c, boolean high, double price) {}

    record Leg(double high, double low, int end) {}

    static void fib(KernelCase c, double[][] in, double[][] out) {
        double[][] piv = pivots(c, in);
        double level = (Double) c.params().get("level");
        String mode = (String) c.params().get("mode");
        int leg = (Integer) c.params().get("leg");
        boolean strict = c.params().get("pairing_mode").equals("strict_alternating");
        int maxAge = (Integer) c.params().get("max_leg_age_bars");
        double minPct = (Double) c.params().get("min_leg_size_pct");
        List<Pivot> visible = new ArrayList<>();
        for (int t = 0; t < out[0].length; t++) {
            // Ordered by c, the high before the low at equal c.
            if (!Double.isNaN(piv[0][t])) {
                visible.add(new Pivot(t, true, piv[0][t]));
            }
            if (!Double.isNaN(piv[1][t])) {
                visible.add(new Pivot(t, false, piv[1][t]));
            }
            List<Leg> downs = new ArrayList<>();
            List<Leg> ups = new ArrayList<>();
            if (strict) {
                List<Pivot> alt = new ArrayList<>();
                for (Pivot p : visible) {
                    if (alt.isEmpty() || alt.getLast().high() != p.high()) {
                        alt.add(p);
                    } else if (p.high() ? p.price() >= alt.getLast().price() : p.price() <= alt.getLast().price()) {
                        alt.set(alt.size() - 1, p);
                    }
                }
                for (int i = 0; i + 1 < alt.size(); i++) {
                    Pivot a = alt.get(i);
                    Pivot b = alt.get(i + 1);
                    if (b.c() > a.c()) {
                        if (!a.high() && b.high()) {
                            keep(downs, new Leg(b.price(), a.price(), b.c()), true, minPct);
                        } else if (a.high() && !b.high()) {
                            keep(ups, new Leg(a.price(), b.price(), b.c()), false, minPct);
                        }
                    }
                }
            } else {
                for (int i = 0; i < visible.size(); i++) {
                    Pivot p = visible.get(i);
                    for (int j = i - 1; j >= 0; j--) {
                        Pivot q = visible.get(j);
                        if (q.high() != p.high() && q.c() < p.c()) {
                            if (p.high()) {
                                keep(downs, new Leg(p.price(), q.price(), p.c()), true, minPct);
                            } else {
                                keep(ups, new Leg(q.price(), p.price(), p.c()), false, minPct);
                            }
                            break;
                        }
                    }
                }
            }
            Leg d = mode.equals("up") ? null : pick(downs, leg, t, maxAge);
            Leg u = mode.equals("down") ? null : pick(ups, leg, t, maxAge);
            Leg anchor = d != null && (u == null || d.end() >= u.end()) ? d : u;
            boolean missing = !(Double.isFinite(in[0][t]) && Double.isFinite(in[1][t]));
            double eDown = missing || d == null ? Double.NaN : finite(d.high() - (d.high() - d.low()) * level);
            double eUp = missing || u == null ? Double.NaN : finite(u.low() + (u.high() - u.low()) * level);
            same(c, "anchor_high", t, out[0][t], missing || anchor == null ? Double.NaN : anchor.high());
            same(c, "anchor_low", t, out[1][t], missing || anchor == null ? Double.NaN : anchor.low());
            same(c, "down", t, out[2][t], eDown);
            same(c, "up", t, out[3][t], eUp);
            betweenAnchors(c, t, out, level, anchor == d ? 2 : 3);
        }
    }

    static void keep(List<Leg> legs, Leg leg, boolean down, double minPct) {
        if (!(leg.high() > leg.low())) {
            return;
        }
        double start = down ? leg.low() : leg.high();
        double move = start == 0 ? Double.POSITIVE_INFINITY : 100 * (leg.high() - leg.low()) / Math.abs(start);
        if (!(move < minPct)) {
            legs.add(leg);
        }
    }

    static Leg pick(List<Leg> legs, int leg, int t, int maxAge) {
        if (legs.size() < leg) {
            return null;
        }
        Leg l = legs.get(legs.size() - leg);
        return maxAge >= 0 && t - l.end() > maxAge ? null : l;
    }

    /** With {@code level ≤ 1}, the level of the anchoring leg lies between the anchors. */
    static void betweenAnchors(KernelCase c, int t, double[][] out, double level, int o) {
        double hi = out[0][t];
        double lo = out[1][t];
        double v = out[o][t];
        if (level > 1 || Double.isNaN(hi) || Double.isNaN(v)) {
            return;
        }
        double slack = 1e-12 * Math.max(Math.abs(hi), Math.abs(lo));
        if (!(lo <= hi && v >= lo - slack && v <= hi + slack)) {
            fail(c + ": bar " + t + " level " + v + " outside its anchors [" + lo + ", " + hi + "]");
        }
    }

    static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    static void same(KernelCase c, String output, int t, double actual, double expected) {
        if (!Exact.same(actual, expected)) {
            fail(c + ": " + output + " at bar " + t + " is " + actual + ", expected " + expected);
        }
    }
}
