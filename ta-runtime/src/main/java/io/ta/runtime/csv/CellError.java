package io.ta.runtime.csv;

import java.io.Serial;

/**
 * What is wrong with one cell, thrown by the cell parsers and turned by {@link CsvReader} into a
 * {@link io.ta.error.DataFormatException} that adds source, row and column. Never escapes the package.
 */
final class CellError extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    CellError(String detail) {
        super(detail, null, false, false);
    }
}
