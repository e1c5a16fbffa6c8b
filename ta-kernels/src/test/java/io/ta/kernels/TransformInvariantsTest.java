package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import io.ta.testing.Exact;
import io.ta.testing.InvariantSuite;
import io.ta.testing.KernelCase;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * Price transforms, element-wise operations and math transforms: each output bar against a naive per-bar oracle,
 * plus what the value must satisfy independently of how it is computed (pos ≥ 0, sign ∈ {−1, 0, 1}, low ≤ avgprice
 * ≤ high, cos(acos x) ≈ x, …). Missing values (NaN, ±Infinity) and out-of-domain inputs must give NaN exactly where
 * the catalog says, and nowhere else; with lookbacks of 0 and 1 this also proves the warm-up and the recovery after
 * a missing value on inputs inside each kernel's domain.
 */
class TransformInvariantsTest extends InvariantSuite {
    /** Largest x with a finite e^x, and largest |x| with finite cosh/sinh (both ≈ ln of the largest double). */
    static final double EXP_LIMIT = Math.log(Double.MAX_VALUE);
    static final double HYPERBOLIC_LIMIT = Math.log(Double.MAX_VALUE) + Math.log(2);

    /** An independent check of one valid output {@code v} of input {@code x}; throws on violation. */
    interface ValueCheck {
        void check(double x, double v);
    }

