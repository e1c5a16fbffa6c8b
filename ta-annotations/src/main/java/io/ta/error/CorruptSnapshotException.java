package io.ta.error;

import java.io.Serial;

/**
 * Snapshot bytes or words that no stream of this build could have written: a failed checksum, a truncated or
 * over-long encoding, a count larger than the bytes that follow, or a restored field outside its invariants (a ring
 * position past its capacity, a Hilbert period outside [0, 50], ...). Restoring fails before the stream changes, so a
 * damaged checkpoint is never a later crash, hang or silently wrong number. The message says what is wrong, e.g.
 * {@code sma: corrupt snapshot: checksum mismatch (stored 0x1a2b3c4d, computed 0x5e6f7a8b)}.
 */
public final class CorruptSnapshotException extends SnapshotMismatchException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Damaged or hostile snapshot data; the message names the kernel (when known) and the defect.
     *
     * @param message the complete message
     */
    public CorruptSnapshotException(String message) {
        super(message);
    }
}
