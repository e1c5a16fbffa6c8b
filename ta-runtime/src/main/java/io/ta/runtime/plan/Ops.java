package io.ta.runtime.plan;

import static io.ta.spi.Checks.finiteOrNaN;

import io.ta.error.InvalidParameterException;
import io.ta.expr.Expr.Op;
import io.ta.spi.Checks;
import java.util.List;

/**
 * The DSL's operators on one value, in one place: block execution loops over these and streaming calls them per bar,
 * so the two agree bit for bit. Numbers follow IEEE except that no result is infinite (docs/spec.md §1.1: division by 0
 * and overflow give NaN). Conditions are 1.0 (true) / 0.0 (false). A missing operand — NaN or ±Infinity, as for
 * kernels (docs/spec.md §5.2) — gives NaN for every operator, so a condition is undefined exactly while an input is
 * warming up or missing: {@code close < 0} is NaN, not 1, for a close of −Infinity, and {@code 5 / close} is NaN,
 * not 0, for +Infinity.
 *
 * <p>The comparisons and logic fold the check into arithmetic: {@code a - a} is {@code +0.0} for every finite
 * {@code a} and NaN otherwise, so adding it leaves a 0/1 result exact and poisons it for a missing operand; the 0/1
 * itself is a choice between the bits of 1.0 and 0.0, which HotSpot compiles as a conditional move where a branch
 * would mispredict (a comparison of prices is often a coin flip). Compiled plans write the comparisons out in their
 * own bytecode, so each plan's profile decides. Logic on operands that are themselves conditions (1, 0 or NaN) has
 * cheaper exact forms ({@link #andConditions}, {@link #orConditions}, {@link #notCondition}), which compiled plans
 * write out in their bytecode too.
 */
public final class Ops {
    /** The bits of 1.0: a condition's 1/0 is a choice between longs, which HotSpot can make a conditional move. */
    private static final long ONE = Double.doubleToRawLongBits(1.0);

    private Ops() {}

    /**
     * A unary operator.
     *
     * @throws InvalidParameterException if {@code op} is not NEG or NOT
     */
    public static double apply(Op op, double a) {
        return switch (checked(op)) {
            case NEG -> neg(a);
            case NOT -> not(a);
            default -> throw new InvalidParameterException("ops", List.of("op"), "NEG or NOT", "ops: " + op + " is not a unary operator");
        };
    }

    /**
     * A binary operator.
     *
     * @throws InvalidParameterException if {@code op} is NEG, NOT or null
     */
    public static double apply(Op op, double a, double b) {
        return switch (checked(op)) {
            case ADD -> add(a, b);
            case SUB -> sub(a, b);
            case MUL -> mul(a, b);
            case DIV -> div(a, b);
            case MOD -> mod(a, b);
            case POW -> pow(a, b);
            case GT -> gt(a, b);
            case GE -> ge(a, b);
            case LT -> lt(a, b);
            case LE -> le(a, b);
            case EQ -> eq(a, b);
            case NE -> ne(a, b);
            case AND -> and(a, b);
            case OR -> or(a, b);
            default -> throw new InvalidParameterException("ops", List.of("op"), "a binary operator",
                    "ops: " + op + " is not a binary operator");
        };
    }

    /**
     * The name of the static method of this class that implements {@code op} ({@code gt} for GT): fused plans call it
     * directly, one method per operator, so its semantics stay here.
     *
     * @throws InvalidParameterException if {@code op} is null
     */
    public static String methodName(Op op) {
        return checked(op).name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code -a}; NaN for a missing operand. */
    public static double neg(double a) {
        return finiteOrNaN(-a);
    }

    /** Logical not: 1 for 0, 0 for any other number; NaN for a missing operand. */
    public static double not(double a) {
        return Double.longBitsToDouble(a == 0.0 ? ONE : 0L) + (a - a);
    }

    /** {@code a + b}, finite or NaN. */
    public static double add(double a, double b) {
        return finiteOrNaN(a + b);
    }

    /** {@code a - b}, finite or NaN. */
    public static double sub(double a, double b) {
        return finiteOrNaN(a - b);
    }

    /** {@code a * b}, finite or NaN. */
    public static double mul(double a, double b) {
        return finiteOrNaN(a * b);
    }

    // +, -, * with an infinite operand give ±Infinity or NaN, which finiteOrNaN maps to NaN; /, % and ** can turn one
    // into a finite number (5 / Inf = 0, 5 % Inf = 5, Inf ** 0 = 1), so they check the divisor/operands.

    /** {@code a / b}; NaN for a zero or missing divisor. */
    public static double div(double a, double b) {
        return b == 0.0 || b - b != 0.0 ? Double.NaN : finiteOrNaN(a / b);
    }

    /** {@code a % b}; NaN for a missing divisor. */
    public static double mod(double a, double b) {
        return b - b != 0.0 ? Double.NaN : finiteOrNaN(a % b);
    }

    /** {@code a ** b}; NaN for a missing operand. */
    public static double pow(double a, double b) {
        return a - a != 0.0 || b - b != 0.0 ? Double.NaN : finiteOrNaN(Math.pow(a, b));
    }

