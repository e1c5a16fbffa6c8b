package io.ta.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.csv.CsvBars;
import io.ta.runtime.csv.CsvOptions;
import io.ta.runtime.PlanResult;
import io.ta.runtime.Plan;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The `ta` command, run in-process on the shipped data. The working directory is the repository root. */
class CliTest {
    static final String TTRC = "golden/data/ttrc-daily.csv";
    static final String EU = "golden/data/eu-stock-closes.csv";

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static final String[] EXPRS = {
        "--expr", "rsi=rsi(close, 14)",
        "--expr", "macd_signal=macd(close, 12, 26, 9).signal",
        "--expr", "spread=(high - low) / close * 100",
        "--expr", "buy=rsi(close, 14) < 30 and close > sma(close, 200)",
        "--expr", "fast=ema(20) > sma(50)"};

    static String[] args(String command, String csv, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of(command, "--csv", csv));
        a.addAll(List.of(EXPRS));
        a.addAll(List.of(more));
        return a.toArray(new String[0]);
    }

    @Test
    void evalPrintsTheLibrarysBatchResultsExactly() {
        Run r = run(args("eval", TTRC));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("date,rsi,macd_signal,spread,buy,fast", lines.get(0));
        assertEquals(5551, lines.size());
        CsvBars table = CsvBars.read(Path.of(TTRC), CsvOptions.defaults());
        Map<String, String> exprs = new LinkedHashMap<>();
        for (int i = 1; i < EXPRS.length; i += 2) {
            String[] kv = EXPRS[i].split("=", 2);
            exprs.put(kv[0], kv[1]);
        }
        PlanResult lib = Plan.compile(exprs, Registry.standard()).run(table.bars());
        List<String> names = List.copyOf(exprs.keySet());
        for (int t = 0; t < 5550; t++) {
            String[] cells = lines.get(t + 1).split(",", -1);
            assertEquals(table.label(t), cells[0]);
            for (int k = 0; k < names.size(); k++) {
                double expected = lib.get(names.get(k)).get(t);
                double got = cells[k + 1].isEmpty() ? Double.NaN : Double.parseDouble(cells[k + 1]);
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(got), names.get(k) + " at row " + t);
            }
        }
        assertTrue(lines.get(300).matches("1986-.*,[01],[01]"), "conditions print as 1/0: " + lines.get(300));
    }

    @Test
    void streamEqualsEvalByteForByte() {
        Run eval = run(args("eval", TTRC));
        Run stream = run(args("stream", TTRC));
        assertEquals(0, stream.code(), stream.err());
        assertEquals(eval.out(), stream.out());
        String[] eu = {"--csv", EU, "--expr", "d=rsi(dax, 9) - rsi(ftse, 9)", "--expr", "up=rising(dax)"};
        Run e2 = run(concat("eval", eu));
        assertEquals(0, e2.code(), e2.err());
        assertEquals(e2.out(), run(concat("stream", eu)).out());
        assertTrue(e2.out().startsWith("index,d,up\n1,,0\n"), "without a time column an index column labels the rows");
    }

    @Test
    void outWritesAFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("o.csv");
        Run r = run(args("eval", TTRC, "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(run(args("eval", TTRC)).out(), Files.readString(out));
    }

    @Test
    void chartIsAValidNonBlankPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("c.png");
        Run r = run(args("eval", TTRC, "--chart", png.toString(), "--chart-size", "900x700"));
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(900, img.getWidth());
        assertEquals(700, img.getHeight());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "the chart has content, not a blank canvas: " + colours.size() + " colours");
        Path line = dir.resolve("l.png");
        assertEquals(0, run("eval", "--csv", EU, "--expr", "s=sma(dax, 30)", "--chart", line.toString()).code());
        assertEquals(1200, ImageIO.read(line.toFile()).getWidth());
    }

    @Test
    void perSymbolEvaluationMatchesEachSymbolAlone(@TempDir Path dir) throws Exception {
        List<String> ttrc = Files.readAllLines(Path.of(TTRC));
        StringBuilder sb = new StringBuilder("date,symbol,open,high,low,close,volume\n");
        for (int i = 1; i <= 400; i++) {
            String[] c = ttrc.get(i).split(",", 2);
            sb.append(c[0]).append(",AAA,").append(c[1]).append('\n');
            String[] d = ttrc.get(i + 1000).split(",", 2);
            sb.append(c[0]).append(",BBB,").append(d[1]).append('\n');
        }
        Path multi = dir.resolve("multi.csv");
        Files.writeString(multi, sb);
        Run r = run("eval", "--csv", multi.toString(), "--symbol-col", "symbol", "--expr", "r=rsi(close, 14)");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("date,symbol,r", lines.get(0));
        CsvBars t = CsvBars.read(multi, CsvOptions.defaults().withSymbolColumn("symbol"));
        assertEquals(List.of("AAA", "BBB"), t.symbols());
        double[] aaa = Plan.compile("rsi(close, 14)").run(t.bars(t.rowsBySymbol()[0])).value().toArray();
        double[] bbb = Plan.compile("rsi(close, 14)").run(t.bars(t.rowsBySymbol()[1])).value().toArray();
        for (int i = 0; i < 400; i++) {
            assertEquals(Evaluation.format(aaa[i], false), lines.get(1 + 2 * i).split(",", -1)[2]);
            assertEquals(Evaluation.format(bbb[i], false), lines.get(2 + 2 * i).split(",", -1)[2]);
        }
        assertEquals(r.out(), run("stream", "--csv", multi.toString(), "--symbol-col", "symbol", "--expr", "r=rsi(close, 14)").out());
    }

    static void error(int code, String message, String... args) {
        Run r = run(args);
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().contains(message), "stderr was: " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void everyErrorHasItsExitCodeAndMessage(@TempDir Path dir) throws Exception {
        // usage and expression errors: 2
        error(2, "Missing required option: '--expr=NAME=EXPR'", "eval", "--csv", TTRC);
        error(2, "missing command", new String[0]);
        error(2, "Unknown option: '--frobnicate'", "eval", "--csv", TTRC, "--expr", "a=close", "--frobnicate");
        error(2, "line 1, column 14: expected ',' or ')' in the call of rsi (opened at column 4), found end of input\nrsi(close, 14\n             ^",
                "eval", "--csv", TTRC, "--expr", "r=rsi(close, 14");
        error(2, "unknown kernel 'rsii' (did you mean rsi?)", "eval", "--csv", TTRC, "--expr", "r=rsii(close, 14)");
        error(2, "rsi: period must be in [2, 100000], got 1", "eval", "--csv", TTRC, "--expr", "r=rsi(close, 1)");
        error(2, "--expr takes NAME=EXPR", "eval", "--csv", TTRC, "--expr", "rsi(close, 14)");
        error(2, "--expr name 'a' is used twice", "eval", "--csv", TTRC, "--expr", "a=close", "--expr", "a=open");
        error(2, "--chart-size takes WxH", "eval", "--csv", TTRC, "--expr", "a=close", "--chart", "x.png", "--chart-size", "big");
        for (String size : new String[] {"1200x800x", "1200x800xx", "x1200x800"}) {
            error(2, "--chart-size takes WxH", "eval", "--csv", TTRC, "--expr", "a=close", "--chart", "x.png",
                    "--chart-size", size);
        }
        error(2, "unknown kernel 'nosuch'", "describe", "nosuch");
        // data errors: 3
        error(3, "nope.csv: no such file", "eval", "--csv", "nope.csv", "--expr", "a=close");
        error(3, "expression 'r' (rsi(close, 14)) needs column 'close', which golden/data/eu-stock-closes.csv does not have;"
                + " columns: index, dax, smi, cac, ftse", "eval", "--csv", EU, "--expr", "r=rsi(close, 14)");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "date,close\n2020-01-01,1\n2020-01-02,abc\n");
        error(3, "row 3, column 'close': 'abc' is not a number", "eval", "--csv", bad.toString(), "--expr", "a=close");
        Files.writeString(bad, "date,close\n2020-01-02,1\n2020-01-01,2\n");
        error(3, "rows must be in time order, but row 3 (2020-01-01) is not after row 2 (2020-01-02)", "eval", "--csv", bad.toString(),
                "--expr", "a=close");
        error(3, "rows must be in time order", "stream", "--csv", bad.toString(), "--expr", "a=close");
        Files.writeString(bad, "date,close\n2020-13-01,1\n");
        error(3, "row 2, column 'date': '2020-13-01' is not a valid date", "eval", "--csv",
                bad.toString(), "--expr", "a=close");
        Files.writeString(bad, "date,close\n2020-01-01,1,2\n");
        error(3, "row 2 has 3 cells, the header has 2", "eval", "--csv", bad.toString(), "--expr", "a=close");
        Files.writeString(bad, "");
        error(3, "the file is empty", "eval", "--csv", bad.toString(), "--expr", "a=close");
    }

    @Test
    void anEmptyPathIsAUsageErrorNamingItsOption(@TempDir Path dir) {
        // Path.of("") is the current directory: its jars were loaded as kernels, its files read as sources.
        String[] eval = {"eval", "--csv", TTRC, "--expr", "a=close"};
        String out = dir.resolve("demo").toString();
        Map<String, String[]> paths = new LinkedHashMap<>();
        paths.put("--kernels", concat(eval, "--kernels="));
        paths.put("--out", concat(eval, "--out="));
        paths.put("--chart", concat(eval, "--chart="));
        paths.put("--html", concat(eval, "--html="));
        paths.put("--data", new String[] {"demo", "--data=", "--out-dir", out});
        paths.put("--out-dir", new String[] {"demo", "--out-dir="});
        paths.forEach((option, args) -> {
            Run r = run(args);
            assertEquals(2, r.code(), option + ": " + r.err());
            assertTrue(r.err().matches("ta: Invalid value for option '" + option + "'( \\([A-Z]+\\))?: the path is empty\n"
                    + "Try 'ta " + args[0] + " --help'.\n"), r.err());
        });
        error(2, "Invalid value for option '--kernels' (PATH): the path is empty", "list", "--kernels=");
        error(2, "--sources: the path is empty", concat(eval, "--sources="));
        error(2, "--sources: the path is empty", "stream", "--csv", TTRC, "--expr", "a=close", "--sources", "");
        error(2, "--csv: the path is empty", "eval", "--csv=", "--expr", "a=close");
    }

    private static String[] concat(String[] args, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    @Test
    void timesAcceptIsoDatesDateTimesAndEpochMillis(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "Timestamp,Close\n1700000000000,1\n2023-11-14T22:13:21Z,2\n2023-11-14T22:13:22,3\n2023-11-15,4\n");
        Run r = run("eval", "--csv", f.toString(), "--expr", "s=sma(close, 2)");
        assertEquals(0, r.code(), r.err());
        assertEquals("Timestamp,s\n1700000000000,\n2023-11-14T22:13:21Z,1.5\n2023-11-14T22:13:22,2.5\n2023-11-15,3.5\n", r.out(),
                "the first output column is the time column as the input names it");
    }

    @Test
    void listAndDescribeReadTheRegistry() {
        Run list = run("list");
        assertEquals(0, list.code());
        assertTrue(list.out().contains("rsi "));
        assertTrue(list.out().contains(Registry.standard().kernels().size() + " kernels"));
        Run d = run("describe", "willr");
        assertEquals(0, d.code());
        assertTrue(d.out().startsWith("williams_r — "));
        assertTrue(d.out().contains("lookback: period - 1  (13 at defaults)"), d.out());
        assertTrue(d.out().contains("reference: TA-Lib WILLR"), d.out());
    }

    @Test
    void demoWritesTheCsvAndTheChart(@TempDir Path dir) throws Exception {
        Run r = run("demo", "--out-dir", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("ta demo: 5550 bars of ttrc-daily.csv (1985-01-02 .. 2006-12-29)"), r.out());
        assertTrue(r.out().contains("  buy          199 (1985-10-16)  rsi(close, 14) < 30 and close > sma(close, 200)\n"), r.out());
        assertTrue(r.out().contains("  macd_signal  33 (1985-02-19)   macd(close, 12, 26, 9).signal\n"), "columns stay aligned: " + r.out());
        assertEquals(5551, Files.readAllLines(dir.resolve("indicators.csv")).size());
        assertTrue(Files.readString(dir.resolve("report.html")).startsWith("<!DOCTYPE html>"));
        BufferedImage img = ImageIO.read(dir.resolve("chart.png").toFile());
        assertEquals(1400, img.getWidth());
        Bars bars = CsvBars.read(Path.of(TTRC), CsvOptions.defaults()).bars();
        assertArrayEquals(Plan.compile("sma(close, 50)").run(bars).value().toArray(),
                Files.readAllLines(dir.resolve("indicators.csv")).stream().skip(1)
                        .mapToDouble(l -> l.split(",", -1)[1].isEmpty() ? Double.NaN : Double.parseDouble(l.split(",", -1)[1])).toArray());
    }

    static Run runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run runTo(java.io.OutputStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, out, err);
        return new Run(code, "", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void evalReadsStandardInputLikeStream() throws Exception {
        String csv = Files.readString(Path.of(TTRC));
        Run eval = runWithInput(csv, args("eval", "-"));
        assertEquals(0, eval.code(), eval.err());
        assertEquals(run(args("eval", TTRC)).out(), eval.out());
        assertEquals(eval.out(), runWithInput(csv, args("stream", "-")).out());
        Run bad = runWithInput("date,close\n2020-01-01,x\n", "eval", "--csv", "-", "--expr", "a=close");
        assertEquals(3, bad.code());
        assertEquals("ta: standard input: row 2, column 'close': 'x' is not a number (a decimal such as -12.5 or 1.5e-3; empty, NaN or NA "
                + "for a missing value)\n", bad.err());
    }

    @Test
    void standardInputIsLeftOpen() {
        // The process's standard input belongs to the caller: closing it may close a file the JVM itself reads.
        for (String command : new String[] {"eval", "stream"}) {
            boolean[] closed = {false};
            byte[] csv = "date,close\n2020-01-01,1\n".getBytes(StandardCharsets.UTF_8);
            java.io.InputStream in = new java.io.ByteArrayInputStream(csv) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new String[] {command, "--csv", "-", "--expr", "a=close"}, in,
                    new ByteArrayOutputStream(), err);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertFalse(closed[0], command);
        }
    }

    @Test
    void outputColumnsThatCollideAreUsageErrorsNamingBoth() {
        error(2, "--expr name 'sym' is used twice in the output header: it collides with the --symbol-col column 'sym' (names are "
                + "compared ignoring case); rename the expression", "eval", "--csv", TTRC, "--symbol-col", "sym", "--expr", "sym=close*2");
        error(2, "--expr name 'SYM' is used twice in the output header: it collides with the --symbol-col column 'sym'",
                "stream", "--csv", TTRC, "--symbol-col", "sym", "--expr", "SYM=close*2");
        error(2, "--expr name 'Date' is used twice in the output header: it collides with the first output column 'date'",
                "eval", "--csv", TTRC, "--expr", "Date=close");
        error(2, "--expr name 'A' is used twice in the output header: it collides with --expr name 'a'",
                "eval", "--csv", TTRC, "--expr", "a=close", "--expr", "A=open");
    }

    @Test
    void theSymbolColumnIsOneHeaderCellAndCollidesByItsName(@TempDir Path dir) throws Exception {
        Path quoted = dir.resolve("quoted.csv");
        Files.writeString(quoted, "date,\"Sym, bol\",close\n2024-01-01,A,1\n2024-01-01,B,2\n");
        Path dot = dir.resolve("dot.csv");
        Files.writeString(dot, "date,Sym.,close\n2024-01-01,A,1\n");
        for (String command : new String[] {"eval", "stream"}) {
            Run r = run(command, "--csv", quoted.toString(), "--symbol-col", "sym_bol", "--expr", "x=close");
            assertEquals(0, r.code(), r.err());
            assertEquals("date,\"Sym, bol\",x\n2024-01-01,A,1.0\n2024-01-01,B,2.0\n", r.out(), "one header cell per row cell");
            // --symbol-col sym finds the column Sym. (names follow the header rules); the output header says Sym.
            error(2, "--expr name 'sym.' is used twice in the output header: it collides with the symbol column 'Sym.'", command,
                    "--csv", dot.toString(), "--symbol-col", "sym", "--expr", "sym.=close");
        }
    }

    /** An output stream that fails like a full disk or a closed pipe once {@code budget} bytes are written. */
    static java.io.OutputStream failingAfter(int budget, String message) {
        return new java.io.OutputStream() {
            int left = budget;

            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                left -= len;
                if (left < 0) {
                    throw new java.io.IOException(message);
                }
            }
        };
    }

    @Test
    void aFailedWriteExits4AndAClosedPipeExits141Silently() {
        for (String command : new String[] {"eval", "stream"}) {
            Run full = runTo(failingAfter(0, "No space left on device"), args(command, TTRC));
            assertEquals(4, full.code(), command);
            assertEquals("ta: cannot write standard output: No space left on device\n", full.err(), command);
            Run late = runTo(failingAfter(100_000, "No space left on device"), args(command, TTRC));
            assertEquals(4, late.code(), command + ": a failure after some output is still a failure");
            Run pipe = runTo(failingAfter(100, "Broken pipe"), args(command, TTRC));
            assertEquals(141, pipe.code(), command);
            assertEquals("", pipe.err(), command);
        }
        assertEquals(4, runTo(failingAfter(0, "No space left on device"), "list").code(), "list checks its output too");
        Run listPipe = runTo(failingAfter(10, "Broken pipe"), "list");
        assertEquals(141, listPipe.code());
        assertEquals("", listPipe.err());
    }

    @Test
    void unwritableFilesExit4(@TempDir Path dir) {
        // The JDK's message of a missing folder is the path alone: "cannot write x: x" said nothing of why.
        Path csv = dir.resolve("no/such/dir/o.csv");
        error(4, "cannot write " + csv + ": no such folder " + csv.getParent(), "eval", "--csv", TTRC,
                "--expr", "a=close", "--out", csv.toString());
        Path png = dir.resolve("no/c.png");
        error(4, "cannot write the chart " + png + ": no such folder " + png.getParent(), "eval", "--csv", TTRC,
                "--expr", "a=close", "--chart", png.toString());
        Path html = dir.resolve("no/r.html");
        error(4, "cannot write the report " + html + ": no such folder " + html.getParent(), "eval", "--csv", TTRC,
                "--expr", "a=close", "--html", html.toString(), "--out", dir.resolve("o.csv").toString());
        error(4, "cannot write " + dir + ": Is a directory", "eval", "--csv", TTRC, "--expr", "a=close",
                "--out", dir.toString());
    }

    @Test
    void anInternalErrorIsOneLineUnlessDebugging() {
        java.io.StringWriter text = new java.io.StringWriter();
        assertEquals(1, Main.failure(new IllegalStateException("boom"), new java.io.PrintWriter(text), false));
        assertEquals("ta: internal error: java.lang.IllegalStateException: boom (run again with --debug for the stack trace; please "
                + "report it)" + System.lineSeparator(), text.toString());
        java.io.StringWriter debug = new java.io.StringWriter();
        assertEquals(1, Main.failure(new IllegalStateException("boom"), new java.io.PrintWriter(debug), true));
        assertTrue(debug.toString().contains("\tat io.ta.cli.CliTest"), debug.toString());
        assertEquals(0, run("eval", "--debug", "--csv", EU, "--expr", "a=dax").code(), "--debug is accepted after the command");
        assertEquals(0, run("--debug", "stream", "--csv", EU, "--expr", "a=dax").code(), "and before it");
    }

    static Path write(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    static String evalOut(Path f, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("eval", "--csv", f.toString()));
        a.addAll(List.of(more));
        Run eval = run(a.toArray(new String[0]));
        assertEquals(0, eval.code(), eval.err());
        a.set(0, "stream");
        assertEquals(eval.out(), run(a.toArray(new String[0])).out(), "stream prints what eval prints");
        return eval.out();
    }

    /** Exit 3 from both eval and stream, with the same message. */
    static void dataError(String message, Path f, String... more) {
        for (String command : new String[] {"eval", "stream"}) {
            List<String> a = new java.util.ArrayList<>(List.of(command, "--csv", f.toString()));
            a.addAll(List.of(more));
            error(3, message, a.toArray(new String[0]));
        }
    }

    @Test
    void delimitersAreDetectedOrRefused(@TempDir Path dir) throws Exception {
        Path semi = write(dir, "semi.csv", "date;close\n2020-01-01;1.5\n2020-01-02;2.5\n");
        assertEquals("date,a\n2020-01-01,1.5\n2020-01-02,2.5\n", evalOut(semi, "--expr", "a=close"));
        assertEquals("date,a\n2020-01-01,1.5\n2020-01-02,2.5\n", evalOut(semi, "--expr", "a=close", "--delimiter", ";"));
        dataError("the column name 'date;close' contains ';', but the delimiter is ','; is the delimiter ';'? (set it with --delimiter)",
                semi, "--expr", "a=close", "--delimiter", ",");
        Path tab = write(dir, "tab.csv", "date\tclose\n2020-01-01\t1.5\n");
        assertEquals("date,a\n2020-01-01,1.5\n", evalOut(tab, "--expr", "a=close", "--delimiter", "tab"));
        Path both = write(dir, "both.csv", "date,close;x\n");
        dataError("cannot tell the delimiter: the header has ',' and ';' outside quotes; set it with --delimiter", both, "--expr", "a=close");
        error(2, "--delimiter takes ',', ';', '|' or tab, got ':'", "eval", "--csv", both.toString(), "--expr", "a=close", "--delimiter", ":");
    }

    @Test
    void epochTimesInEveryUnitOrRefusedWhenAmbiguous(@TempDir Path dir) throws Exception {
        Path seconds = write(dir, "s.csv", "time,close\n1700000000,1\n1700000060,2\n");
        assertEquals("time,a\n1700000000,\n1700000060,1.5\n", evalOut(seconds, "--expr", "a=sma(close, 2)"));
        CsvBars t = CsvBars.read(seconds, CsvOptions.defaults());
        assertEquals(1_700_000_060_000L, t.time(1), "seconds, not milliseconds of 1970");
        Path micros = write(dir, "us.csv", "time,close\n1700000000000000,1\n1700000000001000,2\n");
        assertEquals("time,a\n1700000000000000,1.0\n1700000000001000,2.0\n", evalOut(micros, "--expr", "a=close"));
        Path short8 = write(dir, "ms.csv", "time,close\n12345678,1\n12345679,2\n");
        dataError("row 2, column 'time': cannot tell the unit of the epoch time 12345678 (as seconds 1970-05-23T21:21:18Z, as "
                + "milliseconds 1970-01-01T03:25:45.678Z); set the epoch unit: --time-unit s|ms|us|ns", short8, "--expr", "a=close");
        assertEquals("time,a\n12345678,1.0\n12345679,2.0\n", evalOut(short8, "--expr", "a=close", "--time-unit", "ms"));
        Path mixed = write(dir, "mixed.csv", "time,close\n1700000000,1\n\n1700000060000,2\n");
        dataError("row 4, column 'time': the epoch time 1700000060000 looks like milliseconds but row 2's looked like seconds", mixed,
                "--expr", "a=close");
        error(2, "--time-unit takes s, ms, us or ns, got 'min'", "eval", "--csv", mixed.toString(), "--expr", "a=close", "--time-unit", "min");
    }

    @Test
    void numbersAreStrictDecimalsAndInfinitiesAreMissing(@TempDir Path dir) throws Exception {
        for (String bad : new String[] {"0x1p3", "100F", "7d", "١٤"}) {
            Path f = write(dir, "bad.csv", "date,close\n2020-01-01,1\n2020-01-02," + bad + "\n");
            dataError("row 3, column 'close': '" + bad + "' is not a number", f, "--expr", "a=close");
        }
        Path big = write(dir, "big.csv", "date,close\n2020-01-01,1e400\n");
        dataError("row 2, column 'close': '1e400' is out of range", big, "--expr", "a=close");
        Path inf = write(dir, "inf.csv", "date,close\n2020-01-01,-Infinity\n2020-01-02,inf\n2020-01-03,-1\n2020-01-04,NA\n");
        assertEquals("date,a,neg\n2020-01-01,,\n2020-01-02,,\n2020-01-03,-1.0,1\n2020-01-04,,\n",
                evalOut(inf, "--expr", "a=close", "--expr", "neg=close < 0"));
    }

    @Test
    void unusedColumnsAreNeverParsed(@TempDir Path dir) throws Exception {
        Path f = write(dir, "text.csv", "date,name,close,note\n2020-01-01,Acme,1,x\n2020-01-02,Acme,2,\"a, \"\"b\"\"\"\n");
        assertEquals("date,a\n2020-01-01,1.0\n2020-01-02,2.0\n", evalOut(f, "--expr", "a=close"));
        dataError("row 2, column 'name': 'Acme' is not a number", f, "--expr", "a=name");
        dataError("expression 'a' (date + 1) needs column 'date', which is the time column of " + f + ", not a number column",
                f, "--expr", "a=date + 1");
    }

    @Test
    void invalidUtf8NamesRowAndColumn(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("latin1.csv");
        Files.write(f, "date,name,close\n2020-01-01,Soci\u00e9t\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1));
        dataError("row 2, column 'name': invalid UTF-8 (byte 0xE9); the file must be UTF-8: 'Soci\\xE9t\\xE9'", f, "--expr", "a=close");
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, "\uFEFFdate,close\r\n2020-01-01,1\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("date,a\n2020-01-01,1.0\n", evalOut(bom, "--expr", "a=close"));
    }

    @Test
    void rowNumbersAreFileLinesWithBlankLinesAndSymbols(@TempDir Path dir) throws Exception {
        Path f = write(dir, "blank.csv", "date,sym,close\n\n2020-01-01,A,1\n\n2020-01-02,B,2\n   \n2020-01-03,A,x\n");
        dataError("row 7, column 'close': 'x' is not a number", f, "--expr", "a=close");
        dataError("row 7, column 'close': 'x' is not a number", f, "--expr", "a=close", "--symbol-col", "sym");
        Path order = write(dir, "order.csv", "date,sym,close\n2020-01-02,A,1\n\n2020-01-01,B,2\n\n2020-01-01,A,3\n");
        dataError("rows of symbol A must be in time order, but row 6 (2020-01-01) is not after row 2 (2020-01-02)", order,
                "--expr", "a=close", "--symbol-col", "sym");
        assertEquals("date,sym,a\n2020-01-02,A,1.0\n2020-01-01,B,2.0\n",
                evalOut(write(dir, "ok.csv", "date,sym,close\n2020-01-02,A,1\n\n2020-01-01,B,2\n"), "--expr", "a=close",
                        "--symbol-col", "sym"));
    }

    @Test
    void anInputWithoutRowsGivesAHeaderAndAnEmptyChart(@TempDir Path dir) throws Exception {
        Path empty = write(dir, "empty.csv", "date,sym,close\n");
        assertEquals("date,a\n", evalOut(empty, "--expr", "a=close"));
        assertEquals("date,sym,a\n", evalOut(empty, "--expr", "a=close", "--symbol-col", "sym"));
        Run r = run("eval", "--csv", empty.toString(), "--expr", "a=close", "--symbol-col", "sym", "--chart", dir.resolve("c.png").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(1200, ImageIO.read(dir.resolve("c.png").toFile()).getWidth());
        Path untimed = write(dir, "untimed.csv", "close\n");
        for (String file : new String[] {"u.png", "u.svg", "u.html"}) {
            Run u = run("eval", "--csv", untimed.toString(), "--expr", "a=close", file.endsWith("html") ? "--html" : "--chart",
                    dir.resolve(file).toString());
            assertEquals(0, u.code(), file + ": " + u.err());
            assertEquals("bar,a\n", u.out());
            assertTrue(Files.size(dir.resolve(file)) > 1000, file);
        }
    }

    static String[] concat(String first, String[] rest) {
        String[] a = new String[rest.length + 1];
        a[0] = first;
        System.arraycopy(rest, 0, a, 1, rest.length);
        return a;
    }
}
