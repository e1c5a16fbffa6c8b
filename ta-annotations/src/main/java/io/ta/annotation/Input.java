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
    /**
     * {@return the input name, lower snake case ({@code open high low close volume}, or a generic name such as
     * {@code x})}
     */
    String value() default "";

    /** {@return the smallest value in the domain} */
    double min() default Double.NEGATIVE_INFINITY;

    /** {@return the largest value in the domain} */
    double max() default Double.POSITIVE_INFINITY;

    /** {@return whether {@link #min()} itself is outside the domain (e.g. {@code ln}: x &gt; 0)} */
    boolean minExclusive() default false;

    /** {@return whether {@link #max()} itself is outside the domain} */
    boolean maxExclusive() default false;

    /** {@return whether 0 is outside the domain (e.g. a divisor)} */
    boolean nonZero() default false;

    /**
     * What this input is quoted in. {@link Scale#DEFAULT}: {@link Scale#VOLUME} for an input named {@code volume},
     * {@link Scale#PRICE} otherwise; declare {@link Scale#UNITLESS} for inputs that are not quoted (a period series,
     * a boolean anchor).
     *
     * @return the input's unit
     */
    Scale scale() default Scale.DEFAULT;
}
