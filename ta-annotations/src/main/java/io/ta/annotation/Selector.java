package io.ta.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A registry alias bound to one named output of a multi-output kernel, e.g. {@code bb_upper → upper}. */
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Selector {
    /** {@return the alias, lower snake case} */
    String alias();

    /** {@return the output it selects} */
    String output();
}
