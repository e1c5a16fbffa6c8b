/**
 * The expression IR shared by the DSL, the generated fluent APIs and the runtime planner: {@link io.ta.expr.Expr}.
 */
package io.ta.expr;