    /** {@code a > b} as 1/0; NaN for a missing operand. */
    public static double gt(double a, double b) {
        return Double.longBitsToDouble(a > b ? ONE : 0L) + (a - a) + (b - b);
    }

    /** {@code a >= b} as 1/0; NaN for a missing operand. */
    public static double ge(double a, double b) {
        return Double.longBitsToDouble(a >= b ? ONE : 0L) + (a - a) + (b - b);
    }

    /** {@code a < b} as 1/0; NaN for a missing operand. */
    public static double lt(double a, double b) {
        return Double.longBitsToDouble(a < b ? ONE : 0L) + (a - a) + (b - b);
    }

    /** {@code a <= b} as 1/0; NaN for a missing operand. */
    public static double le(double a, double b) {
        return Double.longBitsToDouble(a <= b ? ONE : 0L) + (a - a) + (b - b);
    }

    /** {@code a == b} as 1/0; NaN for a missing operand. */
    public static double eq(double a, double b) {
        return Double.longBitsToDouble(a == b ? ONE : 0L) + (a - a) + (b - b);
    }

    /** {@code a != b} as 1/0; NaN for a missing operand. */
    public static double ne(double a, double b) {
        return Double.longBitsToDouble(a != b ? ONE : 0L) + (a - a) + (b - b);
    }

    /** Logical and of two conditions (non-zero is true) as 1/0; NaN for a missing operand. */
    public static double and(double a, double b) {
        return Double.longBitsToDouble(a != 0.0 & b != 0.0 ? ONE : 0L) + (a - a) + (b - b);
    }

    /** Logical or of two conditions (non-zero is true) as 1/0; NaN for a missing operand. */
    public static double or(double a, double b) {
        return Double.longBitsToDouble(a != 0.0 | b != 0.0 ? ONE : 0L) + (a - a) + (b - b);
    }

    /**
     * {@link #and} of two conditions — operands that are each 1, 0 or NaN, the result of a comparison or of logic:
     * their product, which equals {@code and(a, b)} for such operands at a fraction of its cost. Compiled plans call it
     * where both operands are conditions.
     */
    public static double andConditions(double a, double b) {
        return a * b;
    }

    /** {@link #or} of two conditions (each 1, 0 or NaN): their maximum, which equals {@code or(a, b)} for them. */
    public static double orConditions(double a, double b) {
        return Math.max(a, b);
    }

    /** {@link #not} of a condition (1, 0 or NaN): {@code 1 - a}, which equals {@code not(a)} for it. */
    public static double notCondition(double a) {
        return 1.0 - a;
    }

    // The comparisons of operands that are finite or NaN, never infinite. Compiled plans called them while they were
    // cheaper than the general forms (a predicted branch, "missing" being "unordered" for such operands); the general
    // forms without a branch are faster than both on noisy comparisons and no slower on steady ones
    // (docs/performance-log.md, "Comparisons without a branch, second try"), so these now are the general forms, kept
    // for callers of the v1 API.

    /** {@link #gt} of operands that are finite or NaN. */
    public static double gtNotInfinite(double a, double b) {
        return gt(a, b);
    }

    /** {@link #ge} of operands that are finite or NaN. */
    public static double geNotInfinite(double a, double b) {
        return ge(a, b);
    }

    /** {@link #lt} of operands that are finite or NaN. */
    public static double ltNotInfinite(double a, double b) {
        return lt(a, b);
    }

    /** {@link #le} of operands that are finite or NaN. */
    public static double leNotInfinite(double a, double b) {
        return le(a, b);
    }

    /** {@link #eq} of operands that are finite or NaN. */
    public static double eqNotInfinite(double a, double b) {
        return eq(a, b);
    }

    /** {@link #ne} of operands that are finite or NaN. */
    public static double neNotInfinite(double a, double b) {
        return ne(a, b);
    }

    private static Op checked(Op op) {
        if (op == null) {
            throw new InvalidParameterException("ops", List.of("op"), "non-null", "ops: op must not be null");
        }
        return op;
    }

    /**
     * {@code out[i] = op(a[i])} for {@code i < n}.
     *
     * @throws InvalidParameterException if {@code op} is not NEG or NOT
     * @throws io.ta.error.ShapeMismatchException if an array is null or shorter than {@code n}
     */
    public static void apply(Op op, double[] a, double[] out, int n) {
        Checks.range("ops", "a", a, 0, n);
        Checks.range("ops", "out", out, 0, n);
        switch (checked(op)) {
            case NEG -> {
                for (int i = 0; i < n; i++) {
                    out[i] = apply(Op.NEG, a[i]);
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
     *
     * @throws InvalidParameterException if {@code op} is NEG, NOT or null
     * @throws io.ta.error.ShapeMismatchException if an array is null or shorter than {@code n}
     */
    public static void apply(Op op, double[] a, double[] b, double[] out, int n) {
        Checks.range("ops", "a", a, 0, n);
        Checks.range("ops", "b", b, 0, n);
        Checks.range("ops", "out", out, 0, n);
        switch (checked(op)) {
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
