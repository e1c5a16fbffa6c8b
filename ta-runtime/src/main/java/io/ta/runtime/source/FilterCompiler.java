package io.ta.runtime.source;

import io.ta.expr.Expr;
import io.ta.expr.Expr.Op;
import io.ta.expr.Printer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Builds a {@link Filter} from a condition without recursion (its helpers cannot be private in the interface). */
final class FilterCompiler {
    private FilterCompiler() {}

    /**
     * The most levels of {@link Filter.And}, {@link Filter.Or} and {@link Filter.Not} nested in one another that a
     * compiled condition has (a chain of one operator is one level): testing an event recurses once per level. Text
     * stays far below it, as the parser allows 200 levels of parentheses and prefix operators and each holds at most
     * an {@code or} of {@code and}s; only a hand-built expression can pass it.
     */
    static final int MAX_DEPTH = 1000;

    /** See {@link Filter#compile}. */
    static Filter compile(SourceType type, Expr e, BiFunction<Expr, String, RuntimeException> error) {
        // A node is met twice: first to schedule its parts, then (as a Join) to combine the parts' filters, which are
        // on top of the stack by then. No recursion: the tree may be as deep as the expression is long.
        ArrayDeque<Object> todo = new ArrayDeque<>();
        ArrayDeque<Built> done = new ArrayDeque<>();
        todo.push(e);
        while (!todo.isEmpty()) {
            Object next = todo.pop();
            if (next instanceof Join j) {
                done.push(join(j, done, error));
                continue;
            }
            Expr x = (Expr) next;
            switch (x) {
                case Expr.Bool b -> done.push(new Built(new Filter.Always(b.value()), 0));
                case Expr.Unary u when u.op() == Op.NOT -> {
                    todo.push(new Join(Op.NOT, 1, x));
                    todo.push(u.operand());
                }
                case Expr.Binary b when b.op() == Op.AND || b.op() == Op.OR -> {
                    List<Expr> terms = terms(b);
                    todo.push(new Join(b.op(), terms.size(), x));
                    for (int i = terms.size() - 1; i >= 0; i--) {
                        todo.push(terms.get(i));
                    }
                }
                case Expr.Binary b when b.op().isComparison() -> done.push(new Built(compare(type, b, error), 0));
                default -> throw error.apply(x, "a filter of " + type.name() + " compares fields with constants, e.g. "
                        + type.name() + ".filter(" + type.fields().get(0).name() + " > 0); found "
                        + Printer.print(x, 60));
            }
        }
        return done.pop().filter();
    }

    /**
     * The filter of {@code j} from its parts, the last ones on {@code done}. A chain is built right-deep, the shape
     * {@link Filter.And#test} and {@link Filter.Or#test} walk in a loop, left to right.
     */
    private static Built join(Join j, ArrayDeque<Built> done, BiFunction<Expr, String, RuntimeException> error) {
        Built last = done.pop();
        Filter f = last.filter();
        int depth = last.depth();
        for (int i = 1; i < j.parts(); i++) {
            Built part = done.pop();
            f = j.op() == Op.AND ? new Filter.And(part.filter(), f) : new Filter.Or(part.filter(), f);
            depth = Math.max(depth, part.depth());
        }
        if (j.op() == Op.NOT) {
            f = new Filter.Not(f);
        }
        if (depth + 1 > MAX_DEPTH) {
            throw error.apply(j.at(), "a filter condition is nested too deeply (more than " + MAX_DEPTH
                    + " levels of and, or and not inside one another); simplify it");
        }
        return new Built(f, depth + 1);
    }

    /** A filter being compiled and how many levels of and, or and not it nests. */
    private record Built(Filter filter, int depth) {}

    /** Combines the last {@code parts} filters compiled with {@code op}; {@code at} is the node they came from. */
    private record Join(Op op, int parts, Expr at) {}

    /** The operands of the chain of {@code b}'s operator rooted at {@code b}, however grouped, left to right. */
    private static List<Expr> terms(Expr.Binary b) {
        List<Expr> terms = new ArrayList<>();
        ArrayDeque<Expr> open = new ArrayDeque<>();
        open.push(b);
        while (!open.isEmpty()) {
            Expr x = open.pop();
            if (x instanceof Expr.Binary c && c.op() == b.op()) {
                open.push(c.right());
                open.push(c.left());
            } else {
                terms.add(x);
            }
        }
        return terms;
    }

    private static Filter compare(SourceType type, Expr.Binary b, BiFunction<Expr, String, RuntimeException> error) {
        boolean flipped = !(b.left() instanceof Expr.Name) && b.right() instanceof Expr.Name;
        Expr fieldSide = flipped ? b.right() : b.left();
        Expr valueSide = flipped ? b.left() : b.right();
        if (!(fieldSide instanceof Expr.Name n)) {
            throw error.apply(b, "a filter compares a field of " + type.name() + " ("
                    + String.join(", ", type.fieldNames()) + ") with a constant; found " + Printer.print(b, 60));
        }
        int i = type.fieldIndex(n.name());
        if (i < 0) {
            throw error.apply(n, type.name() + " has no field '" + n.name() + "'; fields: "
                    + String.join(", ", type.fieldNames()));
        }
        SourceField f = type.fields().get(i);
        Op op = flipped ? mirror(b.op()) : b.op();
        double value;
        if (f.isText()) {
            if (!(valueSide instanceof Expr.Text t) || (op != Op.EQ && op != Op.NE)) {
                throw error.apply(b, "field '" + f.name() + "' of " + type.name()
                        + " is text; compare it with == or != and one of '" + String.join("', '", f.values()) + "'");
            }
            value = f.code(t.value());
            if (value < 0) {
                throw error.apply(t, "field '" + f.name() + "' of " + type.name() + " is one of '"
                        + String.join("', '", f.values()) + "'; found '" + t.value() + "'");
            }
        } else if (valueSide instanceof Expr.Num num) {
            value = num.value();
        } else if (valueSide instanceof Expr.Unary u && u.op() == Op.NEG && u.operand() instanceof Expr.Num num) {
            value = -num.value();
        } else {
            throw error.apply(valueSide, "field '" + f.name() + "' of " + type.name()
                    + " is a number; compare it with a number, found " + Printer.print(valueSide, 60));
        }
        return new Filter.Compare(i, op, value);
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
