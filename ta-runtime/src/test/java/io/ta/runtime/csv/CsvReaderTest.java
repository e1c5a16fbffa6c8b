package io.ta.runtime.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.DataFormatException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.Bars;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV reading rules of docs/contracts.md, one by one, for the row reader and the columnar loader. */
class CsvReaderTest {
    static final CsvOptions CLOSE = CsvOptions.defaults().withColumns(List.of("close"));

    static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static CsvReader reader(String text, CsvOptions options) {
        return CsvReader.open(bytes(text), "t.csv", options);
    }

    /** Every row as "label|time|values...". */
    static List<String> rows(String text, CsvOptions options) {
        List<String> out = new ArrayList<>();
        try (CsvReader r = reader(text, options)) {
            while (r.next()) {
                StringBuilder sb = new StringBuilder(r.label());
                if (r.hasTime()) {
                    sb.append('|').append(r.time());
                }
                if (r.symbol() != null) {
                    sb.append('|').append(r.symbol());
                }
                for (int k = 0; k < r.selected().size(); k++) {
                    sb.append('|').append(r.value(k));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }

    /** The row reader and the columnar loader refuse {@code text} with the same message. */
    static DataFormatException error(String text, CsvOptions options) {
        DataFormatException rowByRow = assertThrows(DataFormatException.class, () -> rows(text, options));
        DataFormatException loaded = assertThrows(DataFormatException.class, () -> CsvBars.read(bytes(text), "t.csv", options));
        assertEquals(rowByRow.getMessage(), loaded.getMessage());
        return rowByRow;
    }

    static long day(String date) {
        return Instant.parse(date + "T00:00:00Z").toEpochMilli();
    }

    @Test
    void onlyTheSelectedColumnsAreParsedSoUnusedTextIsIgnored() {
        String csv = "date,name,close,comment\n2020-01-01,Acme Corp,1.5,fine\n2020-01-02,Acme Corp,2.5,\"a, b\"\n";
        assertEquals(List.of("2020-01-01|" + day("2020-01-01") + "|1.5", "2020-01-02|" + day("2020-01-02") + "|2.5"), rows(csv, CLOSE));
        DataFormatException e = error(csv, CsvOptions.defaults());
        assertEquals("t.csv: row 2, column 'name': 'Acme Corp' is not a number (a decimal such as -12.5 or 1.5e-3; empty, NaN or NA "
                + "for a missing value)", e.getMessage());
        assertEquals(2, e.row());
        assertEquals("name", e.column().orElseThrow());
        assertEquals("Acme Corp", e.text().orElseThrow());
    }

    @Test
    void theDelimiterIsDetectedFromTheHeader() {
        for (String d : new String[] {",", ";", "\t", "|"}) {
            String csv = "date" + d + "close" + d + "note\n2020-01-01" + d + "1.5" + d + "x\n";
            try (CsvReader r = reader(csv, CLOSE)) {
                assertEquals(List.of("date", "close", "note"), r.columns(), d);
                assertTrue(r.next());
                assertEquals(1.5, r.value(0));
            }
        }
        assertEquals("t.csv: row 1: cannot tell the delimiter: the header has ',' and ';' outside quotes; set it with --delimiter",
                error("date,close;x\n", CLOSE).getMessage());
        assertEquals(List.of("1|1.5"), rows("\"a;b\",close\n1,1.5\n", CLOSE), "delimiters inside quotes do not count");
        assertEquals(List.of("1.5|1.5"), rows("close\n1.5\n", CLOSE), "one column needs no delimiter");
    }

    /** Excel writes "sep=;" before the header of a file saved for a locale whose delimiter is not its default. */
    @Test
    void anExcelSepLineNamesTheDelimiter() {
        assertEquals(List.of("2024-01-02|1704153600000|1.5"), rows("sep=;\ndate;close\n2024-01-02;1.5\n", CLOSE));
        assertEquals(List.of("2024-01-02|1704153600000|1.5"),
                rows("\uFEFFSEP=|\r\n\r\ndate|close\r\n2024-01-02|1.5\r\n", CLOSE), "a BOM, any case, CRLF");
        assertEquals(List.of("2024-01-02|1704153600000|1.5"), rows("sep=,\ndate,close\n2024-01-02,1.5\n",
                CLOSE.withDelimiter(',')), "an explicit delimiter that agrees");
        try (CsvReader r = reader("sep=;\ndate;close\n2024-01-02;1.5\n", CLOSE)) {
            assertEquals(List.of("date", "close"), r.columns());
            assertTrue(r.next());
            assertEquals(3, r.row(), "rows are the file's lines");
        }
        assertEquals("t.csv: row 1: the file says its delimiter is ';' (sep=), but --delimiter is ','",
                error("sep=;\ndate;close\n", CLOSE.withDelimiter(',')).getMessage());
        assertEquals("t.csv: row 1: the file has a sep= line and no header row after it", error("sep=;\n", CLOSE).getMessage());
        assertEquals(List.of("sep"), reader("sep\n1\n", CsvOptions.defaults()).columns(), "only sep=X is the line");
    }

    /** yfinance's intraday index is "Datetime"; some exports write "Date/Time". */
    @Test
    void datetimeIsATimeColumn() {
        for (String header : new String[] {"Datetime", "Date/Time", "date_time"}) {
            try (CsvReader r = reader(header + ",close\n2024-01-02 09:30:00-05:00,1.5\n", CLOSE)) {
                assertTrue(r.hasTime(), header);
                assertTrue(r.next());
                assertEquals(1704205800000L, r.time(), header);
            }
        }
        assertThrows(DataFormatException.class, () -> rows("Datetime,close\n2024-01-03,1\n2024-01-02,2\n", CLOSE),
                "a newest-first export is refused, not computed in reverse");
    }

    @Test
    void aWrongDelimiterNeverYieldsAColumnNamedLikeTheWholeHeader() {
        CsvOptions comma = CLOSE.withDelimiter(',');
        assertEquals("t.csv: row 1: the column name 'date;close' contains ';', but the delimiter is ','; is the delimiter ';'? "
                + "(set it with --delimiter)", error("date;close\n2020-01-01;1\n", comma).getMessage());
        assertEquals(List.of("2020-01-01|" + day("2020-01-01") + "|1.0"), rows("date;close\n2020-01-01;1\n", CLOSE.withDelimiter(';')));
        assertEquals("t.csv: row 2, column 'close': '1,5' is not a number (the decimal mark is '.')",
                error("date;close\n2020-01-01;1,5\n", CLOSE).getMessage());
    }

    @Test
    void rowNumbersAreTheFilesLineNumbersWhateverBlankLinesAndEndings() {
        String csv = "\uFEFF\r\ndate,close\r\n\r\n2020-01-01,1\r\n   \r\n\t\r\n2020-01-02,x\r\n";
        DataFormatException e = error(csv, CLOSE);
        assertEquals("t.csv: row 7, column 'close': 'x' is not a number (a decimal such as -12.5 or 1.5e-3; empty, NaN or NA for a missing "
                + "value)", e.getMessage());
        try (CsvReader r = reader("\uFEFFdate,close\r\n\n2020-01-01,1\r\n2020-01-02,2", CLOSE)) {
            assertEquals(List.of("date", "close"), r.columns(), "the byte order mark is not part of the first name");
            assertTrue(r.next());
            assertEquals(3, r.row());
            assertEquals("2020-01-01", r.label(), "no carriage return left in the last cell");
            assertTrue(r.next());
            assertEquals(4, r.row(), "a last line without a line ending is read");
            assertEquals(2.0, r.value(0));
            assertFalse(r.next());
            assertEquals(2, r.rows());
        }
        assertEquals("t.csv: rows of symbol B must be in time order, but row 6 (2020-01-01) is not after row 4 (2020-01-02)",
                error("date,sym,close\n2020-01-01,B,1\n\n2020-01-02,B,1\n2020-01-01,A,1\n2020-01-01,B,1\n",
                        CLOSE.withSymbolColumn("sym")).getMessage());
        assertEquals("t.csv: rows must be in time order, but row 4 (2020-01-02) is not after row 2 (2020-01-02)",
                error("date,close\n2020-01-02,1\n\n2020-01-02,2\n", CLOSE).getMessage());
        assertEquals("t.csv: rows must be in time order, but row 3 (1700000000000999) is not after row 2 (1700000000000001) at "
                + "millisecond resolution", error("time,close\n1700000000000001,1\n1700000000000999,2\n", CLOSE).getMessage());
    }

    @Test
    void invalidUtf8IsAnErrorWithRowAndColumnWhereverItIs() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("date,name,close\n2020-01-01,Soci".getBytes(StandardCharsets.UTF_8));
        b.write(0xE9);
        b.writeBytes("t\u00e9,1\n".getBytes(StandardCharsets.UTF_8));
        byte[] latin1 = b.toByteArray();
        DataFormatException e = assertThrows(DataFormatException.class, () -> {
            try (CsvReader r = CsvReader.open(new ByteArrayInputStream(latin1), "t.csv", CLOSE)) {
                r.next();
            }
        });
        assertEquals("t.csv: row 2, column 'name': invalid UTF-8 (byte 0xE9); the file must be UTF-8: 'Soci\\xE9t\u00e9'", e.getMessage());
        assertEquals("name", e.column().orElseThrow());
        byte[] utf16 = "date,close\n".getBytes(StandardCharsets.UTF_16);
        assertEquals("t.csv: the file is UTF-16; ta reads UTF-8 (convert it, e.g. with iconv)",
                assertThrows(DataFormatException.class, () -> CsvReader.open(new ByteArrayInputStream(utf16), "t.csv", CLOSE)).getMessage());
        for (String utf32 : new String[] {"UTF-32BE", "UTF-32LE"}) {
            byte[] bytes = "\uFEFFdate,close\n".getBytes(java.nio.charset.Charset.forName(utf32));
            ByteArrayInputStream in = new ByteArrayInputStream(bytes);
            assertEquals("t.csv: the file is UTF-32; ta reads UTF-8 (convert it, e.g. with iconv)",
                    assertThrows(DataFormatException.class, () -> CsvReader.open(in, "t.csv", CLOSE)).getMessage(), utf32);
        }
        assertEquals(List.of("2020-01-01|" + day("2020-01-01") + "|Zürich|1.0"),
                rows("date,sym,close\n2020-01-01,Zürich,1\n", CLOSE.withSymbolColumn("SYM")));
    }

    @Test
    void theValidatorAgreesWithTheJdkDecoder() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F, 0x90};
        for (int i = 0; i < 200_000; i++) {
            byte[] b = new byte[r.nextInt(1, 7)];
            for (int k = 0; k < b.length; k++) {
                b[k] = (byte) (r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : r.nextInt(256));
            }
            boolean jdk;
            try {
                StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
                jdk = true;
            } catch (java.nio.charset.CharacterCodingException e) {
                jdk = false;
            }
            assertEquals(jdk, CsvReader.invalidUtf8(b, 0, b.length) < 0, java.util.HexFormat.of().formatHex(b));
        }
    }

