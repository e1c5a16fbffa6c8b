package test;

import io.ta.expr.Expr;
import io.ta.expr.Printer;
import io.ta.expr.ToExpr;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Fluent builder of indicator expressions over this library's kernels; builds the same IR as the DSL.
 *
 * <pre>{@code
 * TestTaExpr close = TestTaExpr.close();
 * TestTaExpr signal = close.rsi(14).lt(30).and(close.gt(close.sma(200)));
 * Plan plan = Plan.of(signal.toExpr());
 * }</pre>
 */
@Generated("io.ta.processor.KernelProcessor")
public final class TestTaExpr implements ToExpr {
    private final Expr expr;

    private TestTaExpr(Expr expr) {
        this.expr = expr;
    }

    /**
     * Wraps any expression (for example one built with another library's fluent API).
     *
     * @param e the expression; {@code null} stays a missing operand, reported when planned
     * @return a builder over {@code e}
     */
    public static TestTaExpr of(ToExpr e) {
        return new TestTaExpr(toExpr(e));
    }

    @Override
    public Expr toExpr() {
        return expr;
    }

    private static Expr toExpr(ToExpr e) {
        return e == null ? null : e.toExpr();
    }

    /**
     * The bar field {@code open}.
     *
     * @return an expression reading the {@code open} column
     */
    public static TestTaExpr open() {
        return new TestTaExpr(new Expr.Name("open"));
    }

    /**
     * The bar field {@code high}.
     *
     * @return an expression reading the {@code high} column
     */
    public static TestTaExpr high() {
        return new TestTaExpr(new Expr.Name("high"));
    }

    /**
     * The bar field {@code low}.
     *
     * @return an expression reading the {@code low} column
     */
    public static TestTaExpr low() {
        return new TestTaExpr(new Expr.Name("low"));
    }

    /**
     * The bar field {@code close}.
     *
     * @return an expression reading the {@code close} column
     */
    public static TestTaExpr close() {
        return new TestTaExpr(new Expr.Name("close"));
    }

    /**
     * The bar field {@code volume}.
     *
     * @return an expression reading the {@code volume} column
     */
    public static TestTaExpr volume() {
        return new TestTaExpr(new Expr.Name("volume"));
    }

    /**
     * Any column of the data by name.
     *
     * @param name the column's name, as the data (a CSV header, a {@code Bars} column) spells it
     * @return an expression reading that column; an unknown name fails when planned
     */
    public static TestTaExpr column(String name) {
        return new TestTaExpr(new Expr.Name(name));
    }

    /**
     * A constant.
     *
     * @param value the value of every bar
     * @return a constant expression
     */
    public static TestTaExpr num(double value) {
        return new TestTaExpr(new Expr.Num(value));
    }

