package io.ta.cli;

import static io.ta.cli.CliTest.TTRC;
import static io.ta.cli.CliTest.run;
import static io.ta.cli.CliTest.runWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.runtime.Registry;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a new user meets it: help, version, the catalog tables, output labels, chart files. */
class CliCommandsTest {
    @Test
    void helpAndVersionAreCommandsToo() throws Exception {
        CliTest.Run help = run("help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().startsWith("Usage: ta "), help.out());
        for (String command : List.of("eval", "stream", "plan", "list", "describe", "demo", "version", "help")) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " is listed: " + help.out());
        }
        assertEquals(run("eval", "--help").out(), run("help", "eval").out());

        CliTest.Run version = run("version");
        assertEquals(0, version.code(), version.err());
        assertEquals(run("--version").out(), version.out());
        List<String> lines = version.out().lines().toList();
        String project = System.getProperty("ta.project.version");
        assertTrue(lines.get(0).startsWith("ta " + project + " (commit "), "the Maven version, SNAPSHOT and all: " + lines.get(0));
        String head = git("rev-parse", "--short=12", "HEAD");
        if (head != null) {
            assertTrue(lines.get(0).matches("ta \\Q" + project + "\\E \\(commit \\Q" + head + "\\E(\\+dirty)?, built \\d{4}-\\d\\d-\\d\\d.*\\)"),
                    "the commit of the build: " + lines.get(0));
        }
        assertTrue(lines.get(1).startsWith("Java " + Runtime.version()), lines.get(1));
    }

    /** A run builds only the commands it names (picocli reflects on each); one that names none still finds them all. */
    @Test
    void aRunBuildsTheCommandsItNames() throws Exception {
        CliTest.Run misspelt = run("evl");
        assertEquals(Main.USAGE, misspelt.code());
        assertTrue(misspelt.err().startsWith("ta: Unmatched argument at index 0: 'evl'"), misspelt.err());
        CliTest.Run help = run("--help");
        for (String command : List.of("eval", "stream", "plan", "list", "describe", "demo", "version", "help")) {
            assertTrue(help.out().contains("\n  " + command + " "), command + " is listed: " + help.out());
        }
        CliTest.Run none = run();
        assertEquals(Main.USAGE, none.code());
        assertTrue(none.err().contains("missing command"), none.err());
        CliTest.Run inherited = run("--debug", "version");
        assertEquals(0, inherited.code(), inherited.err());
        assertEquals(run("version").out(), inherited.out());
        CliTest.Run named = run("describe", "list");
        assertEquals(Main.USAGE, named.code(), "a value that is a command's name: " + named.err());
        assertTrue(named.err().contains("unknown kernel 'list'"), named.err());
    }

    /** {@code git args} in the working directory, or null without git or a checkout. */
    private static String git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The column starting at each header word's offset, read over a row and its continuation lines. */
    private static List<String> cells(List<String> lines, int[] offsets) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < offsets.length; c++) {
            StringBuilder sb = new StringBuilder();
            for (String line : lines) {
                int from = Math.min(offsets[c], line.length());
                int to = c + 1 < offsets.length ? Math.min(offsets[c + 1], line.length()) : line.length();
                String part = line.substring(from, to).strip();
                if (!part.isEmpty()) {
                    sb.append(sb.isEmpty() || sb.toString().endsWith(",") ? (sb.isEmpty() ? "" : " ") : " ").append(part);
                }
                if (to < line.length() && c + 1 < offsets.length) {
                    assertEquals(' ', line.charAt(to - 1), "a cell runs into the next column: '" + line + "'");
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static int[] offsets(String header, String... words) {
        int[] o = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            o[i] = header.indexOf(words[i]);
            assertTrue(o[i] >= 0 && (i == 0 || o[i] > o[i - 1]), header);
        }
        return o;
    }

    @Test
    void listKeepsEveryColumnAlignedWhateverTheLengthOfItsCells() {
        CliTest.Run r = run("list");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        int[] at = offsets(lines.get(0), "NAME", "ALIASES", "INPUTS", "PARAMETERS", "OUTPUTS");
        Registry registry = Registry.standard();
        int k = 1;
        int rows = 0;
        while (!lines.get(k).isEmpty()) {
            List<String> row = new ArrayList<>(List.of(lines.get(k++)));
            while (lines.get(k).startsWith(" ")) {
                row.add(lines.get(k++));
            }
            List<String> cells = cells(row, at);
            KernelDescriptor d = registry.kernel(cells.get(0));
            List<String> aliases = new ArrayList<>(d.aliases());
            d.selectors().forEach(s -> aliases.add(s.alias() + "→" + s.output()));
            assertEquals(String.join(", ", aliases), cells.get(1), d.name());
            assertEquals(String.join(", ", d.inputs()), cells.get(2), d.name());
            assertEquals(String.join(", ", d.params().stream().map(p -> p.name() + (p.hasDefault() ? "=" + p.defaultValue() : "")).toList()),
                    cells.get(3), d.name());
            assertEquals(String.join(", ", d.outputs().stream().map(o -> o.name()).toList()), cells.get(4), d.name());
            rows++;
        }
        assertEquals(registry.kernels().size(), rows);
        assertTrue(r.out().contains("\nbbands  ") && r.out().contains("bb_upper→upper"), "bbands' selectors wrap inside their column");
    }

    @Test
    void describePrintsEveryFactOfTheCatalogRow() {
        // docs/catalog.md: "ta describe NAME prints the same facts for one kernel"; describe showed no output or
        // input scale and no cost, the columns a reader chooses a kernel by
        for (KernelDescriptor d : Registry.standard().kernels()) {
            CliTest.Run r = run("describe", d.name());
            assertEquals(0, r.code(), r.err());
            String cost = "  cost: " + d.timeCost().notation() + " per bar · " + d.memoryCost().notation()
                    + " memory\n";
            assertTrue(r.out().contains(cost), d.name() + " lacks '" + cost.strip() + "':\n" + r.out());
            for (var o : d.outputs()) {
                String line = "    " + o.name() + " · " + DescribeCommand.scale(o.scale());
                assertTrue(r.out().lines().anyMatch(l -> l.equals(line) || l.startsWith(line + " ")),
                        d.name() + " lacks '" + line.strip() + "':\n" + r.out());
            }
        }
        CliTest.Run mavp = run("describe", "mavp");
        assertTrue(mavp.out().contains("  inputs: x, periods unitless\n"), mavp.out());
        assertTrue(run("describe", "var").out().contains("    value · price²"));
        assertTrue(run("describe", "force_index").out().contains("    value · price·volume"));
    }

    @Test
    void describeAlignsTheParameterTable() {
        for (String name : List.of("macdext", "rsi", "bbands", "stochastic")) {
            CliTest.Run r = run("describe", name);
            assertEquals(0, r.code(), r.err());
            List<String> lines = r.out().lines().toList();
            int h = lines.indexOf("  parameters:") + 1;
            int[] at = offsets(lines.get(h), "NAME", "TYPE", "RANGE", "DEFAULT");
            int[] withDoc = java.util.Arrays.copyOf(at, 5);
            withDoc[4] = lines.get(h).length() + 2;
            KernelDescriptor d = Registry.standard().kernel(name);
            int k = h + 1;
            for (ParamSpec p : d.params()) {
                List<String> row = new ArrayList<>(List.of(lines.get(k++)));
                while (lines.get(k).startsWith("      ") && lines.get(k).substring(0, at[1]).isBlank()) {
                    row.add(lines.get(k++));
                }
                List<String> cells = cells(row, withDoc);
                assertEquals(List.of(p.name(), p.type().name().toLowerCase(Locale.ROOT), p.rangeText(), p.hasDefault() ? p.defaultValue() : "required",
                        p.doc()), cells, name + "." + p.name());
            }
        }
    }

    @Test
    void theChartFormatComesFromTheExtension(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("c.svg");
        CliTest.Run r = run("eval", "--csv", TTRC, "--expr", "r=rsi(close, 14)", "--chart", svg.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"800\""), text);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        Path png = dir.resolve("C.PNG");
        assertEquals(0, run("eval", "--csv", TTRC, "--expr", "r=rsi(close, 14)", "--chart", png.toString(), "--out", dir.resolve("o.csv").toString())
                .code());
        byte[] magic = java.util.Arrays.copyOf(Files.readAllBytes(png), 8);
        assertEquals("\u0089PNG\r\n\u001a\n", new String(magic, StandardCharsets.ISO_8859_1));
        CliTest.error(2, "--chart '" + dir.resolve("c.jpg") + "': the format comes from the extension, .png or .svg", "eval", "--csv", TTRC,
                "--expr", "a=close", "--chart", dir.resolve("c.jpg").toString());
        CliTest.error(2, "--chart '" + dir.resolve("c.html") + "': the format comes from the extension, .png or .svg; for an interactive chart use "
                + "--html " + dir.resolve("c.html"), "eval", "--csv", TTRC, "--expr", "a=close", "--chart", dir.resolve("c.html").toString());
        CliTest.error(2, "--html '" + dir.resolve("r.png") + "': the report is an HTML file; name it FILE.html", "eval", "--csv", TTRC,
                "--expr", "a=close", "--html", dir.resolve("r.png").toString());
        assertFalse(Files.exists(dir.resolve("c.jpg")), "nothing is written under a wrong name");
    }

    @Test
    void rowsAreLabelledByTheirTimeAnIndexColumnOrTheirBarNumber(@TempDir Path dir) throws Exception {
        Path prices = dir.resolve("p.csv");
        Files.writeString(prices, "close,open\n10,9\n11,10\n12,11\n");
        CliTest.Run r = run("eval", "--csv", prices.toString(), "--expr", "s=sma(close, 2)");
        assertEquals("bar,s\n0,\n1,10.5\n2,11.5\n", r.out(), "no time and no index: bar numbers, never a price under 'date'");
        assertEquals(r.out(), run("stream", "--csv", prices.toString(), "--expr", "s=sma(close, 2)").out());

        Path indexed = dir.resolve("i.csv");
        Files.writeString(indexed, "index,dax\n7,1\n8,2\n9,3\n");
        assertEquals("index,s\n7,\n8,1.5\n9,2.5\n", run("eval", "--csv", indexed.toString(), "--expr", "s=sma(dax, 2)").out());
        Path pandas = dir.resolve("pd.csv");
        Files.writeString(pandas, ",close\n0,1\n1,2\n");
        assertEquals("index,c\n0,1.0\n1,2.0\n", run("eval", "--csv", pandas.toString(), "--expr", "c=close").out(),
                "pandas writes its index under an empty name");

        Path yahoo = dir.resolve("y.csv");
        Files.writeString(yahoo, "Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,1.25,100\n2024-01-03,1.5,2,1,2,1.75,100\n");
        assertEquals("Date,a\n2024-01-02,\n2024-01-03,1.5\n", run("eval", "--csv", yahoo.toString(), "--expr", "a=sma(adj_close, 2)").out(),
                "'Adj Close' is the column adj_close, and the time column keeps its name");
        CliTest.error(2, "--expr name 'date' is used twice in the output header: it collides with the first output column 'Date'", "eval",
                "--csv", yahoo.toString(), "--expr", "date=close");
        CliTest.error(2, "--expr name 'BAR' is used twice in the output header: it collides with the first output column 'bar'", "stream",
                "--csv", prices.toString(), "--expr", "BAR=close");
    }

    @Test
    void aRepeatedTimeRevisesTheLastBarOfALiveStream() {
        String feed = "date,close\n2024-01-01,1\n2024-01-02,2\n2024-01-02,3\n2024-01-03,4\n2024-01-03,5\n2024-01-04,6\n";
        String exprs = "s=sma(close, 2)";
        CliTest.Run live = runWithInput(feed, "stream", "--csv", "-", "--expr", exprs, "--expr", "e=ema(close, 3)");
        assertEquals(0, live.code(), live.err());
        // Every row equals a batch over the bars as they stand at that row: revised bars replaced, not appended.
        List<String> out = live.out().lines().toList();
        String[][] histories = {
            {"2024-01-01,1"}, {"2024-01-01,1", "2024-01-02,2"}, {"2024-01-01,1", "2024-01-02,3"},
            {"2024-01-01,1", "2024-01-02,3", "2024-01-03,4"}, {"2024-01-01,1", "2024-01-02,3", "2024-01-03,5"},
            {"2024-01-01,1", "2024-01-02,3", "2024-01-03,5", "2024-01-04,6"}};
        assertEquals(histories.length + 1, out.size());
        for (int i = 0; i < histories.length; i++) {
            String csv = "date,close\n" + String.join("\n", histories[i]) + "\n";
            List<String> batch = runWithInput(csv, "eval", "--csv", "-", "--expr", exprs, "--expr", "e=ema(close, 3)").out().lines().toList();
            assertEquals(batch.getLast(), out.get(i + 1), "row " + (i + 2));
        }
        CliTest.Run eval = runWithInput(feed, "eval", "--csv", "-", "--expr", exprs);
        assertEquals(3, eval.code(), "a batch takes no revisions: " + eval.out());
        assertTrue(eval.err().contains("row 4 (2024-01-02) is not after row 3 (2024-01-02)"), eval.err());
        CliTest.Run back = runWithInput("date,close\n2024-01-02,1\n2024-01-01,2\n", "stream", "--csv", "-", "--expr", exprs, "--bad-rows", "stop");
        assertEquals(3, back.code());
        assertTrue(back.err().contains("row 3 (2024-01-01) is not after row 2 (2024-01-02)"), "times never go back: " + back.err());
    }

    @Test
    void aFormingBarIsPreviewedAndNotCommitted() {
        String feed = "date,close,forming\n2024-01-01,1,0\n2024-01-02,2,1\n2024-01-02,2.5,1\n2024-01-02,3,0\n2024-01-03,7,1\n2024-01-03,4,\n";
        CliTest.Run live = runWithInput(feed, "stream", "--csv", "-", "--expr", "s=sma(close, 2)", "--forming-col", "forming");
        assertEquals(0, live.code(), live.err());
        assertEquals("date,s\n2024-01-01,\n2024-01-02,1.5\n2024-01-02,1.75\n2024-01-02,2.0\n2024-01-03,5.0\n2024-01-03,3.5\n", live.out(),
                "the forming rows show sma over the closed bars and the forming one; the closed rows are the batch");
        CliTest.Run late = runWithInput("date,close,forming\n2024-01-01,1,0\n2024-01-01,2,1\n2024-01-02,3,0\n", "stream", "--csv", "-",
                "--expr", "c=close", "--forming-col", "forming");
        assertEquals(3, late.code());
        assertEquals("date,c\n2024-01-01,1.0\n2024-01-02,3.0\n", late.out());
        assertTrue(late.err().startsWith("ta: warning: standard input: row 3, column 'forming': a forming bar at the time of the last closed bar "
                + "(2024-01-01); a revision of a closed bar comes without the flag; row skipped\n"), late.err());
        assertEquals(3, run("stream", "--csv", TTRC, "--expr", "c=close", "--forming-col", "partial").code(), "an unknown forming column");
        CliTest.Run bars = runWithInput("close,forming\n1,0\n2,1\n3,0\n", "stream", "--csv", "-", "--expr", "c=close", "--forming-col", "forming");
        assertEquals("bar,c\n0,1.0\n1,2.0\n1,3.0\n", bars.out(), "a forming bar is numbered as the bar it will be");
    }

    @Test
    void aBadRowOfALiveFeedIsSkippedAndTheStreamGoesOn(@TempDir Path dir) throws Exception {
        String feed = "date,close\n2024-01-01,1\n2024-01-02,x\n2024-01-03,3\n2024-01-02,9\n2024-01-04,4,4\n2024-01-05,5\n";
        CliTest.Run live = runWithInput(feed, "stream", "--csv", "-", "--expr", "s=sma(close, 2)");
        assertEquals(3, live.code(), "skipped rows are data errors, reported at the end");
        assertEquals("date,s\n2024-01-01,\n2024-01-03,2.0\n2024-01-05,4.0\n", live.out());
        List<String> err = live.err().lines().toList();
        assertEquals(4, err.size(), live.err());
        assertTrue(err.get(0).startsWith("ta: warning: standard input: row 3, column 'close': 'x' is not a number"), err.get(0));
        assertTrue(err.get(0).endsWith("; row skipped"), err.get(0));
        assertTrue(err.get(1).contains("row 5 (2024-01-02) is not after row 4 (2024-01-03)"), err.get(1));
        assertEquals("ta: warning: standard input: row 6 has 3 cells, the header has 2; row skipped", err.get(2));
        assertEquals("ta: standard input: 3 bad rows were skipped (rows 3, 5, 6)", err.get(3));

        Path file = dir.resolve("f.csv");
        Files.writeString(file, feed);
        CliTest.Run stops = run("stream", "--csv", file.toString(), "--expr", "s=sma(close, 2)");
        assertEquals(3, stops.code());
        assertEquals("date,s\n2024-01-01,\n", stops.out(), "a file stops at its first bad row");
        assertEquals(live.out(), run("stream", "--csv", file.toString(), "--expr", "s=sma(close, 2)", "--bad-rows", "skip").out());
        CliTest.error(2, "--bad-rows takes skip or stop, got 'ignore'", "stream", "--csv", TTRC, "--expr", "a=close", "--bad-rows", "ignore");
    }

    @Test
    void evalReadsStandardInputLikeStream() {
        String csv = "date,close\n2024-01-01,1\n2024-01-02,2\n";
        int code = Main.run(new String[] {"eval", "--csv", "-", "--expr", "c=close"}, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                new java.io.ByteArrayOutputStream(), new java.io.ByteArrayOutputStream());
        assertEquals(0, code, "eval --csv - reads standard input, it is no file called '-'");
    }

    @Test
    void planPrintsWhatAnExpressionNeedsWithoutData() {
        CliTest.Run r = run("plan", "--expr", "flow=sma(trades.filter(side == 'buy').sum(amount), 20) > ETH.trades.vwap",
                "--expr", "wk=rsi(close@1w, 14)");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                columns:    close
                sources:    ETH.trades (amount, price); trades (amount, side)
                symbols:    primary, ETH
                timeframes: base, 1w
                history:    20 bars, at least 105d15h
                """, r.out());
        CliTest.Run bad = run("plan", "--expr", "x=trades.filter(volume > 1).count");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("trades has no field 'volume'"), bad.err());
    }
}