    @Test
    void quotedCells() {
        String csv = "date,\"na,me\",close\n\"2020-01-01\", \"x \"\"y\"\", z\" ,\"1.5\"\n";
        try (CsvReader r = reader(csv, CLOSE)) {
            assertEquals(List.of("date", "na_me", "close"), r.columns());
            assertTrue(r.next());
            assertEquals("2020-01-01", r.label());
            assertEquals(1.5, r.value(0));
        }
        assertEquals("t.csv: row 2, column 'close': a quote opened in this cell is not closed on the same line",
                error("date,close\n2020-01-01,\"1\n", CLOSE).getMessage());
        assertEquals("t.csv: row 2, column 'date': unexpected text after the closing quote",
                error("date,close\n\"2020-01-01\"x,1\n", CLOSE).getMessage());
    }

    /** Spreadsheets write {@code " 101.5 "} and {@code "101.5" }: spaces inside the quotes are trimmed as outside. */
    @Test
    void spacesInsideAndAroundQuotesAreTrimmed() {
        CsvOptions options = CLOSE.withSymbolColumn("sym");
        String csv = "date,sym,close\n\" 2020-01-01 \",\" X \",\" 101.5 \"\n\"2020-01-02\" ,\"X\" , \"102.5\"  \n"
                + "\"\t2020-01-03\",X,\"  \"\n";
        List<String> expected = List.of("2020-01-01|" + day("2020-01-01") + "|X|101.5", "2020-01-02|" + day("2020-01-02") + "|X|102.5",
                "2020-01-03|" + day("2020-01-03") + "|X|NaN");
        assertEquals(expected, rows(csv, options));
        CsvBars t = CsvBars.read(bytes(csv), "t.csv", options);
        assertEquals(101.5, t.value(0, 0));
        assertEquals(102.5, t.value(0, 1));
        assertEquals(List.of("X"), t.symbols(), "' X ' and 'X' are one symbol");
        assertEquals("2020-01-01", t.label(0));
        DataFormatException e = error("date,close\n2020-01-01,\" 1 2 \"\n", CLOSE);
        assertEquals("t.csv: row 2, column 'close': '1 2' is not a number (a decimal such as -12.5 or 1.5e-3; empty, NaN or NA "
                + "for a missing value)", e.getMessage());
        assertEquals(2, e.row());
    }

