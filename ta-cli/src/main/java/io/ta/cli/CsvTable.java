package io.ta.cli;

import io.ta.error.ShapeMismatchException;
import io.ta.runtime.Bars;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An input CSV: a header row, then one bar per row in time order. The time column is the first one named
 * {@code date}, {@code time} or {@code timestamp} (any case): ISO dates, ISO date-times (with or without offset;
 * without means UTC) or epoch milliseconds. Every other column is numeric, named by its header in lower case
 * ({@code close}, {@code volume}, or anything such as {@code dax}); an empty cell is a missing value (NaN). Without a
 * time column, the first column plays its part for output.
 */
final class CsvTable {
    private static final List<String> TIME_NAMES = List.of("date", "time", "timestamp");

    final Path file;
    final String timeHeader;
    final List<String> timeText;
    final long[] time;
    final Map<String, double[]> columns;
    final String symbolColumn;
    final List<String> symbols;

    private CsvTable(Path file, String timeHeader, List<String> timeText, long[] time, Map<String, double[]> columns,
            String symbolColumn, List<String> symbols) {
        this.file = file;
        this.timeHeader = timeHeader;
        this.timeText = timeText;
        this.time = time;
        this.columns = columns;
        this.symbolColumn = symbolColumn;
        this.symbols = symbols;
    }

    int rows() {
        return timeText.size();
    }

