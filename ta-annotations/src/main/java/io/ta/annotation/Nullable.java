package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a final nested-kernel or state-part field that a kernel may leave {@code null}, for kernels that build only
 * one of several alternatives from a parameter (e.g. the moving average chosen by {@code ma_type}). Generated
 * checkpoints and snapshots then skip it when absent; unmarked references are assumed present.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Nullable {}
