package io.ta.error;

import java.io.Serial;

/**
 * Inputs or outputs of one call that do not line up: different lengths, a {@code null} array, a range outside the
 * arrays, timestamps that are not strictly ascending. The message lists every input with its length, e.g.
 * {@code adx: input lengths differ: high=100, low=99, close=100}.
 */
public final class ShapeMismatchException extends TaException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The kernel (or operation) that received the inputs. */
    private final String kernel;

    /**
     * Inputs or outputs that do not line up.
     *
     * @param kernel the kernel (or operation) that received them
     * @param message the complete message, naming the arrays and their lengths
     */
    public ShapeMismatchException(String kernel, String message) {
        super(message);
        this.kernel = kernel;
    }

    /**
     * The kernel (or operation) that received the inputs.
     *
     * @return its name
     */
    public String kernel() {
        return kernel;
    }
}
