/**
 * The expression language's front end: the {@link io.ta.runtime.dsl.Lexer}, the {@link io.ta.runtime.dsl.Parser}
 * that turns text into the shared expression tree of {@code io.ta.expr}, and the typed errors that point at a line
 * and column with a caret. It owns syntax only: it must not depend on the registry, the planner or the executors, so
 * text and the fluent API meet in the same tree before any kernel is looked up.
 */
package io.ta.runtime.dsl;
