package io.ta.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.ta.annotation.Complexity;

/**
 * One instance field of a kernel, i.e. one piece of its state.
 *
 * @param name Java field name
 * @param kind how generated code copies and serializes it
 * @param type the field's type
 * @param isFinal whether it is final (fixed for the stream's life: parameters and derived constants, or a reference
 *     to a mutable array / part / nested kernel)
 * @param component for {@link Kind#ARRAY} and {@link Kind#DERIVED}: the element type's name ({@code double}, {@code int}, ...); for
 *     {@link Kind#SCALAR} the primitive's name
 * @param partMark for {@link Kind#PART}: the part's mark type
 * @param presence for {@link Kind#NESTED} and {@link Kind#PART}: whether the kernel may leave it null, and whether it
 *     is one of the kernel's alternatives ({@code @Nullable(alternative = true)}); {@link Presence#ALWAYS} otherwise
 * @param range for a mutable {@link Kind#SCALAR}: its declared {@code @Range}, checked on restore; null if none
 * @param partCost for {@link Kind#PART}: the part's declared per-bar time ({@code @Cost}); {@link Complexity#CONSTANT}
 *     for every other kind
 * @param ofInput for {@link Kind#PART}: the step parameter the part is pushed ({@code @OfInput}), which the batch lends
 *     it as an array; null if none
 * @param result for an {@code @Output} {@link Kind#SCALAR}: whether the step assigns it on every call before anything
 *     reads it ({@link StepResults}), so a stream that owns the kernel need not checkpoint it
 */
public record FieldModel(
        String name, Kind kind, TypeName type, boolean isFinal, String component, ClassName partMark, Presence presence,
        RangeModel range, Complexity partCost, String ofInput, boolean result) {

    /** How a field is owned by the generated code. */
    public enum Kind {
        /** A primitive; copied by value. */
        SCALAR,
        /** A final primitive array; checkpoints copy its contents. */
        ARRAY,
        /**
         * A final primitive array marked {@code @Derived}: computed from the parameters by the constructor, so neither
         * checkpointed nor snapshotted (a restore's fresh kernel recomputes it).
         */
        DERIVED,
        /** A final field of another kernel type; handled through that kernel's {@code _State}. */
        NESTED,
        /** A final {@code io.ta.spi.StatePart}; checkpoints use its O(1) mark. */
        PART
    }

    /** Whether a reference field may be null. */
    public enum Presence {
        /** Never null. */
        ALWAYS,
        /** {@code @Nullable}: tested on every use. */
        NULLABLE,
        /** {@code @Nullable(alternative = true)}: at most one of the kernel's alternatives is present. */
        ALTERNATIVE
    }

    /** Whether the kernel may leave the field null. */
    public boolean nullable() {
        return presence != Presence.ALWAYS;
    }

    /** {@code Double}, {@code Int}, {@code Long} or {@code Boolean}: the suffix of the writer/reader methods. */
    public String accessorSuffix() {
        return Character.toUpperCase(component.charAt(0)) + component.substring(1);
    }
}
