package io.ta.runtime.csv;

import io.ta.error.DataFormatException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.UnknownNameException;
import io.ta.spi.Names;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV of bars one row at a time, in memory proportional to the number of columns (plus the longest line and
 * one entry per distinct symbol). The first non-blank line is the header; the time column is the first one named
 * {@code date}, {@code time} or {@code timestamp} (any case); every other column is numeric and named by its header
 * in lower case, with each run of characters other than letters, digits and {@code _} made one {@code _} (dropped at
 * either end): {@code Adj Close} is {@code adj_close}, a name expressions can use. Only the selected numeric columns (see {@link CsvOptions#withColumns}) are parsed; the time and symbol
 * columns always are; the others are split off and ignored. Rows must be in strictly ascending time (per symbol when
 * there is a symbol column). Any violation of the rules in {@code docs/contracts.md} ("CSV input") is a
 * {@link DataFormatException} naming the row (the file's line number), the column and the text.
 *
 * <pre>{@code
 * try (CsvReader r = CsvReader.open(Path.of("prices.csv"), CsvOptions.defaults().withColumns(List.of("close")))) {
 *     while (r.next()) {
 *         stream.update(r.value(0));
 *     }
 * }
 * }</pre>
 */
public final class CsvReader implements AutoCloseable {
    /** The longest line accepted, in bytes; a longer one is refused rather than buffered. */
    public static final int MAX_LINE_BYTES = 8 << 20;
    /** {@code datetime}: pandas' and yfinance's name for an intraday index ({@code Datetime}, {@code Date/Time}). */
    private static final List<String> TIME_NAMES = List.of("date", "time", "timestamp", "datetime", "date_time");

    private final InputStream in;
    private final String source;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;

    private byte[] line = new byte[256];
    private int len;
    private boolean high;
    private long lineNo;
    private long rows;

    private final byte delimiter;
    private final long headerRow;
    private final String[] names;
    private final String[] written;
    private final int timeCol;
    private final int symbolCol;
    private final int labelCol;
    private final int[] cs;
    private final int[] ce;
    private final boolean[] quoted;

    private List<String> selected;
    private int[] picked;
    private double[] values;

    private final CsvTimes times;
    private final boolean repeatedTimes;
    private long time;
    private boolean repeats;
    private boolean broken;
    private final Symbols symbols = new Symbols();
    private int symbolId;

    private long[] lastTime = new long[1];
    private long[] lastRow = new long[1];
    private byte[][] lastText = new byte[1][];
    private int[] lastTextLen = new int[1];

    private CsvReader(InputStream in, String source, CsvOptions options) {
        this.in = in;
        this.source = source;
        this.times = new CsvTimes(options.epochUnit(), options.timesRoundedUp());
        this.repeatedTimes = options.repeatedTimes();
        if (!readLine()) {
            throw new DataFormatException(source, 0, null, null, source + ": the file is empty; expected a header row");
        }
        checkEncoding();
        while (blank()) {
            if (!readLine()) {
                throw new DataFormatException(source, 0, null, null, source + ": the file is empty; expected a header row");
            }
        }
        byte declared = declaredDelimiter();
        if (declared != 0) {
            // Excel's first line "sep=;" names the delimiter of a file saved for another locale; the header follows.
            if (options.delimiter() != 0 && options.delimiter() != declared) {
                throw new DataFormatException(source, lineNo, null, null, source + ": row " + lineNo + ": the file says its"
                        + " delimiter is " + show((char) declared) + " (sep=), but --delimiter is " + show(options.delimiter()));
            }
            do {
                if (!readLine()) {
                    throw new DataFormatException(source, lineNo, null, null, source + ": row " + lineNo
                            + ": the file has a sep= line and no header row after it");
                }
            } while (blank());
        }
        if (indexOf((byte) '\r') >= 0) {
            throw new DataFormatException(source, lineNo, null, null, source + ": row " + lineNo
                    + ": the file uses CR line endings (classic Mac OS); convert them to LF or CRLF");
        }
        int bad = invalidUtf8(line, 0, len);
        if (bad >= 0) {
            throw new DataFormatException(source, lineNo, null, excerpt(line, 0, len), source + ": row " + lineNo
                    + ": the header is not valid UTF-8 (byte 0x" + hex(line[bad]) + "); the file must be UTF-8: '" + excerpt(line, 0, len) + "'");
        }
        this.headerRow = lineNo;
        this.delimiter = declared != 0 ? declared
                : options.delimiter() != 0 ? (byte) options.delimiter() : detectDelimiter();
        int width = 1;
        for (int i = 0; i < len; i++) {
            width += line[i] == delimiter ? 1 : 0;
        }
        this.cs = new int[width];
        this.ce = new int[width];
        this.quoted = new boolean[width];
        int n = split();
        this.names = new String[n];
        this.written = new String[n];
        int t = -1;
        for (int c = 0; c < n; c++) {
            written[c] = new String(line, cs[c], ce[c] - cs[c], StandardCharsets.UTF_8);
            names[c] = name(written[c]);
            if (!quoted[c]) {
                for (int k = 0; k < CsvOptions.DELIMITERS.length(); k++) {
                    char d = CsvOptions.DELIMITERS.charAt(k);
                    if (d != delimiter && written[c].indexOf(d) >= 0) {
                        throw new DataFormatException(source, lineNo, written[c], written[c], source + ": row " + lineNo + ": the column name '"
                                + written[c] + "' contains " + show(d) + ", but the delimiter is " + show((char) delimiter)
                                + "; is the delimiter " + show(d) + "? (set it with --delimiter)");
                    }
                }
            }
            if (t < 0 && TIME_NAMES.contains(names[c])) {
                t = c;
            }
        }
        this.timeCol = t;
        this.symbolCol = options.symbolColumn() == null ? -1 : only(name(options.symbolColumn()), "symbol");
        if (symbolCol >= 0 && symbolCol == timeCol) {
            throw new DataFormatException(source, lineNo, written[timeCol], null, source + ": '" + written[timeCol]
                    + "' is the time column; it cannot also name the symbols");
        }
        this.labelCol = timeCol >= 0 ? timeCol : 0;
        select(options.columns());
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws DataFormatException if the file does not exist, cannot be read, or its header breaks the rules
     */
    public static CsvReader open(Path file, CsvOptions options) {
        if (file == null) {
            throw new DataFormatException("csv", 0, null, null, "csv: no file given (null)");
        }
        String source = file.toString();
        InputStream in;
        try {
            if (Files.isDirectory(file)) {
                throw new DataFormatException(source, 0, null, null, source + ": is a directory, not a CSV file");
            }
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(source, 0, null, null, source + ": no such file");
        } catch (AccessDeniedException e) {
            throw new DataFormatException(source, 0, null, null, source + ": permission denied");
        } catch (IOException e) {
            throw new DataFormatException(source, 0, null, null, source + ": cannot read the file (" + e.getMessage() + ")");
        }
        return open(in, source, options);
    }

    /**
     * Reads the header from {@code in}; {@link #close} closes {@code in}.
     *
     * @param source how messages name the input, e.g. {@code standard input}
     * @throws DataFormatException if the header breaks the rules
     */
    public static CsvReader open(InputStream in, String source, CsvOptions options) {
        String name = source == null ? "csv" : source;
        if (in == null) {
            throw new DataFormatException(name, 0, null, null, name + ": no input given (null)");
        }
        try {
            return new CsvReader(in, name, options == null ? CsvOptions.defaults() : options);
        } catch (RuntimeException | Error e) {
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** How messages name the input. */
    public String source() {
        return source;
    }

    /** Every column's name in the header, in lower case, in order (time and symbol columns included). */
    public List<String> columns() {
        return List.of(names);
    }

    /** The time column's name as written in the header, or {@code null} when there is none. */
    public String timeColumn() {
        return timeCol >= 0 ? written[timeCol] : null;
    }

    /** The symbol column's name as written in the header, or {@code null}. */
    public String symbolColumn() {
        return symbolCol >= 0 ? written[symbolCol] : null;
    }

    /** The column whose text labels each row: the time column, or the first column when there is none. */
    public String labelColumn() {
        return written[labelCol];
    }

    /** Whether the rows carry times. */
    public boolean hasTime() {
        return timeCol >= 0;
    }

    /** The numeric columns parsed, in the order of {@link #value}. */
    public List<String> selected() {
        return selected;
    }

    /**
     * Parses these numeric columns from the next row on ({@code null}: every column but the time and symbol columns
     * and columns without a name).
     *
     * @throws UnknownNameException if the header has no such column
     * @throws DataFormatException if a selected name appears twice in the header, or is the time or symbol column
     */
    public void select(List<String> columns) {
        List<String> chosen = new ArrayList<>();
        if (columns == null) {
            for (int c = 0; c < names.length; c++) {
                if (c != timeCol && c != symbolCol && !names[c].isEmpty()) {
                    chosen.add(names[c]);
                }
            }
        } else {
            chosen.addAll(columns);
        }
        int[] p = new int[chosen.size()];
        for (int k = 0; k < p.length; k++) {
            String name = chosen.get(k);
            int c = timeCol >= 0 && names[timeCol].equals(name) ? timeCol : symbolCol >= 0 && names[symbolCol].equals(name) ? symbolCol : -1;
            if (c >= 0) {
                throw new DataFormatException(source, headerRow, written[c], null, source + ": '" + written[c] + "' is the "
                        + (c == timeCol ? "time" : "symbol") + " column, not a numeric column");
            }
            p[k] = only(name, "numeric");
        }
        this.selected = List.copyOf(chosen);
        this.picked = p;
        this.values = new double[p.length];
    }

    /**
     * The name a header cell gives its column: lower case, each run of characters other than letters, ASCII digits
     * and {@code _} made one {@code _}, dropped at either end ({@code " Adj Close*"} is {@code adj_close}).
     *
     * @throws DataFormatException for {@code null}
     */
    public static String name(String header) {
        if (header == null) {
            throw new DataFormatException("csv", 0, null, null, "csv: no column name given (null)");
        }
        String lower = header.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(lower.length());
        boolean gap = false;
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetter(c) || c >= '0' && c <= '9' || c == '_') {
                if (gap && !sb.isEmpty()) {
                    sb.append('_');
                }
                gap = false;
                sb.appendCodePoint(c);
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    /** The one column called {@code name}; refuses a missing or repeated one. */
    private int only(String name, String role) {
        int found = -1;
        for (int c = 0; c < names.length; c++) {
            if (names[c].equals(name)) {
                if (found >= 0) {
                    throw new DataFormatException(source, headerRow, written[c], null, source + ": column '" + written[c]
                            + "' appears twice in the header (columns " + (found + 1) + " and " + (c + 1) + ")");
                }
                found = c;
            }
        }
        if (found < 0) {
            String near = Names.closest(name, List.of(names));
            throw new UnknownNameException("column", name, near, source + " has no column '" + name + "'" + Names.hint(near)
                    + (role.equals("symbol") ? " for the symbols" : "") + "; columns: " + String.join(", ", written));
        }
        return found;
    }

    /**
     * Advances to the next data row, skipping blank lines.
     *
     * @return false at the end of the input
     * @throws DataFormatException if the row breaks the rules
     */
    public boolean next() {
        if (broken) {
            throw new DataFormatException(source, lineNo, null, null, source + ": cannot go on reading after row " + lineNo
                    + " (the input could not be read or a line was too long)");
        }
        while (readLine()) {
            if (blank()) {
                continue;
            }
            int n = split();
            if (n != names.length) {
                throw new DataFormatException(source, lineNo, null, null, source + ": row " + lineNo + " has " + n + " cell"
                        + (n == 1 ? "" : "s") + ", the header has " + names.length);
            }
            if (high) {
                for (int c = 0; c < n; c++) {
                    int bad = invalidUtf8(line, cs[c], ce[c]);
                    if (bad >= 0) {
                        throw cellError(c, "invalid UTF-8 (byte 0x" + hex(line[bad]) + "); the file must be UTF-8: '"
                                + excerpt(line, cs[c], ce[c]) + "'");
                    }
                }
            }
            if (timeCol >= 0) {
                try {
                    time = times.parse(line, cs[timeCol], ce[timeCol], lineNo);
                } catch (CellError e) {
                    throw cellError(timeCol, e.getMessage());
                }
            }
            if (symbolCol >= 0) {
                if (cs[symbolCol] == ce[symbolCol]) {
                    throw cellError(symbolCol, "the symbol is empty");
                }
                symbolId = symbols.id(line, cs[symbolCol], ce[symbolCol]);
            }
            for (int k = 0; k < picked.length; k++) {
                int c = picked[k];
                try {
                    values[k] = CsvNumbers.parse(line, cs[c], ce[c]);
                } catch (CellError e) {
                    throw cellError(c, e.getMessage());
                }
            }
            if (timeCol >= 0) {
                checkOrder();
            }
            rows++;
            return true;
        }
        return false;
    }

    private void checkOrder() {
        int id = symbolId;
        if (id >= lastTime.length) {
            int n = Math.max(id + 1, lastTime.length * 2);
            lastTime = Arrays.copyOf(lastTime, n);
            lastRow = Arrays.copyOf(lastRow, n);
            lastText = Arrays.copyOf(lastText, n);
            lastTextLen = Arrays.copyOf(lastTextLen, n);
        }
        int s = cs[timeCol];
        int e = ce[timeCol];
        repeats = lastText[id] != null && time == lastTime[id] && repeatedTimes;
        if (lastText[id] != null && time <= lastTime[id] && !repeats) {
            String previous = new String(lastText[id], 0, lastTextLen[id], StandardCharsets.UTF_8);
            EpochUnit unit = times.unit();
            throw new DataFormatException(source, lineNo, written[timeCol], excerpt(line, s, e), source + ": rows"
                    + (symbolCol >= 0 ? " of symbol " + symbols.name(id) : "") + " must be in time order, but row " + lineNo + " ("
                    + excerpt(line, s, e) + ") is not after row " + lastRow[id] + " (" + previous + ")"
                    + (unit != null && unit.finerThanMillis() ? " at millisecond resolution" : ""));
        }
        if (lastText[id] == null || lastText[id].length < e - s) {
            lastText[id] = new byte[Math.max(32, e - s)];
        }
        System.arraycopy(line, s, lastText[id], 0, e - s);
        lastTextLen[id] = e - s;
        lastTime[id] = time;
        lastRow[id] = lineNo;
    }

    /** The current row's line number in the input (the header is line 1 when the file starts with it). */
    public long row() {
        return lineNo;
    }

    /** Data rows read so far. */
    public long rows() {
        return rows;
    }

    /**
     * Whether the current row has the same time as the previous row of its symbol (possible only with
     * {@link CsvOptions#withRepeatedTimes}).
     */
    public boolean repeatsTime() {
        return repeats;
    }

    /**
     * Whether {@link #next} may be called again after it threw: true after an error in one row (a bad cell, a wrong
     * number of cells, a time out of order), which leaves the reader at the start of the next row; false once the
     * input could not be read or a line was too long.
     */
    public boolean resumable() {
        return !broken;
    }

    /** The current row's time in epoch milliseconds (only when {@link #hasTime}). */
    public long time() {
        return time;
    }

    /**
     * The current row's value of the {@code k}-th selected column (NaN when missing).
     *
     * @throws ShapeMismatchException if {@code k} is not a selected column
     */
    public double value(int k) {
        if (k < 0 || k >= values.length) {
            throw new ShapeMismatchException(source, source + ": column " + k + " is not one of the " + values.length
                    + " columns selected (" + String.join(", ", selected()) + ")");
        }
        return values[k];
    }

    /** Copies the current row's selected values into {@code dst} (at least {@code selected().size()} long). */
    public void values(double[] dst) {
        if (dst == null || dst.length < values.length) {
            throw new ShapeMismatchException(source, source + ": the row has " + values.length + " values; the array "
                    + (dst == null ? "is null" : "holds " + dst.length));
        }
        System.arraycopy(values, 0, dst, 0, values.length);
    }

    /** The current row's symbol, or {@code null} without a symbol column. */
    public String symbol() {
        return symbolCol >= 0 ? symbols.name(symbolId) : null;
    }

    /** The current row's symbol as a number: 0, 1, 2, ... in order of first appearance (0 without a symbol column). */
    public int symbolId() {
        return symbolId;
    }

    /** The symbols seen so far, in order of first appearance (id order). */
    public List<String> symbols() {
        return symbols.names();
    }

    /** The current row's label: the text of the time column (or the first column), trimmed and unquoted. */
    public String label() {
        return new String(line, cs[labelCol], ce[labelCol] - cs[labelCol], StandardCharsets.UTF_8);
    }

    /**
     * Appends {@link #label} to {@code sb}.
     *
     * @throws ShapeMismatchException if {@code sb} is null
     */
    public void appendLabel(StringBuilder sb) {
        if (sb == null) {
            throw new ShapeMismatchException(source, source + ": the label's destination is null");
        }
        appendUtf8(line, cs[labelCol], ce[labelCol], sb);
    }

    byte[] lineBytes() {
        return line;
    }

    int labelStart() {
        return cs[labelCol];
    }

    int labelEnd() {
        return ce[labelCol];
    }

    /** The {@link CsvTimes} style of the current label, {@link CsvTimes#NO_STYLE} unless it is the time column. */
    int labelStyle() {
        return labelCol == timeCol ? times.style() : CsvTimes.NO_STYLE;
    }

    /** Closes the input. */
    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new DataFormatException(source, 0, null, null, source + ": cannot close the input (" + e.getMessage() + ")");
        }
    }

    // ---- lines and cells

    private boolean fill() {
        try {
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            lim = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            broken = true;
            throw new DataFormatException(source, lineNo + 1, null, null, source + ": cannot read row " + (lineNo + 1) + " ("
                    + e.getMessage() + ")");
        }
    }

    /** Reads the next line into {@code line[0..len)} without its line ending; false at the end of the input. */
    private boolean readLine() {
        len = 0;
        boolean any = false;
        while (true) {
            if (pos == lim && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            any = true;
            int nl = pos;
            while (nl < lim && buf[nl] != '\n') {
                nl++;
            }
            append(pos, nl);
            boolean found = nl < lim;
            pos = found ? nl + 1 : lim;
            if (found) {
                break;
            }
        }
        lineNo++;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return true;
    }

    private void append(int from, int to) {
        int n = to - from;
        if (len + n > line.length) {
            if (len + n > MAX_LINE_BYTES) {
                broken = true;
                throw new DataFormatException(source, lineNo + 1, null, null, source + ": row " + (lineNo + 1) + " is longer than "
                        + (MAX_LINE_BYTES >> 20) + " MiB; is this a CSV file?");
            }
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, Math.max(len + n, line.length * 2)));
        }
        System.arraycopy(buf, from, line, len, n);
        len += n;
    }

    /** A UTF-8 byte order mark is dropped; UTF-16 and UTF-32 are refused (their bytes would misread as UTF-8). */
    private void checkEncoding() {
        if (len >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF) {
            System.arraycopy(line, 3, line, 0, len - 3);
            len -= 3;
        } else if (len >= 4 && (line[0] == 0 && line[1] == 0 && (line[2] & 0xff) == 0xFE && (line[3] & 0xff) == 0xFF
                || (line[0] & 0xff) == 0xFF && (line[1] & 0xff) == 0xFE && line[2] == 0 && line[3] == 0)) {
            // UTF-32LE's mark starts as UTF-16LE's does: told apart by the two zero bytes, which no header starts with
            throw new DataFormatException(source, 1, null, null,
                    source + ": the file is UTF-32; ta reads UTF-8 (convert it, e.g. with iconv)");
        } else if (len >= 2 && ((line[0] & 0xff) == 0xFF && (line[1] & 0xff) == 0xFE || (line[0] & 0xff) == 0xFE && (line[1] & 0xff) == 0xFF)) {
            throw new DataFormatException(source, 1, null, null, source + ": the file is UTF-16; ta reads UTF-8 (convert it, e.g. with iconv)");
        }
    }

    private boolean blank() {
        for (int i = 0; i < len; i++) {
            if (line[i] != ' ' && line[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private int indexOf(byte b) {
        for (int i = 0; i < len; i++) {
            if (line[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The delimiter an Excel {@code sep=X} line names (any case, spaces around it), or 0 if the line is not one. */
    private byte declaredDelimiter() {
        int a = 0;
        int b = len;
        while (a < b && line[a] == ' ') {
            a++;
        }
        while (b > a && line[b - 1] == ' ') {
            b--;
        }
        if (b - a != 5 || (line[a] | 0x20) != 's' || (line[a + 1] | 0x20) != 'e' || (line[a + 2] | 0x20) != 'p'
                || line[a + 3] != '=' || CsvOptions.DELIMITERS.indexOf(line[a + 4]) < 0) {
            return 0;
        }
        return line[a + 4];
    }

    private byte detectDelimiter() {
        int[] count = new int[CsvOptions.DELIMITERS.length()];
        boolean inQuotes = false;
        for (int i = 0; i < len; i++) {
            byte b = line[i];
            if (b == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes) {
                int k = CsvOptions.DELIMITERS.indexOf(b);
                if (k >= 0) {
                    count[k]++;
                }
            }
        }
        List<String> found = new ArrayList<>();
        byte chosen = ',';
        for (int k = 0; k < count.length; k++) {
            if (count[k] > 0) {
                found.add(show(CsvOptions.DELIMITERS.charAt(k)));
                chosen = (byte) CsvOptions.DELIMITERS.charAt(k);
            }
        }
        if (found.size() > 1) {
            throw new DataFormatException(source, lineNo, null, null, source + ": row " + lineNo + ": cannot tell the delimiter: the header has "
                    + String.join(" and ", found) + " outside quotes; set it with --delimiter");
        }
        return chosen;
    }

    private static String show(char d) {
        return d == '\t' ? "tab" : "'" + d + "'";
    }

    private boolean isSpace(byte b) {
        return b == ' ' || b == '\t' && delimiter != '\t';
    }

    /**
     * Splits {@code line} into cells: {@code cs/ce} hold each trimmed, unquoted cell's bounds (quoted cells are
     * unescaped in place). Returns the number of cells, which may exceed the arrays.
     */
    private int split() {
        byte[] b = line;
        int n = len;
        byte d = delimiter;
        int max = cs.length;
        int cells = 0;
        int seen = 0;
        int i = 0;
        while (true) {
            int s = i;
            while (s < n && isSpace(b[s])) {
                s++;
            }
            int start;
            int end;
            boolean q = s < n && b[s] == '"';
            if (q) {
                int r = s + 1;
                int w = s;
                boolean closed = false;
                while (r < n) {
                    byte c = b[r];
                    seen |= c;
                    if (c == '"') {
                        if (r + 1 < n && b[r + 1] == '"') {
                            b[w++] = '"';
                            r += 2;
                            continue;
                        }
                        closed = true;
                        r++;
                        break;
                    }
                    b[w++] = c;
                    r++;
                }
                if (!closed) {
                    throw splitError(cells, "a quote opened in this cell is not closed on the same line");
                }
                // Spreadsheets write " 101.5 ": spaces inside the quotes are trimmed as outside, so the quotes never
                // decide whether a number, time or symbol reads.
                start = s;
                end = w;
                while (start < end && isSpace(b[start])) {
                    start++;
                }
                while (end > start && isSpace(b[end - 1])) {
                    end--;
                }
                while (r < n && isSpace(b[r])) {
                    r++;
                }
                if (r < n && b[r] != d) {
                    throw splitError(cells, "unexpected text after the closing quote");
                }
                i = r;
            } else {
                int e = s;
                while (e < n && b[e] != d) {
                    seen |= b[e];
                    e++;
                }
                i = e;
                while (e > s && isSpace(b[e - 1])) {
                    e--;
                }
                start = s;
                end = e;
            }
            if (cells < max) {
                cs[cells] = start;
                ce[cells] = end;
                quoted[cells] = q;
            }
            cells++;
            if (i >= n) {
                break;
            }
            i++;
        }
        high = seen < 0;
        return cells;
    }

    /** An error in cell {@code c} of the current row, which {@link #split} has delimited. */
    private DataFormatException cellError(int c, String detail) {
        return error(c, excerpt(line, cs[c], ce[c]), detail);
    }

    /** An error found while splitting, before the cell has bounds (and in the header, before there are names). */
    private DataFormatException splitError(int c, String detail) {
        return error(c, null, detail);
    }

    private DataFormatException error(int c, String text, String detail) {
        String column = names != null && c < names.length ? written[c] : "#" + (c + 1);
        return new DataFormatException(source, lineNo, column, text, source + ": row " + lineNo + ", column '" + column + "': " + detail);
    }

    // ---- text helpers

    /** The offset of the first byte of {@code b[s..e)} that is not part of well-formed UTF-8, or -1. */
    static int invalidUtf8(byte[] b, int s, int e) {
        int i = s;
        while (i < e) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c == 0xE0) {
                n = 2;
                lo = 0xA0;
            } else if (c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF) {
                n = 2;
            } else if (c == 0xED) {
                n = 2;
                hi = 0x9F;
            } else if (c == 0xF0) {
                n = 3;
                lo = 0x90;
            } else if (c >= 0xF1 && c <= 0xF3) {
                n = 3;
            } else if (c == 0xF4) {
                n = 3;
                hi = 0x8F;
            } else {
                return i;
            }
            if (e - i - 1 < n) {
                return i;
            }
            int c1 = b[i + 1] & 0xff;
            if (c1 < lo || c1 > hi) {
                return i;
            }
            for (int k = 2; k <= n; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }

    /** Up to 60 bytes of a cell for a message: well-formed UTF-8 as text, anything else as {@code \xNN}. */
    static String excerpt(byte[] b, int s, int e) {
        StringBuilder sb = new StringBuilder();
        int i = s;
        int stop = Math.min(e, s + 60);
        while (i < stop) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f) {
                sb.append((char) c);
                i++;
            } else if (c < 0x80) {
                sb.append("\\x").append(hex(b[i]));
                i++;
            } else {
                int bad = invalidUtf8(b, i, Math.min(e, i + 4));
                int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                if (bad != i && i + n <= e) {
                    sb.append(new String(b, i, n, StandardCharsets.UTF_8));
                    i += n;
                } else {
                    sb.append("\\x").append(hex(b[i]));
                    i++;
                }
            }
        }
        if (i < e) {
            sb.append('…');
        }
        return sb.toString();
    }

    static String hex(byte b) {
        return String.format("%02X", b & 0xff);
    }

    static void appendUtf8(byte[] b, int s, int e, StringBuilder sb) {
        for (int i = s; i < e; i++) {
            if (b[i] < 0) {
                sb.append(new String(b, i, e - i, StandardCharsets.UTF_8));
                return;
            }
            sb.append((char) b[i]);
        }
    }
}
