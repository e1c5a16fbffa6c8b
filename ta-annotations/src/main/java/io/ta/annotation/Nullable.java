package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a final nested-kernel or state-part field that a kernel may leave {@code null}, for kernels that build only
 * one of several alternatives from a parameter (e.g. the moving average chosen by {@code ma_type}). Generated
 * checkpoints and snapshots then skip it when absent; unmarked references are assumed present. Mark such
 * alternatives {@link #alternative() alternative}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Nullable {
    /**
     * Whether this field is one of the kernel's alternatives: of all its fields marked so, the kernel builds at most
     * one (the average of the chosen type). Generated checkpoints then stop at the first one present instead of
     * testing every field on every update, which is most of a stream update's cost for a kernel with many
     * alternatives; the generated state checks the promise when it is created.
     *
     * @return true if the field is one of the alternatives
     */
    boolean alternative() default false;
}
