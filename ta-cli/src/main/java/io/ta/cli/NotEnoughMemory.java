package io.ta.cli;

import java.io.Serial;

/** The data does not fit in the heap (exit code 3): one line that says how much was asked for and what to do. */
final class NotEnoughMemory extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    NotEnoughMemory(String message) {
        super(message, null, false, false);
    }
}