    @Override
    protected Map<String, Invariant> invariants() {
        return Map.ofEntries(
                Map.entry("avgprice", (c, out) -> bars(c, out, (t, v) -> {
                    double o = c.inputs()[0][t], h = c.inputs()[1][t], l = c.inputs()[2][t], cl = c.inputs()[3][t];
                    if (!finite(o, h, l, cl)) {
                        return expectNaN(v, "a bar with a missing field");
                    }
                    between(v, l, h, "avgprice");
                    near(v, (o + h + l + cl) / 4, "(O + H + L + C) / 4");
                    return null;
                })),
                Map.entry("wclprice", (c, out) -> bars(c, out, (t, v) -> {
                    double h = c.inputs()[0][t], l = c.inputs()[1][t], cl = c.inputs()[2][t];
                    if (!finite(h, l, cl)) {
                        return expectNaN(v, "a bar with a missing field");
                    }
                    between(v, l, h, "wclprice");
                    near(v, (h + l + 2 * cl) / 4, "(H + L + 2C) / 4");
                    return null;
                })),
                Map.entry("diff", (c, out) -> bars(c, out, (t, v) -> {
                    double x = c.inputs()[0][t];
                    double p = t == 0 ? Double.NaN : c.inputs()[0][t - 1];
                    return finite(x, p) ? exact(v, x - p, "x − x₋₁") : expectNaN(v, "bar 0 or a missing x or x₋₁");
                })),
                Map.entry("shift", (c, out) -> {
                    int periods = (Integer) c.params().get("periods");
                    bars(c, out, (t, v) -> {
                        double earlier = t < periods ? Double.NaN : c.inputs()[0][t - periods];
                        return finite(earlier)
                                ? exact(v, earlier, "x[t − " + periods + "]")
                                : expectNaN(v, "warm-up or a missing x[t − periods]");
                    });
                }),
                Map.entry("cumsum", (c, out) -> {
                    // The exact sum of the valid values so far (skipping any whose addition would overflow), to
                    // within the compensated sum's one rounding: an ulp of the sum, plus u² of the terms' magnitude.
                    java.math.BigDecimal[] sum = {java.math.BigDecimal.ZERO};
                    double[] magnitude = {0};
                    bars(c, out, (t, v) -> {
                        double x = c.inputs()[0][t];
                        java.math.BigDecimal next = finite(x) ? sum[0].add(new java.math.BigDecimal(x)) : null;
                        if (next == null || !finite(next.doubleValue())) {
                            return expectNaN(v, "a missing x or an overflowing sum (skipped)");
                        }
                        sum[0] = next;
                        magnitude[0] += Math.abs(x);
                        double exact = next.doubleValue();
                        check(Math.abs(v - exact) <= 2 * Math.ulp(exact) + 0x1p-100 * magnitude[0],
                                "exact running sum of the valid values " + exact, v);
                        return null;
                    });
                }),
                Map.entry("pos", unary(x -> true, (x, v) -> {
                    check(v >= 0 && Exact.same(v, x > 0 ? x : 0.0), "max(x, 0) of " + x, v);
                })),
                Map.entry("neg", unary(x -> true, (x, v) -> {
                    check(v <= 0 && v == (x < 0 ? x : 0.0), "min(x, 0) of " + x, v);
                })),
                Map.entry("abs", unary(x -> true, (x, v) -> check(v >= 0 && (v == x || v == -x), "|" + x + "|", v))),
                Map.entry("sign", (c, out) -> {
                    boolean change = String.valueOf(c.params().get("mode")).equals("change");
                    bars(c, out, (t, v) -> {
                        double x = c.inputs()[0][t];
                        double p = change ? (t == 0 ? Double.NaN : c.inputs()[0][t - 1]) : 0.0;
                        if (!finite(x, p, x - p)) {
                            return expectNaN(v, change ? "bar 0 or a missing x or x₋₁" : "a missing x");
                        }
                        // Compared, not subtracted, so the oracle does not share the kernel's arithmetic.
                        double expected = x > p ? 1.0 : x < p ? -1.0 : 0.0;
                        return exact(v, expected, change ? "sign of x − x₋₁" : "sign of x");
                    });
                }),
                Map.entry("elementwise_max", binary(y -> true, (x, y, v) ->
                        check(v >= x && v >= y && (v == x || v == y), "max(" + x + ", " + y + ")", v))),
                Map.entry("elementwise_min", binary(y -> true, (x, y, v) ->
                        check(v <= x && v <= y && (v == x || v == y), "min(" + x + ", " + y + ")", v))),
                Map.entry("add", binary(y -> true, (x, y, v) -> exactBits(v, x + y, "x + y"))),
                Map.entry("sub", binary(y -> true, (x, y, v) -> exactBits(v, x - y, "x − y"))),
                Map.entry("mult", binary(y -> true, (x, y, v) -> exactBits(v, x * y, "x · y"))),
                Map.entry("div", binary(y -> y != 0, (x, y, v) -> exactBits(v, x / y, "x / y"))),
                Map.entry("acos", transform(Math::acos, x -> Math.abs(x) <= 1, (x, v) -> {
                    check(v >= 0 && v <= Math.PI, "acos range", v);
                    check(Math.abs(Math.cos(v) - x) <= 1e-15, "cos(acos " + x + ")", Math.cos(v));
                })),
                Map.entry("asin", transform(Math::asin, x -> Math.abs(x) <= 1, (x, v) -> {
                    check(Math.abs(v) <= Math.PI / 2, "asin range", v);
                    check(Math.abs(Math.sin(v) - x) <= 1e-15, "sin(asin " + x + ")", Math.sin(v));
                })),
                Map.entry("atan", transform(Math::atan, x -> true, (x, v) -> {
                    check(Math.abs(v) <= Math.PI / 2 && Math.signum(v) == Math.signum(x), "atan range and sign", v);
                })),
                Map.entry("ceil", transform(Math::ceil, x -> true, (x, v) -> {
                    check(v == Math.rint(v) && v >= x && v - x < 1, "ceil of " + x, v);
                })),
                Map.entry("floor", transform(Math::floor, x -> true, (x, v) -> {
                    check(v == Math.rint(v) && v <= x && x - v < 1, "floor of " + x, v);
                })),
                Map.entry("cos", transform(Math::cos, x -> true, (x, v) -> check(Math.abs(v) <= 1, "cos range", v))),
                Map.entry("sin", transform(Math::sin, x -> true, (x, v) -> check(Math.abs(v) <= 1, "sin range", v))),
                Map.entry("tan", transform(Math::tan, x -> true, (x, v) -> { })),
                Map.entry("tanh", transform(Math::tanh, x -> true, (x, v) -> {
                    check(Math.abs(v) <= 1 && (v == 0 || Math.signum(v) == Math.signum(x)), "tanh range and sign", v);
                })),
                Map.entry("cosh", transform(Math::cosh, x -> Math.abs(x) < HYPERBOLIC_LIMIT, (x, v) ->
                        check(v >= 1, "cosh ≥ 1", v))),
                Map.entry("sinh", transform(Math::sinh, x -> Math.abs(x) < HYPERBOLIC_LIMIT, (x, v) -> {
                    check(v == 0 ? x == 0 : Math.signum(v) == Math.signum(x), "sinh sign", v);
                })),
                Map.entry("exp", transform(Math::exp, x -> x < EXP_LIMIT, (x, v) -> {
                    check(v >= 0, "exp ≥ 0", v);
                    if (Math.abs(x) < 700) {
                        double back = Math.log(v);
                        check(Math.abs(back - x) <= 1e-15 * Math.max(1, Math.abs(x)), "ln(exp " + x + ")", back);
                    }
                })),
                Map.entry("ln", transform(Math::log, x -> x > 0, (x, v) -> {
                    check(Math.abs(Math.exp(v) - x) <= 1e-12 * x, "exp(ln " + x + ")", Math.exp(v));
                })),
                Map.entry("log10", transform(Math::log10, x -> x > 0, (x, v) -> {
                    check(Math.abs(Math.pow(10, v) - x) <= 1e-12 * x, "10^(log10 " + x + ")", Math.pow(10, v));
                })),
                Map.entry("sqrt", transform(Math::sqrt, x -> x >= 0, (x, v) -> {
                    check(v >= 0 && Math.abs(v * v - x) <= 4 * Math.ulp(x), "sqrt(" + x + ")²", v * v);
                })));
    }

