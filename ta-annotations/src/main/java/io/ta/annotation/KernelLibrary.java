package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the typed facade generated for the kernels of one compilation (put it on one {@code package-info.java}).
 * The facade class is generated in the annotated package. Without it the facade is {@code Kernels}, in the longest
 * package that contains every kernel of the compilation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface KernelLibrary {
    /** {@return the simple name of the generated facade class, e.g. {@code "Ta"}} */
    String facade();
}
