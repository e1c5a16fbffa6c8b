package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Renames a {@link Step} parameter's input; by default the input is named after the Java parameter. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Input {
    /** Input name, lower snake case ({@code open high low close volume}, or a generic name such as {@code x}). */
    String value();
}
