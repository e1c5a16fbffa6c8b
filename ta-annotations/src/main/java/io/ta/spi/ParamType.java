package io.ta.spi;

/** The type of a kernel parameter. */
public enum ParamType {
    /** A Java {@code int}; integral DSL numbers. */
    INT,
    /** A Java {@code double}; must be finite. */
    REAL,
    /** A Java {@code boolean}. */
    BOOL,
    /** One of a fixed set of lower-case names (a Java enum in the kernel). */
    CHOICE
}
