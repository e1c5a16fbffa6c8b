package io.ta.cli;

import java.io.Serial;

/** A problem with the input data (exit code 3): unreadable file, bad number, missing column, rows out of order. */
final class DataException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    DataException(String message) {
        super(message);
    }
}