    /** A check of bar {@code t}'s output {@code v}; returns null, throws on violation. */
    interface BarCheck {
        Void check(int t, double v);
    }

    static void bars(KernelCase c, double[][] out, BarCheck check) {
        for (int t = 0; t < c.length(); t++) {
            try {
                check.check(t, out[0][t]);
            } catch (AssertionError e) {
                fail(c + ": bar " + t + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * A one-input element-wise kernel: NaN exactly where x is missing or outside {@code domain}, else {@code check}.
     */
    static Invariant unary(DoublePredicate domain, ValueCheck check) {
        return (c, out) -> bars(c, out, (t, v) -> {
            double x = c.inputs()[0][t];
            if (!finite(x) || !domain.test(x)) {
                return expectNaN(v, "x = " + x + " (missing or outside the domain)");
            }
            check.check(x, v);
            return null;
        });
    }

    /** A math transform: {@link #unary} plus the TA-Lib definition itself, {@code f} applied to x, bit for bit. */
    static Invariant transform(DoubleUnaryOperator f, DoublePredicate domain, ValueCheck check) {
        return unary(domain, (x, v) -> {
            exactBits(v, f.applyAsDouble(x), "f(" + x + ")");
            check.check(x, v);
        });
    }

    /** A check of one valid output {@code v} of inputs {@code x, y}. */
    interface PairCheck {
        void check(double x, double y, double v);
    }

    /** A two-input element-wise kernel: NaN exactly where x or y is missing or y is outside {@code domainY}. */
    static Invariant binary(DoublePredicate domainY, PairCheck check) {
        return (c, out) -> bars(c, out, (t, v) -> {
            double x = c.inputs()[0][t];
            double y = c.inputs()[1][t];
            if (!finite(x, y) || !domainY.test(y)) {
                return expectNaN(v, "x = " + x + ", y = " + y + " (missing or y outside the domain)");
            }
            check.check(x, y, v);
            return null;
        });
    }

    static boolean finite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static Void expectNaN(double v, String why) {
        check(Double.isNaN(v), "NaN expected for " + why, v);
        return null;
    }

    static Void exact(double v, double expected, String what) {
        check(v == expected, what + " = " + expected, v);
        return null;
    }

    /** Bit for bit, except that an infinite expectation (overflow) must be NaN (docs/spec.md §1.1). */
    static void exactBits(double v, double expected, String what) {
        check(Exact.same(v, Double.isFinite(expected) ? expected : Double.NaN), what + " = " + expected, v);
    }

    static void near(double v, double expected, String what) {
        check(Math.abs(v - expected) <= 4 * Math.ulp(Math.abs(expected)), what + " = " + expected, v);
    }

    /** {@code lo <= v <= hi}, allowing the rounding of a four-term sum (a few ulps of the bound). */
    static void between(double v, double lo, double hi, String what) {
        double slack = 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)));
        check(v >= lo - slack && v <= hi + slack, what + " within [" + lo + ", " + hi + "]", v);
    }

    static void check(boolean ok, String what, double v) {
        if (!ok) {
            throw new AssertionError(what + ", got " + v);
        }
    }
}
