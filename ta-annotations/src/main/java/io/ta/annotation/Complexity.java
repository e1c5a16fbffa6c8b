package io.ta.annotation;

/**
 * An order of growth in the window length n, for the per-bar cost and the memory of kernels and state parts
 * ({@link Cost}); the catalog shows it in O-notation.
 */
public enum Complexity {
    /** O(1): independent of the window. */
    CONSTANT("O(1)"),
    /** O(1) amortized: an occasional O(n) pass, once per n bars. */
    CONSTANT_AMORTIZED("O(1) amortized"),
    /** O(log n). */
    LOGARITHMIC("O(log n)"),
    /** O(n). */
    LINEAR("O(n)");

    private final String notation;

    Complexity(String notation) {
        this.notation = notation;
    }

    /** {@return the O-notation, e.g. {@code "O(log n)"}} */
    public String notation() {
        return notation;
    }

    /**
     * The higher of this order and {@code other}: the cost of doing both.
     *
     * @param other another order
     * @return the higher of the two
     */
    public Complexity max(Complexity other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