    @Test
    void shapeErrors() {
        assertEquals("t.csv: row 2 has 3 cells, the header has 2", error("date,close\n2020-01-01,1,2\n", CLOSE).getMessage());
        assertEquals("t.csv: row 3 has 1 cell, the header has 2", error("date,close\n2020-01-01,1\n2020-01-02\n", CLOSE).getMessage());
        assertEquals("t.csv: the file is empty; expected a header row", error("", CLOSE).getMessage());
        assertEquals("t.csv: the file is empty; expected a header row", error("\n \n", CLOSE).getMessage());
        assertEquals(0, CsvBars.read(bytes("date,close\n"), "t.csv", CLOSE).rows());
        assertEquals("t.csv: row 1: the file uses CR line endings (classic Mac OS); convert them to LF or CRLF",
                error("date,close\r2020-01-01,1\r", CLOSE).getMessage());
        assertEquals("t.csv: row 2, column 'date': the time is empty", error("date,close\n,1\n", CLOSE).getMessage());
        assertEquals("t.csv: row 2, column 'sym': the symbol is empty", error("date,sym,close\n2020-01-01,,1\n",
                CLOSE.withSymbolColumn("sym")).getMessage());
        String longLine = "close\n" + "1".repeat(CsvReader.MAX_LINE_BYTES + 1) + "\n";
        assertEquals("t.csv: row 2 is longer than 8 MiB; is this a CSV file?", error(longLine, CLOSE).getMessage());
    }

