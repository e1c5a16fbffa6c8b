package io.ta.cli;

import static io.ta.cli.CliTest.TTRC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.ta.runtime.csv.CsvBars;
import io.ta.runtime.csv.CsvOptions;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report: one file, no network, and — in a real headless Chromium — no errors, every series drawn, a
 * screenshot that is not blank. Chromium is required when the environment variable {@code CI} is set (CI installs
 * it); elsewhere these browser checks are skipped when no Chromium is found ({@code TA_CHROMIUM} names one). The
 * browser is driven by {@link Headless}, which waits for the page to say it has drawn.
 */
class HtmlReportTest {
    static final String[] EXPRS = {
        "--expr", "sma50=sma(close, 50)", "--expr", "bbu=bbands(close, 20, 2).upper", "--expr", "bbl=bbands(close, 20, 2).lower",
        "--expr", "rsi=rsi(close, 14)", "--expr", "line=macd(close).macd", "--expr", "signal=macd(close).signal",
        "--expr", "hist=macd(close).histogram", "--expr", "buy=crossup(sma(close, 10), sma(close, 30))",
        "--expr", "sell=crossdown(sma(close, 10), sma(close, 30))"};

    static Path report(Path dir, String name, String... more) {
        Path html = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("eval", "--csv", TTRC, "--out", dir.resolve(name + ".csv").toString(), "--html", html.toString()));
        args.addAll(List.of(EXPRS));
        args.addAll(List.of(more));
        CliTest.Run r = CliTest.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return html;
    }

    static JsonObject data(String page) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"ta-data\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find());
        return JsonParser.parseString(m.group(1)).getAsJsonObject();
    }

    @Test
    void theVendoredLibraryIsTheOneRecorded() throws Exception {
        String provenance = HtmlReport.resource("report/PROVENANCE.md");
        byte[] library;
        try (InputStream in = HtmlReport.class.getResourceAsStream("report/lightweight-charts.standalone.production.js")) {
            library = in.readAllBytes();
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(library));
        assertTrue(provenance.contains("File sha256: `" + sha + "`"), "PROVENANCE.md records " + sha);
        assertTrue(new String(library, 0, 200, StandardCharsets.UTF_8).contains("TradingView Lightweight Charts™ v5.2.1"));
        assertTrue(HtmlReport.resource("report/lightweight-charts.LICENSE").contains("Apache License"));
    }

    @Test
    void theReportIsOneFileThatAsksTheNetworkForNothing(@TempDir Path dir) throws Exception {
        String page = Files.readString(report(dir, "r.html"));
        assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
                + "style-src 'unsafe-inline'; img-src data: blob:\">"), "the browser refuses any request");
        assertFalse(Pattern.compile("<(script|img|iframe)[^>]+src=|<link|@import", Pattern.CASE_INSENSITIVE).matcher(page).find(),
                "nothing loaded from elsewhere");
        assertTrue(page.contains("TradingView Lightweight Charts™ v5.2.1"), "the library is inline");
        JsonObject data = data(page);
        CsvBars bars = CsvBars.read(Path.of(TTRC), CsvOptions.defaults());
        assertEquals(bars.rows(), data.get("n").getAsInt(), "the whole history: zoom and pan over all of it");
        JsonArray close = data.getAsJsonObject("price").getAsJsonArray("close");
        int closeColumn = bars.columns().indexOf("close");
        for (int i = 0; i < bars.rows(); i += 97) {
            assertEquals(bars.value(closeColumn, i), close.get(i).getAsDouble(), 1e-7 * bars.value(closeColumn, i));
            assertEquals(bars.time(i) / 1000, data.getAsJsonArray("times").get(i).getAsLong());
        }
        JsonArray panels = data.getAsJsonArray("panels");
        assertEquals(List.of("close", "rsi", "macd"), panels.asList().stream().map(p -> p.getAsJsonObject().get("title").getAsString()).toList());
        JsonObject rsi = panels.get(1).getAsJsonObject();
        assertEquals("[30,70]", rsi.get("guides").toString());
        assertEquals(0, rsi.get("min").getAsDouble());
        assertEquals("histogram", panels.get(2).getAsJsonObject().getAsJsonArray("lines").get(2).getAsJsonObject().get("style").getAsString());
        assertTrue(rsi.getAsJsonArray("lines").get(0).getAsJsonObject().getAsJsonArray("y").get(0).isJsonNull(), "warm-up is null");
        assertEquals("1.2345679", HtmlReport.num(1.23456789012));
        assertEquals("1.2345679E-4", HtmlReport.num(0.000123456789012));
        assertEquals("1.2345679E8", HtmlReport.num(123456789.012));
        assertEquals("null", HtmlReport.num(Double.NaN));
    }

    /** The Chromium to drive, or null; with CI set, a missing one fails the build. */
    static String chromium() {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("TA_CHROMIUM") != null) {
            candidates.add(System.getenv("TA_CHROMIUM"));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                candidates.add(Path.of(dir, name).toString());
            }
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return c;
            }
        }
        if (System.getenv("CI") != null) {
            fail("CI is set but no Chromium was found (apt-get install -y chromium, or set TA_CHROMIUM)");
        }
        Assumptions.abort("no Chromium on this machine (apt-get install -y chromium); the browser checks run in CI");
        return null;
    }

    /** The page's DOM once it has drawn (failing when it does not draw), in headless Chromium. */
    static String dom(String chromium, Path page, Path dir) throws Exception {
        try (Headless browser = Headless.open(chromium, page, Files.createTempDirectory(dir, "profile"))) {
            return browser.readyDom();
        }
    }

    static JsonObject status(String chromium, Path page, Path dir) throws Exception {
        String dom = dom(chromium, page, dir);
        Matcher m = Pattern.compile("<pre id=\"ta-status\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the page reported nothing: " + dom.substring(0, Math.min(2000, dom.length())));
        return JsonParser.parseString(m.group(1).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
                .getAsJsonObject();
    }

    @Test
    void inARealBrowserTheReportLoadsWithoutErrorsAndDrawsEverySeries(@TempDir Path dir) throws Exception {
        String chromium = chromium();
        for (String[] variant : new String[][] {{"all.html"}, {"recent.html", "--last", "150", "--log"}}) {
            String[] more = java.util.Arrays.copyOfRange(variant, 1, variant.length);
            Path page = report(dir, variant[0], more);
            JsonObject data = data(Files.readString(page));
            int lines = 0;
            for (JsonElement p : data.getAsJsonArray("panels")) {
                lines += p.getAsJsonObject().getAsJsonArray("lines").size();
            }
            int markers = 0;
            for (JsonElement m : data.getAsJsonArray("markers")) {
                markers += m.getAsJsonObject().getAsJsonArray("at").size();
            }
            JsonObject s = status(chromium, page, dir);
            assertTrue(s.get("ready").getAsBoolean(), s.toString());
            assertEquals("[]", s.getAsJsonArray("errors").toString(), "no console errors, no blocked requests");
            assertEquals(1 + lines, s.get("series").getAsInt(), "the price and every line");
            assertEquals(1 + lines, s.get("drawn").getAsInt(), "every series holds all its points and shows on its panel: " + s.get("ink"));
            assertEquals(data.getAsJsonArray("panels").size(), s.get("panes").getAsInt());
            assertEquals(markers, s.get("markers").getAsInt());
            assertTrue(markers > 0, variant[0] + " has crossings to mark");
            assertEquals(2, s.get("pricePrecision").getAsInt(), "prices quoted in cents keep their cents on the axis (51.95, not 52.0)");
        }
    }

    @Test
    void aScreenshotOfTheReportShowsCandlesAndIsNotBlank(@TempDir Path dir) throws Exception {
        String chromium = chromium();
        Path page = report(dir, "shot.html", "--last", "120");
        BufferedImage img;
        try (Headless browser = Headless.open(chromium, page, Files.createTempDirectory(dir, "profile"))) {
            img = ImageIO.read(new java.io.ByteArrayInputStream(browser.screenshot()));
        }
        assertEquals(1300, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        int ink = 0;
        int up = 0;
        int down = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                colours.add(rgb);
                ink += rgb != 0xffffff ? 1 : 0;
                up += rgb == 0x26a69a ? 1 : 0;
                down += rgb == 0xef5350 ? 1 : 0;
            }
        }
        assertTrue(colours.size() > 50, "a chart, not a blank page: " + colours.size() + " colours");
        assertTrue(ink > img.getWidth() * img.getHeight() / 50, "ink on " + ink + " pixels");
        assertTrue(up > 500 && down > 500, "120 bars are candles of both colours: " + up + " up, " + down + " down pixels");
    }

    /** A page whose labels (an index column's text) and panel title look like markup. */
    static Path markupLabels(Path dir) throws Exception {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "index,close\n<!--<script>,1\n</script><b>,2\nc,3\nd,4\n");
        Path page = dir.resolve("labels.html");
        CliTest.Run r = CliTest.run("eval", "--csv", csv.toString(), "--expr", "a=sma(close, 2)", "--expr", "b=rsi(close, 2)",
                "--panel", "<!--<script>=b", "--out", dir.resolve("o.csv").toString(), "--html", page.toString());
        assertEquals(0, r.code(), r.err());
        return page;
    }

    @Test
    void labelsAndTitlesThatLookLikeMarkupStayInsideTheData(@TempDir Path dir) throws Exception {
        String text = Files.readString(markupLabels(dir));
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"ta-data\">(.*?)</script>", Pattern.DOTALL).matcher(text);
        assertTrue(m.find());
        assertEquals(-1, m.group(1).indexOf('<'), "no '<' that could end the element or hide its end (\"<!--<script>\")");
        JsonObject data = JsonParser.parseString(m.group(1)).getAsJsonObject();
        assertEquals("[\"<!--<script>\",\"</script><b>\",\"c\",\"d\"]", data.getAsJsonArray("labels").toString());
        assertEquals("<!--<script>", data.getAsJsonArray("panels").get(1).getAsJsonObject().get("title").getAsString());
    }

    @Test
    void inARealBrowserAPageWithMarkupInItsLabelsLoads(@TempDir Path dir) throws Exception {
        String chromium = chromium();
        JsonObject s = status(chromium, markupLabels(dir), dir);
        assertTrue(s.get("ready").getAsBoolean(), s.toString());
        assertEquals("[]", s.getAsJsonArray("errors").toString());
        assertEquals(3, s.get("series").getAsInt(), "the price, a and b");
    }

    @Test
    void inARealBrowserTheLegendShowsATinyPriceAsItself(@TempDir Path dir) throws Exception {
        String chromium = chromium();
        StringBuilder sb = new StringBuilder("date,open,high,low,close\n");
        for (int i = 0; i < 30; i++) {
            double c = 2.5e-7 + i * 1e-9;
            sb.append(java.time.LocalDate.parse("2022-01-01").plusDays(i)).append(',').append(c).append(',').append(c * 1.01).append(',')
                    .append(c * 0.99).append(',').append(c).append('\n');
        }
        Path csv = dir.resolve("sats.csv");
        Files.writeString(csv, sb);
        Path page = dir.resolve("sats.html");
        CliTest.Run r = CliTest.run("eval", "--csv", csv.toString(), "--expr", "s=sma(close, 5)", "--out", dir.resolve("o.csv").toString(),
                "--html", page.toString());
        assertEquals(0, r.code(), r.err());
        String dom = dom(chromium, page, dir);
        assertTrue(dom.contains("C 2.79e-7</span>"), "the last close, not 0: " + dom.substring(Math.max(0, dom.indexOf("class=\"legend\"")),
                Math.min(dom.length(), dom.indexOf("class=\"legend\"") + 400)));
        assertTrue(dom.contains("s <span class=\"v\">2.77e-7</span>"), "the average");
    }

    /** A page of bars past year 275760, where a JavaScript Date ends. */
    static Path pastTheEndOfScriptDates(Path dir) throws Exception {
        Path csv = dir.resolve("end.csv");
        Files.writeString(csv, "timestamp,close\n9223372036854775805,1\n9223372036854775806,2\n9223372036854775807,3\n");
        Path page = dir.resolve("end.html");
        CliTest.Run r = CliTest.run("eval", "--csv", csv.toString(), "--time-unit", "ms", "--expr", "s=sma(close, 2)", "--out",
                dir.resolve("o.csv").toString(), "--html", page.toString());
        assertEquals(0, r.code(), r.err());
        return page;
    }

    @Test
    void barsPastTheDatesABrowserKnowsAreLabelled(@TempDir Path dir) throws Exception {
        JsonObject data = data(Files.readString(pastTheEndOfScriptDates(dir)));
        assertTrue(data.get("times").isJsonNull(), "no times the page could not show");
        assertEquals("[\"+292278994-08-17 07:12Z\",\"+292278994-08-17 07:12Z\",\"+292278994-08-17 07:12Z\"]",
                data.getAsJsonArray("labels").toString());
    }

    @Test
    void inARealBrowserBarsPastTheDatesABrowserKnowsDraw(@TempDir Path dir) throws Exception {
        String chromium = chromium();
        JsonObject s = status(chromium, pastTheEndOfScriptDates(dir), dir);
        assertTrue(s.get("ready").getAsBoolean(), s.toString());
        assertEquals("[]", s.getAsJsonArray("errors").toString());
    }

    /** The buffer of a report of millions of bars and many lines: its length, guessed ahead, must be one it can take. */
    @Test
    void aReportOfMillionsOfBarsHasABufferItsSizeCanBe() {
        assertTrue(HtmlReport.capacity(2_000_000, 14) > 2_000_000 * 19 * 8, "2,000,000 bars of 14 lines, about 8 characters a value");
        assertTrue(HtmlReport.capacity(Integer.MAX_VALUE, 1000) > 0);
        assertTrue(HtmlReport.capacity(0, 0) > HtmlReport.resource("report/lightweight-charts.standalone.production.js").length());
    }

    /**
     * Bars whose wall-clock times do not rise: half-hour bars in New York over the night the clocks go back (01:00
     * and 01:30 come twice), and bars 250 milliseconds apart (four to a second).
     */
    @Test
    void inARealBrowserBarsWhoseLocalTimesRepeatAreDrawnInOrder(@TempDir Path dir) throws Exception {
        String chromium = chromium();
        StringBuilder night = new StringBuilder("timestamp,close\n");
        StringBuilder ticks = new StringBuilder("timestamp,close\n");
        for (int i = 0; i < 48; i++) {
            night.append(java.time.Instant.parse("2024-11-03T00:00:00Z").toEpochMilli() + i * 1_800_000L).append(',').append(100 + i % 7).append('\n');
            ticks.append(1_700_000_000_000L + i * 250L).append(',').append(100 + i % 7).append('\n');
        }
        for (String[] c : new String[][] {{"night", night.toString(), "America/New_York"}, {"ticks", ticks.toString(), "UTC"}}) {
            Path csv = dir.resolve(c[0] + ".csv");
            Files.writeString(csv, c[1]);
            Path page = dir.resolve(c[0] + ".html");
            CliTest.Run r = CliTest.run("eval", "--csv", csv.toString(), "--expr", "s=sma(close, 3)", "--tz", c[2], "--out",
                    dir.resolve("o.csv").toString(), "--html", page.toString());
            assertEquals(0, r.code(), r.err());
            JsonObject s = status(chromium, page, dir);
            assertTrue(s.get("ready").getAsBoolean(), s.toString());
            assertEquals("[]", s.getAsJsonArray("errors").toString(), c[0] + ": every point after the one before");
            assertEquals(2, s.get("drawn").getAsInt(), c[0]);
        }
    }

    @Test
    void aRightToLeftOverrideInALabelOrTitleIsIsolatedInThePage(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("rlo.csv");
        Files.writeString(csv, "index,close\nA\u202e,1\nB,2\nZ\u202e,12\n");
        Path page = dir.resolve("rlo.html");
        CliTest.Run r = CliTest.run("eval", "--csv", csv.toString(), "--expr", "s=rsi(close, 2)", "--panel", "p\u202e=s", "--out",
                dir.resolve("o.csv").toString(), "--html", page.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(page);
        String subtitle = text.substring(text.indexOf("<span class=\"sub\">") + 18, text.indexOf("</span>", text.indexOf("<span class=\"sub\">")));
        java.text.Bidi bidi = new java.text.Bidi(subtitle, java.text.Bidi.DIRECTION_LEFT_TO_RIGHT);
        for (int i = subtitle.indexOf("3 bars"); i < subtitle.length(); i++) {
            assertEquals(0, bidi.getLevelAt(i), "'3 bars' reads left to right: " + subtitle);
        }
        // The legend's time (a label) and a panel's title sit before the values on their line.
        assertTrue(text.contains(".legend b,.legend .when{unicode-bidi:isolate}"), "the legend isolates them");
    }
}
