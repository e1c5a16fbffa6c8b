package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The values a mutable {@code int}, {@code long} or {@code double} state field can hold, checked when a snapshot is
 * restored. Declare it on every field the step uses as an index, a loop bound or a size, and on counters with a
 * natural range, so a damaged or hostile snapshot fails at {@code restore} with
 * {@link io.ta.error.CorruptSnapshotException} instead of crashing or hanging a later {@code update}:
 *
 * <pre>{@code
 * @Range(min = "0", max = "2") int hilbertIdx;                  // an index into 3-slot delay lines
 * @Range(min = "0", max = "period") int seeded;                  // a seed counter
 * @Range(min = "0", max = "50", nan = true) double smoothPeriod; // a loop bound; NaN is reachable
 * }</pre>
 *
 * <p>A bound is a number, the name of a final numeric field of the kernel (a parameter or a constant derived from
 * them), or such a name plus or minus a number ({@code "period - 1"}). Both bounds are inclusive; an empty bound is
 * unbounded. The range must contain every value the field can reach from any input, or valid snapshots would be
 * refused — the property suite's snapshot round trip checks that on random data.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Range {
    /** {@return the inclusive lower bound; empty for none} */
    String min() default "";

    /** {@return the inclusive upper bound; empty for none} */
    String max() default "";

    /** {@return whether NaN is a legal value of a {@code double} field (it is never inside a numeric range)} */
    boolean nan() default false;
}
