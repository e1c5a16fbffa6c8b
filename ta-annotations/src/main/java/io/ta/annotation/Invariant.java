package io.ta.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A consistency rule between several pieces of a kernel's state that no single {@link Range} can express, checked
 * when a snapshot is restored: a non-private, non-static, parameterless method returning {@code boolean}, true for
 * every state the step can reach. A restored state for which it is false fails with
 * {@link io.ta.error.CorruptSnapshotException} naming the method. It must only read state, never change it.
 *
 * <pre>{@code
 * @Invariant
 * boolean legsAligned() {          // three rings pushed together always hold the same number of legs
 *     return downHigh.size() == downLow.size() && downLow.size() == downEnd.size();
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Invariant {}
