package io.ta.expr;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link Expr} back to DSL text, parenthesised only where precedence needs it, so that parsing the text
 * gives an equal expression. Works on an explicit stack (any depth), and stops after {@link #MAX_LENGTH} characters
 * with a trailing {@code …}: a fluent value reused inside itself ({@code e = e.plus(e)}, repeated) is small in memory
 * but its text doubles with every step.
 */
public final class Printer {
    /** The longest text {@link #print(Expr)} returns before cutting it off with {@code …}. */
    public static final int MAX_LENGTH = 1 << 20;

    /** How a missing (null) part of a hand-built expression is shown. */
    static final String MISSING = "<null>";

    private Printer() {}

    /** The DSL text of {@code e}, at most {@link #MAX_LENGTH} characters (then cut off with {@code …}). */
    public static String print(Expr e) {
        return print(e, MAX_LENGTH);
    }

    /** The DSL text of {@code e}, cut off with {@code …} after {@code maxLength} characters. */
    public static String print(Expr e, int maxLength) {
        StringBuilder sb = new StringBuilder();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(new Item(e, 0));
        int limit = Math.max(0, maxLength);
        while (!todo.isEmpty()) {
            if (sb.length() > limit) {
                sb.setLength(limit);
                return sb.append('…').toString();
            }
            Object next = todo.pop();
            if (next instanceof String s) {
                sb.append(s);
            } else {
                Item it = (Item) next;
                expand(it.expr(), it.outer(), sb, todo);
            }
        }
        return sb.length() > limit ? sb.substring(0, limit) + "…" : sb.toString();
    }

    /** The precedence an output projection ({@code .name}) gives its operand: above every operator and side of one. */
    private static final int OUTPUT = 10;

    /** An expression still to print, inside an operator of precedence {@code outer}. */
    private record Item(Expr expr, int outer) {}

    /** Appends a leaf, or pushes the parts of a composite in reverse order so they pop in reading order. */
    private static void expand(Expr e, int outer, StringBuilder sb, ArrayDeque<Object> todo) {
        switch (e) {
            case null -> sb.append(MISSING);
            case Expr.Num n -> {
                // A negative literal (fluent code can make one) reads like unary minus: (-5) ** 2 needs its parentheses.
                boolean negative = n.value() < 0 || Double.doubleToRawLongBits(n.value()) == Long.MIN_VALUE;
                // Before an output the point would join the number: (5).24h_ago is not 5.24h_ago, (2).e3 not 2.e3.
                boolean paren = negative && precedence(Expr.Op.NEG) < outer || outer == OUTPUT;
                sb.append(paren ? "(" : "").append(number(n.value())).append(paren ? ")" : "");
            }
            case Expr.Bool b -> sb.append(b.value());
            case Expr.Name n -> sb.append(n.name() == null ? MISSING : n.name());
            case Expr.Text t -> sb.append(t.value() == null ? MISSING
                    : "'" + t.value().replace("\\", "\\\\").replace("'", "\\'") + "'");
            case Expr.Call c -> {
                List<Expr.Arg> args = c.args() == null ? java.util.Collections.singletonList(null) : c.args();
                todo.push(")");
                for (int i = args.size() - 1; i >= 0; i--) {
                    Expr.Arg a = args.get(i);
                    if (a == null) {
                        todo.push(MISSING);
                    } else {
                        todo.push(new Item(a.value(), 0));
                        if (a.isKeyword()) {
                            todo.push(a.name() + "=");
                        }
                    }
                    if (i > 0) {
                        todo.push(", ");
                    }
                }
                sb.append(c.kernel() == null ? MISSING : c.kernel()).append('(');
            }
            case Expr.Output o -> {
                todo.push("." + o.name());
                todo.push(new Item(o.of(), OUTPUT));
            }
            case Expr.Unary u -> {
                int p = precedence(u.op());
                boolean paren = p < outer;
                if (paren) {
                    todo.push(")");
                }
                todo.push(new Item(u.operand(), p));
                todo.push(u.op() == Expr.Op.NOT ? "not " : u.op() == Expr.Op.NEG ? "-" : String.valueOf(u.op()) + " ");
                if (paren) {
                    todo.push("(");
                }
            }
            case Expr.Binary b -> {
                int p = precedence(b.op());
                boolean paren = p < outer;
                boolean right = b.op() == Expr.Op.POW; // ** is right-associative; everything else left-associative
                // except comparisons, which chain (a < b < c reads a < b and b < c): one inside another's left side
                // needs its parentheses too.
                boolean chains = p == precedence(Expr.Op.LT);
                if (paren) {
                    todo.push(")");
                }
                todo.push(new Item(b.right(), right ? p : p + 1));
                todo.push(" " + (b.op() == null ? MISSING : b.op().symbol()) + " ");
                todo.push(new Item(b.left(), right || chains ? p + 1 : p));
                if (paren) {
                    todo.push("(");
                }
            }
        }
    }

    private static int precedence(Expr.Op op) {
        if (op == null) {
            return 0;
        }
        return switch (op) {
            case OR -> 1;
            case AND -> 2;
            case NOT -> 3;
            case GT, GE, LT, LE, EQ, NE -> 4;
            case ADD, SUB -> 5;
            case MUL, DIV, MOD -> 6;
            case NEG -> 7;
            case POW -> 8;
        };
    }

    static String number(double v) {
        if (Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
            return "-0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.toLowerCase(Locale.ROOT);
    }
}
