package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The kernel's step: consumes one bar and advances the state.
 *
 * <p>Its parameters are the kernel's named inputs, all {@code double}, named after the Java parameter
 * ({@code high}, {@code close}, generic {@code x}/{@code y}) unless {@link Input} renames them. A single-output
 * kernel returns its output as {@code double}; a multi-output kernel returns {@code void} and assigns its
 * {@link Output} fields. The step must be public and must only read its inputs and the kernel's own fields.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Step {}