    @Test
    void columnSelection() {
        UnknownNameException u = assertThrows(UnknownNameException.class, () -> reader("date,close\n", CsvOptions.defaults()
                .withColumns(List.of("clsoe"))));
        assertEquals("t.csv has no column 'clsoe' (did you mean close?); columns: date, close", u.getMessage());
        assertEquals("t.csv: 'Date' is the time column, not a numeric column",
                assertThrows(DataFormatException.class, () -> reader("Date,close\n", CsvOptions.defaults().withColumns(List.of("date"))))
                        .getMessage());
        assertEquals("t.csv: column 'close' appears twice in the header (columns 2 and 3)",
                error("date,close,close\n", CLOSE).getMessage());
        assertEquals(List.of("2020-01-01|" + day("2020-01-01") + "|1.0"), rows("date,close,x,x\n2020-01-01,1,a,b\n", CLOSE),
                "a repeated name matters only when it is read");
        assertEquals("t.csv has no column 'sym' for the symbols; columns: date, close",
                assertThrows(UnknownNameException.class, () -> reader("date,close\n", CLOSE.withSymbolColumn("sym"))).getMessage());
        assertEquals("t.csv: 'date' is the time column; it cannot also name the symbols",
                assertThrows(DataFormatException.class, () -> reader("date,close\n", CLOSE.withSymbolColumn("date"))).getMessage());
        try (CsvReader r = reader("Timestamp,SYM,Open,,Close\n", CsvOptions.defaults().withSymbolColumn("sym"))) {
            assertEquals(List.of("open", "close"), r.selected(), "by default every named numeric column");
            assertEquals("Timestamp", r.timeColumn());
            assertEquals("SYM", r.symbolColumn());
        }
    }

    @Test
    void headerNamesBecomeNamesExpressionsCanUse() {
        assertEquals("adj_close", CsvReader.name("Adj Close"));
        assertEquals("adj_close", CsvReader.name(" Adj  Close** "));
        assertEquals("close", CsvReader.name("Close*"));
        assertEquals("k", CsvReader.name("%K"));
        assertEquals("_x", CsvReader.name("_x"), "an underscore the header wrote is kept");
        assertEquals("prix_é", CsvReader.name("Prix-É"));
        assertEquals("vol_24h", CsvReader.name("Vol (24h)"));
        assertEquals("", CsvReader.name("#"));
        assertEquals("csv: no column name given (null)", assertThrows(DataFormatException.class, () -> CsvReader.name(null)).getMessage());
        try (CsvReader r = reader("Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,1,2,0.5,1.5,1.25,100\n",
                CsvOptions.defaults())) {
            assertEquals(List.of("open", "high", "low", "close", "adj_close", "volume"), r.selected());
            assertTrue(r.next());
            assertEquals(1.25, r.value(4));
        }
        assertEquals("t.csv: column 'Adj-Close' appears twice in the header (columns 2 and 3)",
                error("date,Adj Close,Adj-Close\n", CsvOptions.defaults().withColumns(List.of("adj_close"))).getMessage(),
                "names that normalise alike are one name");
    }

