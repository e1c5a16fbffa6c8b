package io.ta.error;

import java.io.Serial;

/**
 * A state snapshot that cannot be restored here: taken from another kernel, another state layout (schema), other
 * parameters, or truncated/corrupt bytes.
 */
public final class SnapshotMismatchException extends TaException {
    @Serial
    private static final long serialVersionUID = 1L;

    public SnapshotMismatchException(String message) {
        super(message);
    }
}
