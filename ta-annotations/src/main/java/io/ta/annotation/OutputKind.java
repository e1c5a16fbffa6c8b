package io.ta.annotation;

/** The value domain of a kernel's outputs. */
public enum OutputKind {
    /** Real numbers; {@code NaN} during warm-up and where undefined. */
    NUMBER,
    /** Boolean masks: 1.0 true, 0.0 false, never {@code NaN}; warm-up is 0.0 (docs/spec.md §2.8). */
    FLAG,
    /** Sparse levels (pattern outputs): {@code NaN} wherever no pattern exists; lookback is the earliest index. */
    LEVEL
}
