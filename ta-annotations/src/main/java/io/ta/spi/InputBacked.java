package io.ta.spi;

/**
 * A state part that can keep its window in the input it is pushed instead of in a ring of its own: what a kernel's
 * {@link io.ta.annotation.OfInput} field needs. The generated whole-series batch, and a compiled plan's batch for a
 * part pushed a column, call {@link #backWith} on a fresh kernel's part before its first step; nothing else does.
 */
public interface InputBacked {
    /**
     * Reads past values back from {@code input} from now on: push {@code i} (from 0) must be {@code input[i]}, bit for
     * bit, and each push checks that it is. A backed part serves one batch: it is never marked, rewound or written.
     * {@code input} must not be null.
     *
     * @throws IllegalStateException if the part has been pushed before or is already backed
     */
    void backWith(double[] input);
}
