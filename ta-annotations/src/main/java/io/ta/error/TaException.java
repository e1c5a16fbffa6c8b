package io.ta.error;

import java.io.Serial;

/**
 * Base of every error {@code ta} throws for bad input: invalid parameters, ragged inputs, unknown names, parse and
 * type errors, mismatched snapshots. User mistakes surface as one of these, never as a wrong number.
 */
public abstract class TaException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    protected TaException(String message) {
        super(message);
    }

    protected TaException(String message, Throwable cause) {
        super(message, cause);
    }
}
