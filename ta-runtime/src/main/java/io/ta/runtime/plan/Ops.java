package io.ta.runtime.plan;

import static io.ta.spi.Checks.finiteOrNaN;

import io.ta.expr.Expr.Op;

/**
 * The DSL's operators on one value, in one place: block execution loops over these and streaming calls them per bar,
 * so the two agree bit for bit. Numbers follow IEEE except that no result is infinite (CATALOG.md §1.1: division by 0
 * and overflow give NaN). Conditions are 1.0 (true) / 0.0 (false); any NaN operand gives NaN, so a condition is
 * undefined exactly while an input is warming up.
 */
public final class Ops {
    private Ops() {}

    /** A unary operator. */
    public static double apply(Op op, double a) {
        return switch (op) {
            case NEG -> -a;
            case NOT -> a != a ? Double.NaN : (a == 0.0 ? 1.0 : 0.0);
            default -> throw new IllegalArgumentException(op + " is binary");
        };
    }

    /** A binary operator. */
    public static double apply(Op op, double a, double b) {
        return switch (op) {
            case ADD -> finiteOrNaN(a + b);
            case SUB -> finiteOrNaN(a - b);
            case MUL -> finiteOrNaN(a * b);
            case DIV -> b == 0.0 ? Double.NaN : finiteOrNaN(a / b);
            case MOD -> finiteOrNaN(a % b);
            case POW -> finiteOrNaN(Math.pow(a, b));
            case GT -> a != a || b != b ? Double.NaN : (a > b ? 1.0 : 0.0);
            case GE -> a != a || b != b ? Double.NaN : (a >= b ? 1.0 : 0.0);
            case LT -> a != a || b != b ? Double.NaN : (a < b ? 1.0 : 0.0);
            case LE -> a != a || b != b ? Double.NaN : (a <= b ? 1.0 : 0.0);
            case EQ -> a != a || b != b ? Double.NaN : (a == b ? 1.0 : 0.0);
            case NE -> a != a || b != b ? Double.NaN : (a != b ? 1.0 : 0.0);
            case AND -> a != a || b != b ? Double.NaN : (a != 0.0 && b != 0.0 ? 1.0 : 0.0);
            case OR -> a != a || b != b ? Double.NaN : (a != 0.0 || b != 0.0 ? 1.0 : 0.0);
            default -> throw new IllegalArgumentException(op + " is unary");
        };
    }

    /** {@code out[i] = op(a[i])} for {@code i < n}. */
    public static void apply(Op op, double[] a, double[] out, int n) {
        switch (op) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    out[i] = -a[i];
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(op, a[i]);
                }
            }
        }
    }

    /**
     * {@code out[i] = op(a[i], b[i])} for {@code i < n}. The switch is outside the loops so each loop calls one
     * operator the JIT inlines.
     */
    public static void apply(Op op, double[] a, double[] b, double[] out, int n) {
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(Op.ADD, a[i], b[i]);
                }
            }
            case SUB -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(Op.SUB, a[i], b[i]);
                }
            }
            case MUL -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(Op.MUL, a[i], b[i]);
                }
            }
            case DIV -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(Op.DIV, a[i], b[i]);
                }
            }
            case GT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(Op.GT, a[i], b[i]);
                }
            }
            case LT -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(Op.LT, a[i], b[i]);
                }
            }
            case AND -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(Op.AND, a[i], b[i]);
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(op, a[i], b[i]);
                }
            }
        }
    }
}
