package io.ta.runtime.source;

import io.ta.expr.Expr;
import io.ta.expr.Expr.Op;
import java.util.function.BiFunction;

/**
 * A condition on one event, from the argument of {@code filter(...)}: comparisons of a field with a number (or, for
 * a text field, with one of its texts), joined by {@code and}, {@code or}, {@code not}. A comparison with a missing
 * (NaN) field is undefined, and an event passes only a condition that is true, by Kleene's rule: {@code and} is false
 * when a part is false, {@code or} true when a part is true, {@code not} undefined for an undefined operand. So
 * {@code side != 'buy'} and {@code not side == 'buy'} both leave out an event whose side is missing, and a missing
 * value never passes a filter by accident.
 */
public sealed interface Filter {
    /** Whether the event {@code row} (fields in schema order) passes. */
    boolean test(double[] row);

    /** A field compared with a constant (a text compares by its code in the field's vocabulary). */
    record Compare(int field, Op op, double value) implements Filter {
        @Override
        public boolean test(double[] row) {
            double x = row[field];
            return switch (op) {
                case GT -> x > value;
                case GE -> x >= value;
                case LT -> x < value;
                case LE -> x <= value;
                case EQ -> x == value;
                default -> x < value || x > value;
            };
        }
    }

    /** Both hold. A chain {@code And(a, And(b, …))} is tested in a loop, so its length costs no stack. */
    record And(Filter a, Filter b) implements Filter {
        @Override
        public boolean test(double[] row) {
            Filter f = this;
            while (f instanceof And and) {
                if (!and.a.test(row)) {
                    return false;
                }
                f = and.b;
            }
            return f.test(row);
        }
    }

    /** Either holds. A chain {@code Or(a, Or(b, …))} is tested in a loop, so its length costs no stack. */
    record Or(Filter a, Filter b) implements Filter {
        @Override
        public boolean test(double[] row) {
            Filter f = this;
            while (f instanceof Or or) {
                if (or.a.test(row)) {
                    return true;
                }
                f = or.b;
            }
            return f.test(row);
        }
    }

    /** It does not hold: {@code a} is false, not merely undefined for a missing field. */
    record Not(Filter a) implements Filter {
        @Override
        public boolean test(double[] row) {
            return refutes(a, row);
        }
    }

    /**
     * Whether {@code f} is false for {@code row}, rather than true or undefined: {@link #test} tells true from the
     * other two, which {@code !test} would lump with false, so {@code not amount > 5} passed an event whose amount
     * was missing while {@code amount <= 5} did not. One level of {@link Not} costs one call, as in {@link #test}.
     */
    private static boolean refutes(Filter f, double[] row) {
        Filter next = f;
        while (true) {
            switch (next) {
                case Compare c -> {
                    return !Double.isNaN(row[c.field()]) && !Double.isNaN(c.value()) && !c.test(row);
                }
                case And and -> {
                    if (refutes(and.a(), row)) {
                        return true;
                    }
                    next = and.b();
                }
                case Or or -> {
                    if (!refutes(or.a(), row)) {
                        return false;
                    }
                    next = or.b();
                }
                case Not not -> {
                    return not.a().test(row);
                }
                case Always always -> {
                    return !always.value();
                }
            }
        }
    }

    /** A constant condition ({@code true}/{@code false}). */
    record Always(boolean value) implements Filter {
        @Override
        public boolean test(double[] row) {
            return value;
        }
    }

    /**
     * Compiles {@code e} against the schema of {@code type}; {@code error} makes the exception for the part at fault
     * (so the planner can point a caret at it).
     *
     * <p>A chain of one operator ({@code a and b and c …}, however grouped) becomes a right-deep chain that
     * {@link And#test} and {@link Or#test} walk in a loop, so a condition of thousands of terms needs no deep stack,
     * to compile or to test. A condition with more than 1,000 levels of {@code and}, {@code or} and {@code not}
     * inside one another (only a hand-built expression gets there: the parser's nesting limit stops text well
     * before) is refused at the part beyond it.
     */
    static Filter compile(SourceType type, Expr e, BiFunction<Expr, String, RuntimeException> error) {
        return FilterCompiler.compile(type, e, error);
    }
}
