package io.ta.cli;

import io.ta.error.DataFormatException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.csv.CsvOptions;
import io.ta.runtime.csv.CsvReader;
import io.ta.runtime.source.Events;
import io.ta.runtime.source.SourceField;
import io.ta.runtime.source.SourceType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One event source read from a CSV: a time column (parsed as bars' times are) and the schema's fields by name. Only
 * the fields the plan reads are parsed (the others are NaN, and their columns may be absent or hold anything); a text
 * field ({@code side}) must hold one of its texts. Rows are in time order, equal times allowed (many trades share a
 * millisecond), so reading the file front to back gives every bar its events in the same order in {@code eval} and
 * {@code stream}.
 */
final class EventCsv implements AutoCloseable {
    private final String key;
    private final SourceType type;
    private final CsvReader reader;
    private final int[] slots;
    private final int text;
    private final double[] row;
    private int[] codes = new int[0];
    private long time = Long.MIN_VALUE;
    private long lastRow;
    private String lastLabel;

    private EventCsv(String key, SourceType type, CsvReader reader, int[] slots, int text) {
        this.key = key;
        this.type = type;
        this.reader = reader;
        this.slots = slots;
        this.text = text;
        this.row = new double[type.fields().size()];
    }

    /**
     * Opens {@code file} for the events of {@code key}, reading {@code fields}.
     *
     * @throws DataFormatException if the file has no time column, or breaks the CSV rules
     * @throws io.ta.error.UnknownNameException if it lacks a field the plan reads
     */
    static EventCsv open(String key, SourceType type, Path file, List<String> fields, CsvOptions base) {
        SourceField textField = null;
        for (String f : fields) {
            SourceField field = type.fields().get(type.fieldIndex(f));
            if (field.isText()) {
                textField = field;
            }
        }
        // the one text field is read as the reader's symbol column: CsvReader parses numbers, and numbers texts by
        // order. Bars' times are floored to the millisecond, so an event's is rounded up: floored too, a trade 0.5 ms
        // after a bar's close landed in that bar.
        CsvOptions options = base.withRepeatedTimes(true).withColumns(List.of()).withTimesRoundedUp(true);
        if (options.epochUnit() != null) {
            checkUnit(key, file, options);
        }
        if (textField != null) {
            requireColumn(file, options, textField.name());
            options = options.withSymbolColumn(textField.name());
        }
        CsvReader r = CsvReader.open(file, options);
        try {
            if (!r.hasTime()) {
                throw new DataFormatException(r.source(), 0, null, null, r.source() + ": the " + key
                        + " events need a time column (date, time, timestamp or datetime); columns: " + String.join(", ", r.columns()));
            }
            List<String> numbers = new ArrayList<>();
            List<Integer> slots = new ArrayList<>();
            for (String f : fields) {
                int i = type.fieldIndex(f);
                if (!type.fields().get(i).isText()) {
                    numbers.add(f);
                    slots.add(i);
                }
            }
            r.select(numbers);
            return new EventCsv(key, type, r, slots.stream().mapToInt(Integer::intValue).toArray(),
                    textField == null ? -1 : type.fieldIndex(textField.name()));
        } catch (RuntimeException e) {
            r.close();
            throw e;
        }
    }

    /**
     * Refuses a file without column {@code name} as a missing number field is refused, before the reader takes the
     * column for its symbols and would call it that.
     */
    private static void requireColumn(Path file, CsvOptions options, String name) {
        try (CsvReader header = CsvReader.open(file, options)) {
            if (!header.columns().contains(CsvReader.name(name))) {
                throw new UnknownNameException("column", name, null, header.source() + " has no column '" + name
                        + "'; columns: " + String.join(", ", header.columns()));
            }
        }
    }

    /**
     * Refuses a file whose first time reads otherwise in the given epoch unit than by its magnitude: with
     * {@code --time-unit s}, trades stamped in milliseconds would land 50 000 years on, after every bar, and silently
     * count nothing. A magnitude that names no unit is left to the given one (that is what the option is for).
     */
    private static void checkUnit(String key, Path file, CsvOptions options) {
        long given;
        long inferred;
        String label;
        long row;
        String column;
        try (CsvReader a = CsvReader.open(file, options); CsvReader b = CsvReader.open(file, options.withEpochUnit(null))) {
            if (!a.hasTime() || !a.next() || !b.next()) {
                return;
            }
            given = a.time();
            inferred = b.time();
            label = a.label();
            row = a.row();
            column = a.timeColumn();
        } catch (DataFormatException e) {
            return; // a bad first row, or a magnitude naming no unit: the reading itself reports or settles it
        }
        if (given != inferred) {
            String unit = options.epochUnit().symbol();
            throw new DataFormatException(file.toString(), row, column, label, file + ": row " + row + ", column '" + column
                    + "': " + label + " is " + Instant.ofEpochMilli(given) + " in --time-unit " + unit + ", but its magnitude says "
                    + Instant.ofEpochMilli(inferred) + "; the " + key + " times are read in the bars' unit: write them in "
                    + unit + ", or leave --time-unit out to infer each file's unit");
        }
    }

    /** The source key ({@code trades}, {@code ETH.bars}). */
    String key() {
        return key;
    }

    /** The source type. */
    SourceType type() {
        return type;
    }

    /**
     * Reads the next event.
     *
     * @return false at the end of the file
     * @throws DataFormatException naming the file, row and column of a bad cell, or a row before the previous one
     */
    boolean next() {
        try {
            if (!reader.next()) {
                return false;
            }
        } catch (DataFormatException e) {
            throw reworded(e);
        }
        long t = reader.time();
        if (t < time) {
            throw outOfOrder(reader.row(), reader.label());
        }
        time = t;
        lastRow = reader.row();
        lastLabel = reader.label();
        Arrays.fill(row, Double.NaN);
        for (int k = 0; k < slots.length; k++) {
            row[slots[k]] = reader.value(k);
        }
        if (text >= 0) {
            row[text] = code(reader.symbolId());
        }
        return true;
    }

    private DataFormatException outOfOrder(long row, String label) {
        return new DataFormatException(reader.source(), row, reader.timeColumn(), label, reader.source() + ": " + key
                + " events must be in time order (equal times are fine), but row " + row + " (" + label + ") is before row "
                + lastRow + " (" + lastLabel + ")");
    }

    /**
     * The reader's errors in this file's terms: it knows the text field only as its symbol column and checks the time
     * order per symbol (per side), while events are ordered across sides; a bad time or number is worded as in bars.
     */
    private DataFormatException reworded(DataFormatException e) {
        String column = e.column().orElse(null);
        if (text >= 0 && column != null && column.equals(reader.symbolColumn()) && e.text().orElse("?").isEmpty()) {
            SourceField f = type.fields().get(text);
            return new DataFormatException(e.source(), e.row(), column, "", e.source() + ": row " + e.row() + ", column '"
                    + column + "': empty, but it must be one of '" + String.join("', '", f.values()) + "'");
        }
        if (column != null && column.equals(reader.timeColumn()) && e.getMessage().contains("must be in time order")) {
            return outOfOrder(e.row(), e.text().orElse(""));
        }
        return e;
    }

    /** The code of the current row's text, checked against the vocabulary once per distinct text. */
    private int code(int id) {
        if (id >= codes.length) {
            int from = codes.length;
            codes = Arrays.copyOf(codes, Math.max(id + 1, codes.length * 2));
            Arrays.fill(codes, from, codes.length, Integer.MIN_VALUE);
        }
        if (codes[id] == Integer.MIN_VALUE) {
            SourceField f = type.fields().get(text);
            int c = f.code(reader.symbol());
            if (c < 0) {
                throw new DataFormatException(reader.source(), reader.row(), f.name(), reader.symbol(), reader.source() + ": row "
                        + reader.row() + ", column '" + f.name() + "': '" + reader.symbol() + "' is not one of '"
                        + String.join("', '", f.values()) + "'");
            }
            codes[id] = c;
        }
        return codes[id];
    }

    /** The current event's time (epoch ms). */
    long time() {
        return time;
    }

    /** The current event's fields in schema order (the array is reused: copy it to keep it). */
    double[] row() {
        return row;
    }

    /** Every remaining event. */
    Events readAll() {
        Events.Builder b = Events.builder(type);
        while (next()) {
            b.add(time, row);
        }
        return b.build();
    }

    @Override
    public void close() {
        reader.close();
    }
}
