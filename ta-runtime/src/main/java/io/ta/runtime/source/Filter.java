package io.ta.runtime.source;

import io.ta.expr.Expr;
import io.ta.expr.Expr.Op;
import io.ta.expr.Printer;
import java.util.function.BiFunction;

/**
 * A condition on one event, from the argument of {@code filter(...)}: comparisons of a field with a number (or, for
 * a text field, with one of its texts), joined by {@code and}, {@code or}, {@code not}. A comparison with a missing
 * (NaN) field is false, and so is {@code !=}, so a missing value never passes a filter by accident.
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

    /** Both hold. */
    record And(Filter a, Filter b) implements Filter {
        @Override
        public boolean test(double[] row) {
            return a.test(row) && b.test(row);
        }
    }

    /** Either holds. */
    record Or(Filter a, Filter b) implements Filter {
        @Override
        public boolean test(double[] row) {
            return a.test(row) || b.test(row);
        }
    }

    /** It does not hold. */
    record Not(Filter a) implements Filter {
        @Override
        public boolean test(double[] row) {
            return !a.test(row);
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
     */
    static Filter compile(SourceType type, Expr e, BiFunction<Expr, String, RuntimeException> error) {
        return switch (e) {
            case Expr.Bool b -> new Always(b.value());
            case Expr.Unary u when u.op() == Op.NOT -> new Not(compile(type, u.operand(), error));
            case Expr.Binary b when b.op() == Op.AND -> new And(compile(type, b.left(), error), compile(type, b.right(), error));
            case Expr.Binary b when b.op() == Op.OR -> new Or(compile(type, b.left(), error), compile(type, b.right(), error));
            case Expr.Binary b when b.op().isComparison() -> compare(type, b, error);
            default -> throw error.apply(e, "a filter of " + type.name() + " compares fields with constants, e.g. "
                    + type.name() + ".filter(" + type.fields().get(0).name() + " > 0); found " + Printer.print(e, 60));
        };
    }

    private static Filter compare(SourceType type, Expr.Binary b, BiFunction<Expr, String, RuntimeException> error) {
        boolean flipped = !(b.left() instanceof Expr.Name) && b.right() instanceof Expr.Name;
        Expr fieldSide = flipped ? b.right() : b.left();
        Expr valueSide = flipped ? b.left() : b.right();
        if (!(fieldSide instanceof Expr.Name n)) {
            throw error.apply(b, "a filter compares a field of " + type.name() + " (" + String.join(", ", type.fieldNames())
                    + ") with a constant; found " + Printer.print(b, 60));
        }
        int i = type.fieldIndex(n.name());
        if (i < 0) {
            throw error.apply(n, type.name() + " has no field '" + n.name() + "'; fields: " + String.join(", ", type.fieldNames()));
        }
        SourceField f = type.fields().get(i);
        Op op = flipped ? mirror(b.op()) : b.op();
        double value;
        if (f.isText()) {
            if (!(valueSide instanceof Expr.Text t) || (op != Op.EQ && op != Op.NE)) {
                throw error.apply(b, "field '" + f.name() + "' of " + type.name() + " is text; compare it with == or != and one of '"
                        + String.join("', '", f.values()) + "'");
            }
            value = f.code(t.value());
            if (value < 0) {
                throw error.apply(t, "field '" + f.name() + "' of " + type.name() + " is one of '" + String.join("', '", f.values())
                        + "'; found '" + t.value() + "'");
            }
        } else if (valueSide instanceof Expr.Num num) {
            value = num.value();
        } else if (valueSide instanceof Expr.Unary u && u.op() == Op.NEG && u.operand() instanceof Expr.Num num) {
            value = -num.value();
        } else {
            throw error.apply(valueSide, "field '" + f.name() + "' of " + type.name() + " is a number; compare it with a number, found "
                    + Printer.print(valueSide, 60));
        }
        return new Compare(i, op, value);
    }

    private static Op mirror(Op op) {
        return switch (op) {
            case GT -> Op.LT;
            case GE -> Op.LE;
            case LT -> Op.GT;
            case LE -> Op.GE;
            default -> op;
        };
    }
}
