package io.ta.error;

import java.io.Serial;

/** A stream call that its current state does not allow, such as {@code replaceLast} before any bar. */
public final class StreamStateException extends TaException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * A stream call its state does not allow.
     *
     * @param message the complete message
     */
    public StreamStateException(String message) {
        super(message);
    }
}
