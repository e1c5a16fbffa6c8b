package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code double} field of a multi-output {@link Kernel} as one named output. The step assigns every output
 * field on every call; outputs are listed in field declaration order.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Output {
    /** {@return the output name; empty means the field name in lower snake case ({@code plusDi → plus_di})} */
    String name() default "";

    /** {@return one line describing the output} */
    String doc() default "";

    /**
     * Name of a {@code public static int} method (taking constructor parameters by name, like {@code lookback}) that
     * gives this output's own first valid index, when it differs from the kernel's (docs/spec.md §1.3: only ichimoku).
     * The kernel's {@code lookback} must then be the largest of them. Empty: the kernel's lookback.
     *
     * @return the method's name, or empty
     */
    String lookback() default "";

    /**
     * {@return how this output scales with the inputs; {@link Scale#DEFAULT} means the kernel's
     * {@link Kernel#scale()}}
     */
    Scale scale() default Scale.DEFAULT;
}
