package io.ta.runtime.csv;

import io.ta.error.InvalidParameterException;
import java.util.List;

/**
 * How to read a CSV: the delimiter (inferred from the header unless given), the unit of epoch-number times (inferred
 * from the magnitude unless given), the column naming each row's symbol, and which numeric columns to parse (all but
 * the time and symbol columns unless given). Immutable; each {@code with…} returns a copy.
 */
public final class CsvOptions {
    /** The delimiters {@link CsvReader} recognises in a header: comma, semicolon, tab and vertical bar. */
    public static final String DELIMITERS = ",;\t|";

    private static final CsvOptions DEFAULTS = new CsvOptions((char) 0, null, null, null, false, false);

    private final char delimiter;
    private final EpochUnit epochUnit;
    private final String symbolColumn;
    private final List<String> columns;
    private final boolean repeatedTimes;
    private final boolean timesRoundedUp;

    private CsvOptions(char delimiter, EpochUnit epochUnit, String symbolColumn, List<String> columns,
            boolean repeatedTimes, boolean timesRoundedUp) {
        this.delimiter = delimiter;
        this.epochUnit = epochUnit;
        this.symbolColumn = symbolColumn;
        this.columns = columns;
        this.repeatedTimes = repeatedTimes;
        this.timesRoundedUp = timesRoundedUp;
    }

    /** Infer the delimiter and the epoch unit, no symbol column, every numeric column. */
    public static CsvOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Use {@code delimiter} instead of inferring it from the header.
     *
     * @throws InvalidParameterException unless it is one of {@link #DELIMITERS}
     */
    public CsvOptions withDelimiter(char delimiter) {
        if (DELIMITERS.indexOf(delimiter) < 0) {
            throw new InvalidParameterException("csv", List.of("delimiter"), "one of ',', ';', tab, '|'",
                    "csv: the delimiter must be one of ',', ';', tab or '|', got '" + delimiter + "'");
        }
        return new CsvOptions(delimiter, epochUnit, symbolColumn, columns, repeatedTimes, timesRoundedUp);
    }

    /** Read epoch-number times in {@code unit} ({@code null}: infer it from the magnitude). */
    public CsvOptions withEpochUnit(EpochUnit unit) {
        return new CsvOptions(delimiter, unit, symbolColumn, columns, repeatedTimes, timesRoundedUp);
    }

    /** The column (any case) naming each row's symbol, or {@code null} for none. */
    public CsvOptions withSymbolColumn(String name) {
        return new CsvOptions(delimiter, epochUnit, name, columns, repeatedTimes, timesRoundedUp);
    }

    /**
     * Parse only these numeric columns (header names in lower case), in this order; {@code null} parses every column
     * but the time and symbol columns and columns without a name. Other columns are split off but never read, so they
     * may hold any text.
     */
    public CsvOptions withColumns(List<String> names) {
        for (String name : names == null ? List.<String>of() : names) {
            if (name == null) {
                throw new io.ta.error.InvalidParameterException("csv", List.of("columns"), "column names",
                        "csv: a column name must not be null; got " + names);
            }
        }
        List<String> copy = names == null ? null : List.copyOf(names);
        return new CsvOptions(delimiter, epochUnit, symbolColumn, copy, repeatedTimes, timesRoundedUp);
    }

    /**
     * Accept a row whose time equals the previous row's (of its symbol) instead of refusing it: a live feed's revision
     * of the bar it sent last ({@link CsvReader#repeatsTime()} tells such a row). Times must still never go back.
     */
    public CsvOptions withRepeatedTimes(boolean allowed) {
        return new CsvOptions(delimiter, epochUnit, symbolColumn, columns, allowed, timesRoundedUp);
    }

    /**
     * Round a time finer than a millisecond (a fraction of more than three digits, epoch microseconds or nanoseconds)
     * up to the next millisecond instead of down. Bars' times are floored, so a bar is stamped at or before its close;
     * events read rounded up are stamped at or after the moment they happened, so an event is never placed in a bar
     * that closed before it (a trade half a millisecond after a bar's close, floored, landed in that bar). An event
     * in the same millisecond as a bar's close but before it (a close that is itself finer than a millisecond) goes
     * to the next bar instead.
     */
    public CsvOptions withTimesRoundedUp(boolean up) {
        return new CsvOptions(delimiter, epochUnit, symbolColumn, columns, repeatedTimes, up);
    }

    /** Whether times finer than a millisecond are rounded up rather than floored. */
    public boolean timesRoundedUp() {
        return timesRoundedUp;
    }

    /** Whether a row may repeat the previous row's time. */
    public boolean repeatedTimes() {
        return repeatedTimes;
    }

    /** The delimiter, or {@code 0} when it is inferred. */
    public char delimiter() {
        return delimiter;
    }

    /** The epoch unit, or {@code null} when it is inferred. */
    public EpochUnit epochUnit() {
        return epochUnit;
    }

    /** The symbol column, or {@code null}. */
    public String symbolColumn() {
        return symbolColumn;
    }

    /** The numeric columns to parse, or {@code null} for all. */
    public List<String> columns() {
        return columns;
    }
}
