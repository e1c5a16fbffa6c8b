package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a final primitive array that the constructor computes from the parameters and the step only reads — weights,
 * filter coefficients, lookup tables — as a derived constant rather than state.
 *
 * <p>An unmarked final array is mutable state: every checkpoint copies it (O(length) on each {@code update}) and every
 * snapshot holds it, and a restore would take its contents from the bytes. A derived array is none of that: the
 * generated checkpoints and snapshots skip it, and a restore builds the kernel from the stream's own parameters,
 * which computes it again — so a snapshot can neither bloat with it nor smuggle in other weights.
 *
 * <pre>{@code
 * @Derived final double[] weights;   // Gaussian weights of alma, a function of period, offset and sigma
 * }</pre>
 *
 * <p>The step must never write to a derived array; a kernel that does would lose those writes on preview, replace-last
 * and restore, which the property suite's stream equivalences catch.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Derived {}
