package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A cross-parameter rule on a {@link Kernel}, such as {@code fast_period < slow_period}. Checked with the ranges,
 * before any bar is read; the error names both parameters. Values are never swapped or clamped.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Require.List.class)
public @interface Require {
    /** The left parameter's catalog name. */
    String left();

    /** The comparison that must hold. */
    Op op();

    /** The right parameter's catalog name. */
    String right();

    /** Comparison operators for {@link Require}. */
    enum Op {
        LT("<"),
        LE("<="),
        GT(">"),
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator as written in messages, e.g. {@code "<"}. */
        public String symbol() {
            return symbol;
        }
    }

    /** Container for repeated {@link Require}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        Require[] value();
    }
}
