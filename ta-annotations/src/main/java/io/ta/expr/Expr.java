package io.ta.expr;

import java.util.List;

/**
 * An indicator expression: the one intermediate representation that both the DSL parser and the generated fluent
 * APIs produce, and that the runtime plans and executes. Plain immutable data; equality is structural and
 * {@link Span}s, which point back into DSL text for error messages, are ignored by it. {@code equals},
 * {@code hashCode} and {@code toString} (the DSL text, via {@link Printer}) walk the tree without recursion, so a chain
 * of ten thousand fluent {@code plus} calls is as safe as a short one, and a value reused inside itself
 * ({@code e = e.plus(e)}) is visited once per object, not once per path.
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
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value, Span span) implements Expr {
        public Bool(boolean value) {
            this(value, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Printer.print(this);
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
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** A string literal (a choice parameter value, e.g. {@code ma_type='ema'}). */
    record Text(String value, Span span) implements Expr {
        public Text(String value) {
            this(value, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** A kernel call by registry name (canonical, alias or selector) with positional and keyword arguments. */
    record Call(String kernel, List<Arg> args, Span span) implements Expr {
        /** Copies {@code args}; nulls are kept (rather than thrown on here) so the planner can report them as errors. */
        public Call {
            args = args == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(args));
        }

        public Call(String kernel, List<Arg> args) {
            this(kernel, args, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** One output of a multi-output call: {@code macd(close).signal}. */
    record Output(Expr of, String name, Span span) implements Expr {
        public Output(Expr of, String name) {
            this(of, name, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** {@code -x} or {@code not x}. */
    record Unary(Op op, Expr operand, Span span) implements Expr {
        public Unary(Op op, Expr operand) {
            this(op, operand, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Printer.print(this);
        }
    }

    /** An arithmetic, comparison or logical operator between two operands. */
    record Binary(Op op, Expr left, Expr right, Span span) implements Expr {
        public Binary(Op op, Expr left, Expr right) {
            this(op, left, right, Span.NONE);
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Printer.print(this);
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
