package io.ta.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

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
 * @param nullable for {@link Kind#NESTED} and {@link Kind#PART}: whether the kernel may leave it null
 * @param range for a mutable {@link Kind#SCALAR}: its declared {@code @Range}, checked on restore; null if none
 */
public record FieldModel(
        String name, Kind kind, TypeName type, boolean isFinal, String component, ClassName partMark, boolean nullable,
        RangeModel range) {

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

    /** {@code Double}, {@code Int}, {@code Long} or {@code Boolean}: the suffix of the writer/reader methods. */
    public String accessorSuffix() {
        return Character.toUpperCase(component.charAt(0)) + component.substring(1);
    }
}