    @Test
    void aRepeatedTimeIsRefusedUnlessAskedForAndNeverGoesBack() {
        String text = "date,close\n2020-01-01,1\n2020-01-02,2\n2020-01-02,2.5\n2020-01-03,3\n";
        assertEquals("t.csv: rows must be in time order, but row 4 (2020-01-02) is not after row 3 (2020-01-02)",
                error(text, CLOSE).getMessage());
        List<Boolean> repeats = new ArrayList<>();
        try (CsvReader r = reader(text, CLOSE.withRepeatedTimes(true))) {
            while (r.next()) {
                repeats.add(r.repeatsTime());
            }
        }
        assertEquals(List.of(false, false, true, false), repeats);
        assertEquals("t.csv: rows must be in time order, but row 4 (2020-01-01) is not after row 3 (2020-01-02)",
                error("date,close\n2020-01-01,1\n2020-01-02,2\n2020-01-01,2.5\n", CLOSE.withRepeatedTimes(true)).getMessage());
        try (CsvReader r = reader("date,s,close\n2020-01-01,a,1\n2020-01-01,b,1\n2020-01-01,a,2\n",
                CLOSE.withSymbolColumn("s").withRepeatedTimes(true))) {
            assertTrue(r.next());
            assertTrue(r.next());
            assertFalse(r.repeatsTime(), "another symbol's first row at the same time is no repeat");
            assertTrue(r.next());
            assertTrue(r.repeatsTime());
        }
    }

    @Test
    void afterAnErrorInOneRowTheReaderGoesOnWithTheNext() {
        try (CsvReader r = reader("date,close\n2020-01-01,1\n2020-01-02,x\n2020-01-02,2\n2020-01-01,9\n2020-01-03,1,2\n"
                + "2020-01-04,4\n", CLOSE)) {
            assertTrue(r.next());
            DataFormatException bad = assertThrows(DataFormatException.class, r::next);
            assertEquals(3, bad.row());
            assertTrue(r.resumable());
            assertTrue(r.next(), "the row after a bad cell");
            assertEquals(4, r.row());
            assertEquals(2.0, r.value(0));
            assertEquals(5, assertThrows(DataFormatException.class, r::next).row(), "out of order");
            assertEquals(6, assertThrows(DataFormatException.class, r::next).row(), "too many cells");
            assertTrue(r.next());
            assertEquals(7, r.row());
            assertEquals(day("2020-01-04"), r.time());
            assertFalse(r.next());
        }
        String longLine = "close\n" + "1".repeat(CsvReader.MAX_LINE_BYTES + 1) + "\n2\n";
        try (CsvReader r = reader(longLine, CLOSE)) {
            assertThrows(DataFormatException.class, r::next);
            assertFalse(r.resumable());
            assertEquals("t.csv: cannot go on reading after row 1 (the input could not be read or a line was too long)",
                    assertThrows(DataFormatException.class, r::next).getMessage());
        }
    }

    @Test
    void withoutATimeColumnTheFirstColumnLabelsTheRows() {
        try (CsvReader r = reader("index,dax\n1,1628.75\n", CsvOptions.defaults())) {
            assertFalse(r.hasTime());
            assertEquals("index", r.labelColumn());
            assertNull(r.timeColumn());
            assertTrue(r.next());
            assertEquals("1", r.label());
            assertEquals(List.of("index", "dax"), r.selected());
        }
    }

    @Test
    void ioErrorsAreTyped(@TempDir Path dir) {
        Path missing = dir.resolve("missing.csv");
        assertEquals(missing + ": no such file", assertThrows(DataFormatException.class, () -> CsvReader.open(missing, CLOSE)).getMessage());
        assertEquals(dir + ": is a directory, not a CSV file", assertThrows(DataFormatException.class, () -> CsvReader.open(dir, CLOSE))
                .getMessage());
        assertEquals("csv: no file given (null)", assertThrows(DataFormatException.class, () -> CsvReader.open((Path) null, CLOSE)).getMessage());
        InputStream failing = new InputStream() {
            int n;

            @Override
            public int read() throws java.io.IOException {
                if (n < 12) {
                    return "date,close\n2".charAt(n++);
                }
                throw new java.io.IOException("device gone");
            }
        };
        assertEquals("t.csv: cannot read row 2 (device gone)", assertThrows(DataFormatException.class, () -> {
            try (CsvReader r = CsvReader.open(failing, "t.csv", CLOSE)) {
                r.next();
            }
        }).getMessage());
    }

