package io.ta.error;

import java.io.Serial;
import java.util.Optional;

/**
 * Input data that cannot be read as bars: a missing or unreadable source, or content outside the documented format —
 * a cell that is not a number, an ambiguous epoch time, invalid UTF-8, rows out of time order. The message names the
 * source, the row (the file's line number, counting the header and blank lines), the column and the offending text,
 * e.g. {@code prices.csv: row 3, column 'close': '0x1p3' is not a number}; the accessors carry the same facts.
 */
public final class DataFormatException extends TaException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The file name or description of the input. */
    private final String source;
    /** The 1-based line number, or 0. */
    private final long row;
    /** The column's name as written in the header, or null. */
    private final String column;
    /** The offending text, or null. */
    private final String text;

    /**
     * Bad input data at a place in a source.
     *
     * @param source the file name or a description such as {@code standard input}
     * @param row the 1-based line number in the source, or 0 when the problem is not tied to one line
     * @param column the column's name as written in the header, or {@code null}
     * @param text the offending text, or {@code null}
     * @param message the complete message
     */
    public DataFormatException(String source, long row, String column, String text, String message) {
        super(message);
        this.source = source;
        this.row = row;
        this.column = column;
        this.text = text;
    }

    /**
     * The file name or description of the input.
     *
     * @return the source, such as a path or {@code standard input}
     */
    public String source() {
        return source;
    }

    /**
     * The 1-based line number in the source (the header is line 1), or 0 when no single line is at fault.
     *
     * @return the line number, or 0
     */
    public long row() {
        return row;
    }

    /**
     * The column as named in the header, when one column is at fault.
     *
     * @return the column's name, or empty
     */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /**
     * The offending text, when there is one.
     *
     * @return the text as read, or empty
     */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }
}
