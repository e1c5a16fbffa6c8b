package io.ta.runtime.csv;

import io.ta.error.DataFormatException;
import io.ta.error.ShapeMismatchException;
import io.ta.runtime.Bars;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A whole CSV loaded into primitive columns: the selected numeric columns as {@code double[]}, the times as
 * {@code long[]} epoch milliseconds, the symbols as one {@code int} per row plus the distinct names, and the row labels
 * (the time column's text, or the first column's) — which cost nothing when they are exactly what the time writes back
 * (dates such as {@code 2024-01-31}, date-times such as {@code 2024-01-31T15:30:00Z}, epoch seconds or milliseconds),
 * and are otherwise kept as bytes, never as a String per row. Memory: about {@code rows × (8 × (columns + 1) + 4)}
 * bytes plus the label text when it is kept.
 *
 * <pre>{@code
 * Bars bars = CsvBars.read(Path.of("prices.csv"), CsvOptions.defaults()).bars();
 * }</pre>
 */
public final class CsvBars {
    /** The most rows a table holds (the limit of a Java array). */
    public static final int MAX_ROWS = Integer.MAX_VALUE - 16;

    private final String source;
    private final String labelColumn;
    private final String timeColumn;
    private final String symbolColumn;
    private final int rows;
    private final long[] time;
    private final List<String> names;
    private final double[][] columns;
    private final int[] symbolIds;
    private final List<String> symbols;
    private final int labelStyle;
    private final byte[] labelText;
    private final int[] labelEnds;

    private CsvBars(CsvReader r, int rows, long[] time, double[][] columns, int[] symbolIds, int labelStyle, byte[] labelText,
            int[] labelEnds) {
        this.source = r.source();
        this.labelColumn = r.labelColumn();
        this.timeColumn = r.timeColumn();
        this.symbolColumn = r.symbolColumn();
        this.rows = rows;
        this.time = time;
        this.names = r.selected();
        this.columns = columns;
        this.symbolIds = symbolIds;
        this.symbols = symbolIds == null ? null : r.symbols();
        this.labelStyle = labelStyle;
        this.labelText = labelText;
        this.labelEnds = labelEnds;
    }

    /**
     * Reads a whole file.
     *
     * @throws DataFormatException if the file cannot be read or breaks the rules
     */
    public static CsvBars read(Path file, CsvOptions options) {
        try (CsvReader r = CsvReader.open(file, options)) {
            return load(r, null);
        }
    }

    /**
     * Reads a whole stream (and closes it).
     *
     * @param source how messages name the input
     * @throws DataFormatException if the input breaks the rules
     */
    public static CsvBars read(InputStream in, String source, CsvOptions options) {
        try (CsvReader r = CsvReader.open(in, source, options)) {
            return load(r, null);
        }
    }

    /**
     * Reads every remaining row of {@code reader} (which stays open).
     *
     * @param progress told the number of rows read every 262,144 rows, or {@code null}
     * @throws DataFormatException if a row breaks the rules, there are more than {@link #MAX_ROWS} rows, or
     *     {@code reader} is null
     */
    public static CsvBars load(CsvReader reader, LongConsumer progress) {
        if (reader == null) {
            throw new DataFormatException("csv", 0, null, null, "csv: no reader given (null)");
        }
        int width = reader.selected().size();
        Chunks.Doubles[] values = new Chunks.Doubles[width];
        for (int k = 0; k < width; k++) {
            values[k] = new Chunks.Doubles();
        }
        Chunks.Longs times = reader.hasTime() ? new Chunks.Longs() : null;
        Chunks.Ints ids = reader.symbolColumn() != null ? new Chunks.Ints() : null;
        int style = Integer.MIN_VALUE;
        Chunks.Texts text = null;
        int n = 0;
        StringBuilder sb = new StringBuilder();
        while (reader.next()) {
            if (n == MAX_ROWS) {
                throw new DataFormatException(reader.source(), reader.row(), null, null, reader.source() + ": more than " + MAX_ROWS
                        + " rows; read it row by row (CsvReader, ta stream)");
            }
            for (int k = 0; k < width; k++) {
                values[k].add(reader.value(k));
            }
            if (times != null) {
                times.add(reader.time());
            }
            if (ids != null) {
                ids.add(reader.symbolId());
            }
            int s = reader.labelStyle();
            if (style == Integer.MIN_VALUE) {
                style = s;
                text = s == CsvTimes.NO_STYLE ? new Chunks.Texts() : null;
            } else if (style != CsvTimes.NO_STYLE && s != style) {
                // This label does not follow the style so far: keep every label as text from here on.
                text = new Chunks.Texts();
                for (int i = 0; i < n; i++) {
                    sb.setLength(0);
                    CsvTimes.format(times.get(i), style, sb);
                    byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
                    text.add(b, 0, b.length);
                }
                style = CsvTimes.NO_STYLE;
            }
            if (text != null) {
                text.add(reader.lineBytes(), reader.labelStart(), reader.labelEnd());
            }
            n++;
            if (progress != null && (n & ((1 << 18) - 1)) == 0) {
                progress.accept(n);
            }
        }
        double[][] columns = new double[width][];
        for (int k = 0; k < width; k++) {
            columns[k] = values[k].toArray();
            values[k] = null;
        }
        return new CsvBars(reader, n, times == null ? null : times.toArray(), columns, ids == null ? null : ids.toArray(),
                text == null ? style : CsvTimes.NO_STYLE, text == null ? null : text.bytes(), text == null ? null : text.ends());
    }