    /**
     * Reads the file.
     *
     * @param symbolColumn the column naming each row's symbol, or null
     * @param progress where to report progress for very large files, or null
     * @throws DataException for anything wrong with the file, naming row and column
     */
    static CsvTable read(Path file, String symbolColumn, PrintStream progress) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Layout layout = Layout.of(file.toString(), in.readLine(), symbolColumn);
            List<String> labels = new ArrayList<>();
            List<String> symbols = new ArrayList<>();
            long[] times = new long[1024];
            double[][] values = new double[layout.names.size()][1024];
            int n = 0;
            String line;
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                Row r = layout.parse(line, row);
                if (n == times.length) {
                    times = java.util.Arrays.copyOf(times, n * 2);
                    for (int k = 0; k < values.length; k++) {
                        values[k] = java.util.Arrays.copyOf(values[k], n * 2);
                    }
                }
                labels.add(r.label());
                times[n] = r.time();
                if (r.symbol() != null) {
                    symbols.add(r.symbol());
                }
                for (int k = 0; k < values.length; k++) {
                    values[k][n] = r.values()[k];
                }
                n++;
                if (progress != null && n % 250_000 == 0) {
                    progress.print("\rreading " + file.getFileName() + ": " + n + " rows");
                    progress.flush();
                }
            }
            if (progress != null && n >= 250_000) {
                progress.println("\rreading " + file.getFileName() + ": " + n + " rows");
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int k = 0; k < values.length; k++) {
                columns.put(layout.names.get(k), java.util.Arrays.copyOf(values[k], n));
            }
            long[] time = layout.timeCol >= 0 ? java.util.Arrays.copyOf(times, n) : null;
            if (time != null && layout.symbolCol < 0) {
                for (int i = 1; i < n; i++) {
                    if (time[i] <= time[i - 1]) {
                        throw layout.outOfOrder(i + 2, labels.get(i), labels.get(i - 1));
                    }
                }
            }
            return new CsvTable(file, layout.labelHeader(), labels, time, columns,
                    layout.symbolCol >= 0 ? layout.header[layout.symbolCol].trim() : null, layout.symbolCol >= 0 ? symbols : null);
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": no such file");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read the file (" + e.getMessage() + ")");
        }
    }

    /** One parsed data row. */
    record Row(String label, long time, String symbol, double[] values) {}

    /** How a file's columns are used, from its header; parses rows. */
    static final class Layout {
        final String source;
        final String[] header;
        final int timeCol;
        final int symbolCol;
        final List<String> names = new ArrayList<>();
        final List<Integer> numeric = new ArrayList<>();

        private Layout(String source, String[] header, int timeCol, int symbolCol) {
            this.source = source;
            this.header = header;
            this.timeCol = timeCol;
            this.symbolCol = symbolCol;
        }

        static Layout of(String source, String headerLine, String symbolColumn) {
            if (headerLine == null || headerLine.isBlank()) {
                throw new DataException(source + ": the file is empty; expected a header row");
            }
            String[] header = split(stripBom(headerLine));
            int timeCol = -1;
            int symbolCol = -1;
            for (int c = 0; c < header.length; c++) {
                String h = header[c].trim().toLowerCase(Locale.ROOT);
                if (timeCol < 0 && TIME_NAMES.contains(h)) {
                    timeCol = c;
                }
                if (symbolColumn != null && h.equals(symbolColumn.toLowerCase(Locale.ROOT))) {
                    symbolCol = c;
                }
            }
            if (symbolColumn != null && symbolCol < 0) {
                throw new DataException(source + ": no column '" + symbolColumn + "' for --symbol-col; columns: " + String.join(", ", header));
            }
            Layout l = new Layout(source, header, timeCol, symbolCol);
            for (int c = 0; c < header.length; c++) {
                if (c == timeCol || c == symbolCol) {
                    continue;
                }
                String name = header[c].trim().toLowerCase(Locale.ROOT);
                if (l.names.contains(name)) {
                    throw new DataException(source + ": column '" + name + "' appears twice in the header");
                }
                l.names.add(name);
                l.numeric.add(c);
            }
            return l;
        }

        String labelHeader() {
            return header[timeCol >= 0 ? timeCol : 0].trim();
        }

        Row parse(String line, int row) {
            String[] cells = split(line);
            if (cells.length != header.length) {
                throw new DataException(source + ": row " + row + " has " + cells.length + " cells, the header has " + header.length);
            }
            String label = cells[timeCol >= 0 ? timeCol : 0].trim();
            long time = timeCol >= 0 ? parseTime(source, row, header[timeCol], cells[timeCol].trim()) : 0;
            double[] values = new double[numeric.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = parseNumber(source, row, header[numeric.get(k)], cells[numeric.get(k)].trim());
            }
            return new Row(label, time, symbolCol >= 0 ? cells[symbolCol].trim() : null, values);
        }

        DataException outOfOrder(int row, String label, String previous) {
            return new DataException(source + ": rows must be in time order, but row " + row + " (" + label
                    + ") is not after row " + (row - 1) + " (" + previous + ")");
        }
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Splits one CSV line; double quotes may enclose cells (with "" for a quote). */
    static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out.toArray(new String[0]);
    }

    static double parseNumber(String file, int row, String column, String text) {
        if (text.isEmpty() || text.equalsIgnoreCase("nan") || text.equalsIgnoreCase("na")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new DataException(file + ": row " + row + ", column '" + column.trim() + "': '" + text + "' is not a number");
        }
    }

    static long parseTime(String file, int row, String column, String text) {
        try {
            if (text.matches("-?\\d{9,}")) {
                return Long.parseLong(text);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new DataException(file + ": row " + row + ", column '" + column.trim() + "': '" + text
                    + "' is not an ISO date, ISO date-time or epoch milliseconds");
        }
    }

    /** All rows as one history. */
    Bars bars() {
        return bars(null);
    }

    /** The rows at {@code rows} (all rows when null) as a history. */
    Bars bars(int[] rows) {
        Bars.Builder b = Bars.builder();
        if (time != null) {
            b.time(rows == null ? time : pick(time, rows));
        }
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            b.column(e.getKey(), rows == null ? e.getValue() : pick(e.getValue(), rows));
        }
        try {
            return b.build();
        } catch (ShapeMismatchException e) {
            throw new DataException(file + ": " + e.getMessage());
        }
    }

    static long[] pick(long[] a, int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    static double[] pick(double[] a, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = a[rows[i]];
        }
        return out;
    }

    /** Row indices per symbol, in first-appearance order. */
    Map<String, int[]> rowsBySymbol() {
        Map<String, List<Integer>> m = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            m.computeIfAbsent(symbols.get(i), k -> new ArrayList<>()).add(i);
        }
        Map<String, int[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        if (time != null) {
            out.forEach((sym, rows) -> {
                for (int i = 1; i < rows.length; i++) {
                    if (time[rows[i]] <= time[rows[i - 1]]) {
                        throw new DataException(file + ": rows of symbol " + sym + " must be in time order, but row " + (rows[i] + 2)
                                + " is not after row " + (rows[i - 1] + 2));
                    }
                }
            });
        }
        return out;
    }

    static String instant(long ms) {
        return Instant.ofEpochMilli(ms).toString();
    }
}
