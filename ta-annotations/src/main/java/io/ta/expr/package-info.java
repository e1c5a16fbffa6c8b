/**
 * The expression IR shared by the DSL, the generated fluent APIs and the runtime planner: {@link io.ta.expr.Expr}.
 * A pure tree of calls, literals and names: it must not depend on kernels, the registry or any runtime package, so
 * the fluent API and the parser can build it without either.
 */
package io.ta.expr;