    /** How messages name the input. */
    public String source() {
        return source;
    }

    /** Data rows. */
    public int rows() {
        return rows;
    }

    /** The time column as named in the header, or {@code null}. */
    public String timeColumn() {
        return timeColumn;
    }

    /** The column whose text labels the rows: the time column, or the first column. */
    public String labelColumn() {
        return labelColumn;
    }

    /** The symbol column as named in the header, or {@code null}. */
    public String symbolColumn() {
        return symbolColumn;
    }

    /** The numeric columns loaded, in lower case. */
    public List<String> columns() {
        return names;
    }

    /** Whether the rows carry times. */
    public boolean hasTime() {
        return time != null;
    }

    /**
     * Row {@code row}'s time in epoch milliseconds (only when {@link #hasTime}).
     *
     * @throws ShapeMismatchException if the rows carry no times or {@code row} is not one of them
     */
    public long time(int row) {
        if (time == null) {
            throw new ShapeMismatchException(source, source + ": the rows carry no times (no time column)");
        }
        return time[row(row)];
    }

    /**
     * Row {@code row}'s value in column {@code k} of {@link #columns}.
     *
     * @throws ShapeMismatchException if {@code k} is not a loaded column or {@code row} not a row
     */
    public double value(int k, int row) {
        if (k < 0 || k >= columns.length) {
            throw new ShapeMismatchException(source, source + ": column " + k + " is not one of the " + columns.length
                    + " columns loaded (" + String.join(", ", names) + ")");
        }
        return columns[k][row(row)];
    }

    /** {@code row}, checked to be a row of the data: a message naming it, not an array index. */
    private int row(int row) {
        if (row < 0 || row >= rows) {
            throw new ShapeMismatchException(source, source + ": row " + row + " is outside the data (" + rows
                    + " rows)");
        }
        return row;
    }

    /**
     * Every row as one history (the arrays are shared, not copied).
     *
     * @throws DataFormatException if the rows belong to more than one symbol (take each with {@link #bars(int[])})
     */
    public Bars bars() {
        if (symbols != null && symbols.size() > 1) {
            throw new DataFormatException(source, 0, symbolColumn, null, source + ": the rows belong to " + symbols.size()
                    + " symbols; take one symbol's rows at a time (bars(rowsBySymbol()[id]))");
        }
        Bars.Builder b = Bars.builder().time(time);
        for (int k = 0; k < columns.length; k++) {
            b.column(names.get(k), columns[k]);
        }
        return b.build();
    }

    /** The rows at the given indices, in that order, as a history (copied). */
    public Bars bars(int[] rows) {
        if (rows == null) {
            throw new ShapeMismatchException(source, source + ": the row indices must not be null");
        }
        for (int r : rows) {
            if (r < 0 || r >= rows()) {
                throw new ShapeMismatchException(source, source + ": row " + r + " is not one of the " + rows()
                        + " rows");
            }
        }
        Bars.Builder b = Bars.builder();
        if (time != null) {
            long[] t = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                t[i] = time[rows[i]];
            }
            b.time(t);
        }
        for (int k = 0; k < columns.length; k++) {
            double[] c = columns[k];
            double[] v = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = c[rows[i]];
            }
            b.column(names.get(k), v);
        }
        return b.build();
    }

    /** The distinct symbols in order of first appearance, or {@code null} without a symbol column. */
    public List<String> symbols() {
        return symbols;
    }

    /**
     * Row {@code row}'s symbol as an index into {@link #symbols}.
     *
     * @throws ShapeMismatchException without a symbol column, or if {@code row} is not a row
     */
    public int symbolId(int row) {
        if (symbolIds == null) {
            throw new ShapeMismatchException(source, source + ": the rows have no symbol column");
        }
        return symbolIds[row(row)];
    }

    /**
     * Per symbol (by id), the indices of its rows in file order.
     *
     * @throws ShapeMismatchException without a symbol column
     */
    public int[][] rowsBySymbol() {
        if (symbolIds == null) {
            throw new ShapeMismatchException(source, source + ": the rows have no symbol column");
        }
        int[] count = new int[symbols.size()];
        for (int id : symbolIds) {
            count[id]++;
        }
        int[][] out = new int[count.length][];
        for (int s = 0; s < count.length; s++) {
            out[s] = new int[count[s]];
        }
        int[] at = new int[count.length];
        for (int i = 0; i < rows; i++) {
            int id = symbolIds[i];
            out[id][at[id]++] = i;
        }
        return out;
    }

    /** Whether the labels are held as text (they cannot be written back from the times). */
    boolean keepsLabelText() {
        return labelText != null;
    }

    /**
     * Row {@code row}'s label: its time column's text as written (or the first column's).
     *
     * @throws ShapeMismatchException if {@code row} is not a row
     */
    public String label(int row) {
        StringBuilder sb = new StringBuilder();
        appendLabel(row, sb);
        return sb.toString();
    }

    /**
     * Appends {@link #label} to {@code sb}.
     *
     * @throws ShapeMismatchException if {@code row} is not a row, or {@code sb} is null
     */
    public void appendLabel(int row, StringBuilder sb) {
        row(row);
        if (sb == null) {
            throw new ShapeMismatchException(source, source + ": the label's destination is null");
        }
        if (labelText == null) {
            CsvTimes.format(time[row], labelStyle, sb);
        } else {
            CsvReader.appendUtf8(labelText, row == 0 ? 0 : labelEnds[row - 1], labelEnds[row], sb);
        }
    }
}