    @Test
    void labelsAreKeptOnlyWhenTheTimeCannotWriteThemBack() {
        String[][] cases = {
            {"2020-01-01", "2020-01-02", "2020-01-03"},
            {"2020-01-01T10:00:00Z", "2020-01-01T10:01:00Z", "2020-01-01T10:02:00Z"},
            {"2020-01-01 10:00:00.000", "2020-01-01 10:00:00.250", "2020-01-01 10:00:01.000"},
            {"1700000000", "1700000060", "1700000120"},
            {"1700000000000", "1700000000001", "1700000000002"}};
        for (String[] times : cases) {
            CsvBars t = CsvBars.read(bytes("time,close\n" + String.join(",1\n", times) + ",1\n"), "t.csv", CLOSE);
            assertFalse(t.keepsLabelText(), times[0]);
            for (int i = 0; i < times.length; i++) {
                assertEquals(times[i], t.label(i));
            }
        }
        String[] mixed = {"2020-01-01", "2020-01-02T00:00:00Z", "2020-01-03T01:00+01:00", "1578009600001", "2020-01-04", "\"2020-01-05\""};
        CsvBars t = CsvBars.read(bytes("date,close\n" + String.join(",1\n", mixed) + ",1\n"), "t.csv", CLOSE);
        assertTrue(t.keepsLabelText());
        assertEquals(List.of("2020-01-01", "2020-01-02T00:00:00Z", "2020-01-03T01:00+01:00", "1578009600001", "2020-01-04", "2020-01-05"),
                java.util.stream.IntStream.range(0, t.rows()).mapToObj(t::label).toList());
        assertEquals(day("2020-01-03"), t.time(2));
    }

    @Test
    void columnarLoadGivesBarsPerSymbol() {
        String csv = "date,sym,close,volume\n2020-01-01,A,1,10\n2020-01-01,B,2,20\n2020-01-02,A,3,\n2020-01-03,A,NaN,40\n";
        CsvBars t = CsvBars.read(bytes(csv), "t.csv", CsvOptions.defaults().withSymbolColumn("sym"));
        assertEquals(4, t.rows());
        assertEquals(List.of("A", "B"), t.symbols());
        assertEquals(List.of("close", "volume"), t.columns());
        int[][] rows = t.rowsBySymbol();
        assertArrayEquals(new int[] {0, 2, 3}, rows[0]);
        assertArrayEquals(new int[] {1}, rows[1]);
        Bars a = t.bars(rows[0]);
        assertArrayEquals(new double[] {1, 3, Double.NaN}, a.column("close"));
        assertArrayEquals(new double[] {10, Double.NaN, 40}, a.column("volume"));
        assertArrayEquals(new long[] {day("2020-01-01"), day("2020-01-02"), day("2020-01-03")}, a.times());
        assertEquals("t.csv: the rows belong to 2 symbols; take one symbol's rows at a time (bars(rowsBySymbol()[id]))",
                assertThrows(DataFormatException.class, t::bars).getMessage());
        Bars one = CsvBars.read(bytes("date,close\n2020-01-01,1\n2020-01-02,2\n"), "t.csv", CLOSE).bars();
        assertArrayEquals(new double[] {1, 2}, one.column("close"));
    }

    @Test
    void manyRowsCrossChunkBoundaries() {
        int n = Chunks.SIZE * 2 + 7;
        StringBuilder sb = new StringBuilder("time,close\n");
        for (int i = 0; i < n; i++) {
            sb.append(1_700_000_000_000L + i).append(',').append(i * 0.5).append('\n');
        }
        CsvBars t = CsvBars.read(bytes(sb.toString()), "t.csv", CLOSE);
        assertEquals(n, t.rows());
        for (int i = 0; i < n; i += 997) {
            assertEquals(i * 0.5, t.value(0, i));
            assertEquals(1_700_000_000_000L + i, t.time(i));
            assertEquals(Long.toString(1_700_000_000_000L + i), t.label(i));
        }
    }

    @Test
    void aFileOnDisk(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.csv");
        Files.writeString(f, "date,close\n2020-01-01,1\n");
        assertEquals(1, CsvBars.read(f, CLOSE).rows());
    }
}
