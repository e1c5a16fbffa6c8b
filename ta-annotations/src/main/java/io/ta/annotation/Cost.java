package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The cost of one push and the memory of a {@link io.ta.spi.StatePart} in its window length. The processor combines
 * the costs of every part a kernel holds, nested kernels included, into the kernel's per-bar cost and memory (the
 * largest of them; scalars and fixed arrays are O(1)), publishes them in the descriptor and the catalog manifest, and
 * the property suite checks the per-bar cost on every kernel. A part without {@code @Cost} makes its kernels' cost
 * "not declared".
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Cost {
    /** {@return the time of one push (and of its queries)} */
    Complexity time();

    /** {@return the memory held, once the window is full} */
    Complexity memory();
}
