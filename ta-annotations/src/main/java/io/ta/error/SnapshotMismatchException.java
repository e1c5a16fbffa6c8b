package io.ta.error;

import java.io.Serial;

/**
 * A state snapshot that cannot be restored here: a valid snapshot taken from another kernel or plan, another state
 * layout (schema) or byte format, or other parameters. Damaged or hostile bytes are the subclass
 * {@link CorruptSnapshotException}, so one {@code catch} handles both.
 */
public sealed class SnapshotMismatchException extends TaException permits CorruptSnapshotException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * A snapshot that belongs elsewhere; the message names the kernel and what differs.
     *
     * @param message the complete message
     */
    public SnapshotMismatchException(String message) {
        super(message);
    }
}
