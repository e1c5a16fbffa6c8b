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
    /** {@return the left parameter's catalog name} */
    String left();

    /** {@return the comparison that must hold} */
    Op op();

    /** {@return the right parameter's catalog name} */
    String right();

    /** Comparison operators for {@link Require}. */
    enum Op {
        /** The left parameter is less than the right. */
        LT("<"),
        /** The left parameter is at most the right. */
        LE("<="),
        /** The left parameter is greater than the right. */
        GT(">"),
        /** The left parameter is at least the right. */
        GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** {@return the operator as written in messages, e.g. {@code "<"}} */
        public String symbol() {
            return symbol;
        }
    }

    /** Container for repeated {@link Require}s. */
    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        /** {@return the repeated rules, all of which must hold} */
        Require[] value();
    }
}
