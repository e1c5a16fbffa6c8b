package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A kernel parameter, declared on a constructor parameter of a {@link Kernel}.
 *
 * <p>Supported Java types: {@code int}, {@code double}, {@code boolean} and public enums (choices, named by the
 * lower-case constant names). The valid range is a closed interval unless an end is marked exclusive; real
 * parameters must also be finite. Parameters are validated once, before any bar is read, and a violation throws
 * {@link io.ta.error.InvalidParameterException} naming the kernel, the parameter and the range.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Param {
    /**
     * {@return the catalog name; empty means the Java parameter name in lower snake case
     * ({@code fastPeriod → fast_period})}
     */
    String name() default "";

    /**
     * {@return the default value as it would be written in the DSL ({@code "20"}, {@code "2.0"}, {@code "sma"});
     * empty = required}
     */
    String defaultValue() default "";

    /** {@return the lower bound (numeric parameters)} */
    double min() default Double.NEGATIVE_INFINITY;

    /** {@return the upper bound (numeric parameters)} */
    double max() default Double.POSITIVE_INFINITY;

    /** {@return whether {@link #min()} itself is excluded (e.g. a multiplier that must be {@code > 0})} */
    boolean minExclusive() default false;

    /** {@return whether {@link #max()} itself is excluded} */
    boolean maxExclusive() default false;

    /** {@return one line describing the parameter} */
    String doc() default "";

    /**
     * The unit of a numeric parameter: {@link Scale#UNITLESS} for periods, multipliers and percentages;
     * {@link Scale#PRICE} (or {@link Scale#VOLUME}) for a parameter quoted like the inputs, such as a starting price,
     * so that re-quoting the data re-quotes it too (the property suite does).
     *
     * @return the parameter's unit
     */
    Scale scale() default Scale.UNITLESS;
}
