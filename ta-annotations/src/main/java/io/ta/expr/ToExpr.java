package io.ta.expr;

/**
 * Anything that stands for an expression: an {@link Expr} itself, or a generated fluent wrapper (e.g.
 * {@code TaExpr}) of any kernel library. Lets fluent values of different libraries mix.
 */
public interface ToExpr {
    Expr toExpr();
}
