package io.ta.expr;

import java.util.Locale;

/** Renders an {@link Expr} back to DSL text (fully parenthesised where precedence needs it). */
public final class Printer {
    private Printer() {}

    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb, 0);
        return sb.toString();
    }

    private static int precedence(Expr.Op op) {
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

    private static void print(Expr e, StringBuilder sb, int outer) {
        switch (e) {
            case Expr.Num n -> sb.append(number(n.value()));
            case Expr.Bool b -> sb.append(b.value());
            case Expr.Name n -> sb.append(n.name());
            case Expr.Text t -> sb.append('\'').append(t.value().replace("\\", "\\\\").replace("'", "\\'")).append('\'');
            case Expr.Call c -> {
                sb.append(c.kernel()).append('(');
                for (int i = 0; i < c.args().size(); i++) {
                    Expr.Arg a = c.args().get(i);
                    sb.append(i == 0 ? "" : ", ");
                    if (a.isKeyword()) {
                        sb.append(a.name()).append('=');
                    }
                    print(a.value(), sb, 0);
                }
                sb.append(')');
            }
            case Expr.Output o -> {
                print(o.of(), sb, 9);
                sb.append('.').append(o.name());
            }
            case Expr.Unary u -> {
                int p = precedence(u.op());
                open(sb, p < outer);
                sb.append(u.op() == Expr.Op.NOT ? "not " : "-");
                print(u.operand(), sb, p);
                close(sb, p < outer);
            }
            case Expr.Binary b -> {
                int p = precedence(b.op());
                open(sb, p < outer);
                // ** is right-associative; everything else left-associative.
                print(b.left(), sb, b.op() == Expr.Op.POW ? p + 1 : p);
                sb.append(' ').append(b.op().symbol()).append(' ');
                print(b.right(), sb, b.op() == Expr.Op.POW ? p : p + 1);
                close(sb, p < outer);
            }
        }
    }

    private static void open(StringBuilder sb, boolean paren) {
        if (paren) {
            sb.append('(');
        }
    }

    private static void close(StringBuilder sb, boolean paren) {
        if (paren) {
            sb.append(')');
        }
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        return s.toLowerCase(Locale.ROOT);
    }
}
