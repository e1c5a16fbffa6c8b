package io.ta.expr;

import java.util.List;

/**
 * An indicator expression: the one intermediate representation that both the DSL parser and the generated fluent
 * APIs produce, and that the runtime plans and executes. Plain immutable data; node equality is structural, which is
 * what lets the planner share identical subexpressions. {@link Span}s point back into DSL text for error messages and
 * are ignored by equality.
 */
public sealed interface Expr extends ToExpr {
    /** Where this node came from in DSL text, or {@link Span#NONE}. */
    Span span();

    @Override
    default Expr toExpr() {
        return this;
    }

    /** A numeric literal. */
    record Num(double value, Span span) implements Expr {
        public Num(double value) {
            this(value, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Num n && Double.compare(n.value, value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value, Span span) implements Expr {
        public Bool(boolean value) {
            this(value, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bool b && b.value == value;
        }

        @Override
        public int hashCode() {
            return Boolean.hashCode(value);
        }
    }

    /**
     * A bare name: a bar field ({@code open high low close volume}), a derived price ({@code hl2 hlc3 ohlc4
     * typical}), or — in a choice parameter's position — a choice such as {@code ema}.
     */
    record Name(String name, Span span) implements Expr {
        public Name(String name) {
            this(name, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Name n && n.name.equals(name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    /** A string literal (a choice parameter value, e.g. {@code ma_type='ema'}). */
    record Text(String value, Span span) implements Expr {
        public Text(String value) {
            this(value, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Text t && t.value.equals(value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }

    /** A kernel call by registry name (canonical, alias or selector) with positional and keyword arguments. */
    record Call(String kernel, List<Arg> args, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        public Call(String kernel, List<Arg> args) {
            this(kernel, args, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Call c && c.kernel.equals(kernel) && c.args.equals(args);
        }

        @Override
        public int hashCode() {
            return kernel.hashCode() * 31 + args.hashCode();
        }
    }

    /** One output of a multi-output call: {@code macd(close).signal}. */
    record Output(Expr of, String name, Span span) implements Expr {
        public Output(Expr of, String name) {
            this(of, name, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Output p && p.of.equals(of) && p.name.equals(name);
        }

        @Override
        public int hashCode() {
            return of.hashCode() * 31 + name.hashCode();
        }
    }

    /** {@code -x} or {@code not x}. */
    record Unary(Op op, Expr operand, Span span) implements Expr {
        public Unary(Op op, Expr operand) {
            this(op, operand, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unary u && u.op == op && u.operand.equals(operand);
        }

        @Override
        public int hashCode() {
            return op.hashCode() * 31 + operand.hashCode();
        }
    }

    /** An arithmetic, comparison or logical operator between two operands. */
    record Binary(Op op, Expr left, Expr right, Span span) implements Expr {
        public Binary(Op op, Expr left, Expr right) {
            this(op, left, right, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Binary b && b.op == op && b.left.equals(left) && b.right.equals(right);
        }

        @Override
        public int hashCode() {
            return (op.hashCode() * 31 + left.hashCode()) * 31 + right.hashCode();
        }
    }

    /**
     * A call argument: positional ({@code name == null}) or keyword. Keyword names are catalog input or parameter
     * names ({@code period}, {@code high}).
     */
    record Arg(String name, Expr value) {
        public static Arg of(Expr value) {
            return new Arg(null, value);
        }

        public static Arg named(String name, Expr value) {
            return new Arg(name, value);
        }

        public boolean isKeyword() {
            return name != null;
        }
    }

    /** A region of DSL text: 0-based offsets {@code [start, end)}, for error carets. */
    record Span(int start, int end) {
        public static final Span NONE = new Span(-1, -1);

        public boolean isKnown() {
            return start >= 0;
        }
    }

    /** Operators, by DSL spelling. */
    enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), MOD("%"), POW("**"), NEG("-"),
        GT(">"), GE(">="), LT("<"), LE("<="), EQ("=="), NE("!="),
        AND("and"), OR("or"), NOT("not");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isComparison() {
            return this == GT || this == GE || this == LT || this == LE || this == EQ || this == NE;
        }

        public boolean isLogical() {
            return this == AND || this == OR || this == NOT;
        }

        public boolean isArithmetic() {
            return !isComparison() && !isLogical();
        }
    }
}