    /**
     * {@code this + other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this + other}; this one is unchanged
     */
    public TestTaExpr plus(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.ADD, expr, toExpr(other)));
    }

    /**
     * {@code this + other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this + other}; this one is unchanged
     */
    public TestTaExpr plus(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.ADD, expr, new Expr.Num(other)));
    }

    /**
     * {@code this - other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this - other}; this one is unchanged
     */
    public TestTaExpr minus(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.SUB, expr, toExpr(other)));
    }

    /**
     * {@code this - other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this - other}; this one is unchanged
     */
    public TestTaExpr minus(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.SUB, expr, new Expr.Num(other)));
    }

    /**
     * {@code this * other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this * other}; this one is unchanged
     */
    public TestTaExpr times(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.MUL, expr, toExpr(other)));
    }

    /**
     * {@code this * other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this * other}; this one is unchanged
     */
    public TestTaExpr times(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.MUL, expr, new Expr.Num(other)));
    }

    /**
     * {@code this / other} (NaN where other is 0).
     *
     * @param other the right operand
     * @return a new builder of {@code this / other}; this one is unchanged
     */
    public TestTaExpr over(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.DIV, expr, toExpr(other)));
    }

    /**
     * {@code this / other} (NaN where other is 0), with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this / other}; this one is unchanged
     */
    public TestTaExpr over(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.DIV, expr, new Expr.Num(other)));
    }

    /**
     * {@code this % other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this % other}; this one is unchanged
     */
    public TestTaExpr mod(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.MOD, expr, toExpr(other)));
    }

    /**
     * {@code this % other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this % other}; this one is unchanged
     */
    public TestTaExpr mod(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.MOD, expr, new Expr.Num(other)));
    }

    /**
     * {@code this ** other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this ** other}; this one is unchanged
     */
    public TestTaExpr pow(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.POW, expr, toExpr(other)));
    }

    /**
     * {@code this ** other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this ** other}; this one is unchanged
     */
    public TestTaExpr pow(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.POW, expr, new Expr.Num(other)));
    }

    /**
     * {@code this > other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this > other}; this one is unchanged
     */
    public TestTaExpr gt(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.GT, expr, toExpr(other)));
    }

    /**
     * {@code this > other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this > other}; this one is unchanged
     */
    public TestTaExpr gt(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.GT, expr, new Expr.Num(other)));
    }

    /**
     * {@code this >= other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this >= other}; this one is unchanged
     */
    public TestTaExpr ge(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.GE, expr, toExpr(other)));
    }

    /**
     * {@code this >= other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this >= other}; this one is unchanged
     */
    public TestTaExpr ge(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.GE, expr, new Expr.Num(other)));
    }

    /**
     * {@code this < other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this < other}; this one is unchanged
     */
    public TestTaExpr lt(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.LT, expr, toExpr(other)));
    }

    /**
     * {@code this < other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this < other}; this one is unchanged
     */
    public TestTaExpr lt(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.LT, expr, new Expr.Num(other)));
    }

    /**
     * {@code this <= other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this <= other}; this one is unchanged
     */
    public TestTaExpr le(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.LE, expr, toExpr(other)));
    }

    /**
     * {@code this <= other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this <= other}; this one is unchanged
     */
    public TestTaExpr le(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.LE, expr, new Expr.Num(other)));
    }

    /**
     * {@code this == other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this == other}; this one is unchanged
     */
    public TestTaExpr eq(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.EQ, expr, toExpr(other)));
    }

    /**
     * {@code this == other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this == other}; this one is unchanged
     */
    public TestTaExpr eq(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.EQ, expr, new Expr.Num(other)));
    }

    /**
     * {@code this != other}.
     *
     * @param other the right operand
     * @return a new builder of {@code this != other}; this one is unchanged
     */
    public TestTaExpr ne(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.NE, expr, toExpr(other)));
    }

    /**
     * {@code this != other}, with a constant.
     *
     * @param other the right operand
     * @return a new builder of {@code this != other}; this one is unchanged
     */
    public TestTaExpr ne(double other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.NE, expr, new Expr.Num(other)));
    }

    /**
     * {@code this and other} (conditions).
     *
     * @param other the right operand
     * @return a new builder of {@code this and other}; this one is unchanged
     */
    public TestTaExpr and(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.AND, expr, toExpr(other)));
    }

    /**
     * {@code this or other} (conditions).
     *
     * @param other the right operand
     * @return a new builder of {@code this or other}; this one is unchanged
     */
    public TestTaExpr or(ToExpr other) {
        return new TestTaExpr(new Expr.Binary(Expr.Op.OR, expr, toExpr(other)));
    }

    /**
     * {@code -this}.
     *
     * @return a new builder of {@code -this}; this one is unchanged
     */
    public TestTaExpr negate() {
        return new TestTaExpr(new Expr.Unary(Expr.Op.NEG, expr));
    }

    /**
     * {@code not this} (a condition).
     *
     * @return a new builder of {@code not this}; this one is unchanged
     */
    public TestTaExpr not() {
        return new TestTaExpr(new Expr.Unary(Expr.Op.NOT, expr));
    }

    /**
     * {@code bands} over the bar fields high, low: Mean plus and minus a width.
     *
     * @param fastPeriod {@code fast_period}; [1, 100]; default 3
     * @param slowPeriod {@code slow_period}; [2, 100]; default 10
     * @param width {@code width}; &gt; 0; default 2.0
     * @return a handle whose methods pick one output; parameters are checked when planned
     */
    public static Bands bands(int fastPeriod, int slowPeriod, double width) {
        return new Bands(new Expr.Call("bands", List.of(Expr.Arg.named("fast_period", new Expr.Num(fastPeriod)), Expr.Arg.named("slow_period", new Expr.Num(slowPeriod)), Expr.Arg.named("width", new Expr.Num(width)))));
    }

    /**
     * {@code bands} with default parameters over the bar fields high, low: Mean plus and minus a width.
     *
     * @return a handle whose methods pick one output; parameters are checked when planned
     */
    public static Bands bands() {
        return new Bands(new Expr.Call("bands", List.of()));
    }

    /**
     * {@code window_mean}: Mean of a window.
     *
     * @param period {@code period}; [1, 1000]; default 10
     * @param rounding {@code rounding}; one of none, floor; default none
     * @return a new builder of the call; parameters are checked when planned
     */
    public TestTaExpr windowMean(int period, WindowMean.Rounding rounding) {
        return new TestTaExpr(new Expr.Call("window_mean", List.of(Expr.Arg.named("x", this.expr), Expr.Arg.named("period", new Expr.Num(period)), Expr.Arg.named("rounding", rounding == null ? null : new Expr.Name(rounding.name().toLowerCase(Locale.ROOT))))));
    }

    /**
     * {@code window_mean} with default parameters: Mean of a window.
     *
     * @return a new builder of the call; parameters are checked when planned
     */
    public TestTaExpr windowMean() {
        return new TestTaExpr(new Expr.Call("window_mean", List.of(Expr.Arg.named("x", this.expr))));
    }

    @Override
    public String toString() {
        return Printer.print(expr);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestTaExpr e && Objects.equals(e.expr, expr);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(expr);
    }

    /**
     * The outputs of a {@code bands} call; pick one.
     */
    public static final class Bands {
        private final Expr call;

        Bands(Expr call) {
            this.call = call;
        }

        /**
         * Output {@code upper}.
         *
         * @return a builder of this output of the call
         */
        public TestTaExpr upper() {
            return TestTaExpr.of(new Expr.Output(call, "upper"));
        }

        /**
         * Output {@code middle}: the mean.
         *
         * @return a builder of this output of the call
         */
        public TestTaExpr middle() {
            return TestTaExpr.of(new Expr.Output(call, "middle"));
        }

        /**
         * Output {@code lower}.
         *
         * @return a builder of this output of the call
         */
        public TestTaExpr lower() {
            return TestTaExpr.of(new Expr.Output(call, "lower"));
        }
    }
}
