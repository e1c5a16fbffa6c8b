package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a {@link Step} parameter's input (by default the Java parameter name) and, for partial functions, declares the
 * input's domain: values outside it give NaN by definition (docs/spec.md §2.7: a domain error or overflow is NaN). The
 * domain is published in the descriptor and the catalog manifest, and the property suite draws clean inputs from it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Input {
    /** Input name, lower snake case ({@code open high low close volume}, or a generic name such as {@code x}). */
    String value() default "";

    /** Smallest value in the domain. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest value in the domain. */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is outside the domain (e.g. {@code ln}: x &gt; 0). */
    boolean minExclusive() default false;

    /** Whether {@link #max()} itself is outside the domain. */
    boolean maxExclusive() default false;

    /** Whether 0 is outside the domain (e.g. a divisor). */
    boolean nonZero() default false;

    /**
     * What this input is quoted in. {@link Scale#DEFAULT}: {@link Scale#VOLUME} for an input named {@code volume},
     * {@link Scale#PRICE} otherwise; declare {@link Scale#UNITLESS} for inputs that are not quoted (a period series,
     * a boolean anchor).
     */
    Scale scale() default Scale.DEFAULT;
}
