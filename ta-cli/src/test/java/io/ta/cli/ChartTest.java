package io.ta.cli;

import static io.ta.cli.CliTest.TTRC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.annotation.Chart;
import io.ta.runtime.Bars;
import io.ta.runtime.csv.CsvBars;
import io.ta.runtime.csv.CsvOptions;
import io.ta.runtime.Plan;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Charts as a trader reads them: where each expression goes (from kernel metadata), the bars drawn, candles or a line,
 * markers, and in the pixels of the PNG: wick colours and evenly spaced bars.
 */
class ChartTest {
    /** The figure {@code ta eval ARGS} would draw. */
    static Figure figure(String... args) {
        EvalCommand eval = new EvalCommand();
        new CommandLine(eval).parseArgs(args);
        return eval.figure();
    }

    static Figure.Panel panel(Figure f, String title) {
        return f.panels.stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError("no panel " + title
                + " in " + f.panels.stream().map(Figure.Panel::title).toList()));
    }

    static List<String> names(Figure.Panel p) {
        return p.lines().stream().map(Figure.Line::name).toList();
    }

    @Test
    void everyExpressionGoesWhereItsKernelSays() {
        Figure f = figure("--csv", TTRC, "--expr", "rsi=rsi(close, 14)", "--expr", "sma=sma(close, 50)", "--expr", "bbu=bbands(close).upper",
                "--expr", "bbl=bbands(close).lower", "--expr", "line=macd(close).macd", "--expr", "signal=macd(close).signal",
                "--expr", "hist=macd(close).histogram", "--expr", "k=stochastic().k", "--expr", "spread=(high - low) / close * 100",
                "--expr", "buy=crossup(sma(close, 10), sma(close, 30))", "--expr", "sell=crossdown(sma(close, 10), sma(close, 30))",
                "--expr", "low_rsi=rsi(close, 14) < 30", "--expr", "high_rsi=rsi(close, 14) > 70", "--above", "high_rsi");
        assertEquals(List.of("close", "rsi", "macd", "stochastic", "spread"), f.panels.stream().map(Figure.Panel::title).toList());
        assertEquals(List.of("sma", "bbu", "bbl"), names(f.panels.getFirst()), "averages and bands over the price");
        assertEquals(f.panels.getFirst().lines().get(1).color(), f.panels.getFirst().lines().get(2).color(), "one band, one colour");

        Figure.Panel rsi = panel(f, "rsi");
        assertEquals(List.of(30.0, 70.0), rsi.guides());
        assertEquals(0, rsi.min());
        assertEquals(100, rsi.max());
        Figure.Panel macd = panel(f, "macd");
        assertEquals(List.of("line", "signal", "hist"), names(macd), "the outputs of one kernel share a panel");
        assertEquals(List.of(Chart.Style.LINE, Chart.Style.LINE, Chart.Style.HISTOGRAM), macd.lines().stream().map(Figure.Line::style).toList());
        assertEquals(List.of(0.0), macd.guides());
        assertFalse(macd.bounded());
        assertEquals(List.of(20.0, 80.0), panel(f, "stochastic").guides());
        assertTrue(panel(f, "spread").guides().isEmpty());

        assertEquals(List.of("buy", "sell", "low_rsi", "high_rsi"), f.markers.stream().map(Figure.Markers::name).toList(),
                "conditions are markers");
        for (int m = 2; m < 4; m++) {
            boolean[] above = f.markers.get(m).above();
            assertTrue(above.length > 5);
            for (boolean a : above) {
                assertEquals(m == 3, a, "a condition is below the bar unless --above names it");
            }
        }
        CliTest.error(2, "--above: 'hi' is not an --expr name; names: k", "eval", "--csv", TTRC, "--expr", "k=close > open", "--above", "hi",
                "--chart", "x.png");
        Figure.Markers buy = f.markers.get(0);
        Figure.Markers sell = f.markers.get(1);
        assertTrue(buy.at().length > 10 && sell.at().length > 10);
        for (boolean above : buy.above()) {
            assertFalse(above, "crossup is drawn below the bar");
        }
        for (boolean above : sell.above()) {
            assertTrue(above, "crossdown is drawn above the bar");
        }
    }

    /** Candle patterns (cdl_, from their @Chart) and accbands, imi: markers both ways, bands over the price, imi's 30/70. */
    @Test
    void candlePatternsAreMarkersOnThePriceBothWays() {
        Figure f = figure("--csv", TTRC, "--expr", "engulf=cdl_engulfing(open, high, low, close)", "--expr", "hammer=cdl_hammer(open, high, low, close)",
                "--expr", "acc=accbands(high, low, close).upper", "--expr", "imi=imi(open, close)");
        assertEquals(List.of("close", "imi"), f.panels.stream().map(Figure.Panel::title).toList(), "no panel of pattern values");
        assertEquals(List.of("acc"), names(f.panels.getFirst()));
        assertEquals(List.of(30.0, 70.0), panel(f, "imi").guides());
        assertEquals(100, panel(f, "imi").max());
        Figure.Markers engulf = f.markers.get(0);
        int above = 0;
        for (boolean a : engulf.above()) {
            above += a ? 1 : 0;
        }
        assertTrue(above > 20 && engulf.above().length - above > 20, "bearish engulfings above the bar, bullish below: " + above + " of "
                + engulf.above().length);
        for (boolean a : f.markers.get(1).above()) {
            assertFalse(a, "a hammer (+100) is bullish: below the bar");
        }
    }

    @Test
    void aConditionMarksTheBarsWhereItBecomesTrue() {
        double n = Double.NaN;
        Figure.Markers m = Figure.markers("c", new double[] {n, 0, 1, 1, 1, 0, n, 1, 0, 1}, n, true, Chart.Style.AUTO,
                Color.BLUE);
        assertArrayEquals(new int[] {2, 7, 9}, m.at());
        Figure.Markers k = Figure.markers("k", new double[] {0, 100, 0, -100, -100}, n, false, Chart.Style.MARKER,
                Color.BLUE);
        assertArrayEquals(new int[] {1, 3, 4}, k.at(), "a marker kernel fires on every bar it is not zero");
        assertArrayEquals(new boolean[] {false, true, true}, k.above(), "negative values above the bar");
        double[] held = {1, 1, 0, 0, 1};
        assertArrayEquals(new int[] {4}, Figure.markers("c", held, 1, true, Chart.Style.AUTO, Color.BLUE).at(),
                "true on the bar before the first: no signal on the first");
        assertArrayEquals(new int[] {0, 4}, Figure.markers("c", held, 0, true, Chart.Style.AUTO, Color.BLUE).at());
    }

    @Test
    void aConditionTrueBeforeTheFirstBarDrawnIsNoSignalThere() {
        // close > 0 became true on the first bar of the history; 'hot' holds for runs of bars, some across a cut.
        String[] exprs = {"--expr", "up=close > 0", "--expr", "hot=close > sma(close, 50)"};
        Figure all = figure(concat(new String[] {"--csv", TTRC}, exprs));
        assertArrayEquals(new int[] {0}, all.markers.getFirst().at());
        for (String last : new String[] {"1", "7", "250", "1000", "3333"}) {
            Figure part = figure(concat(new String[] {"--csv", TTRC, "--last", last}, exprs));
            int cut = all.n - part.n;
            for (int m = 0; m < 2; m++) {
                int[] expected = java.util.Arrays.stream(all.markers.get(m).at()).filter(a -> a >= cut)
                        .map(a -> a - cut).toArray();
                assertArrayEquals(expected, part.markers.get(m).at(), "--last " + last + ": the history's signals");
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void panelsGroupTheNamesGiven() {
        Figure f = figure("--csv", TTRC, "--expr", "rsi=rsi(close, 14)", "--expr", "k=stochastic().k", "--expr", "mid=sma(close, 20)",
                "--expr", "obv=obv()", "--expr", "hot=rsi(close, 14) > 70", "--panel", "osc=rsi,k,hot", "--panel", "price=obv");
        assertEquals(List.of("close", "osc"), f.panels.stream().map(Figure.Panel::title).toList());
        assertEquals(List.of("rsi", "k", "hot"), names(panel(f, "osc")));
        assertEquals(List.of(20.0, 30.0, 70.0, 80.0), panel(f, "osc").guides(), "the guides of every kernel in the panel");
        assertEquals(0, panel(f, "osc").min());
        assertEquals(100, panel(f, "osc").max());
        assertEquals(Chart.Style.STEP, panel(f, "osc").lines().get(2).style(), "a condition in a panel is a step");
        assertEquals(List.of("mid", "obv"), names(f.panels.getFirst()));
        assertTrue(f.markers.isEmpty());
        CliTest.error(2, "--panel osc: 'rs' is not an --expr name; names: rsi, k", "eval", "--csv", TTRC, "--expr", "rsi=rsi(close, 14)",
                "--expr", "k=stochastic().k", "--panel", "osc=rs,k", "--chart", "x.png");
        CliTest.error(2, "--panel: 'k' is in two panels, a and b", "eval", "--csv", TTRC, "--expr", "k=stochastic().k", "--panel", "a=k",
                "--panel", "b=k", "--chart", "x.png");
        CliTest.error(2, "--panel takes TITLE=NAME,NAME,...", "eval", "--csv", TTRC, "--expr", "k=stochastic().k", "--panel", "k",
                "--chart", "x.png");
        assertFalse(Files.exists(Path.of("x.png")));
    }

    static long day(String date) {
        return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void fromToAndLastChooseTheBarsDrawnNotTheHistoryComputed() {
        Figure q1 = figure("--csv", TTRC, "--expr", "s=sma(close, 200)", "--from", "2006-01-01", "--to", "2006-03-31");
        assertEquals(day("2006-01-03"), q1.times[0], "the first trading day");
        assertEquals(day("2006-03-31"), q1.times[q1.n - 1], "--to includes its day");
        Figure last = figure("--csv", TTRC, "--expr", "s=sma(close, 200)", "--last", "10");
        assertEquals(10, last.n);
        assertEquals(day("2006-12-29"), last.times[9]);
        Bars bars = CsvBars.read(Path.of(TTRC), CsvOptions.defaults()).bars();
        double[] sma = Plan.compile("sma(close, 200)").run(bars).value().toArray();
        double[] drawn = panelOrPrice(last, "s").y();
        for (int i = 0; i < 10; i++) {
            assertEquals(sma[sma.length - 10 + i], drawn[i], "warmed up over the whole history");
        }
        Figure both = figure("--csv", TTRC, "--expr", "s=sma(close, 200)", "--to", "2000-12-31", "--last", "5");
        assertEquals(day("2000-12-29"), both.times[4]);
        assertEquals(5, both.n);
        Figure intraday = figure("--csv", TTRC, "--expr", "c=close", "--from", "2006-12-28T00:00", "--to", "2006-12-28 00:00Z");
        assertEquals(1, intraday.n, "date-times, with or without an offset");

        CliTest.error(2, "no bars to draw between --from 2030-01-01 and --to the end (the data runs 1985-01-02 .. 2006-12-29)", "eval", "--csv",
                TTRC, "--expr", "c=close", "--from", "2030-01-01", "--chart", "x.png");
        CliTest.error(2, "--from '31/12/2020' is not a date (2020-01-31) or date-time", "eval", "--csv", TTRC, "--expr", "c=close", "--from",
                "31/12/2020", "--chart", "x.png");
        CliTest.error(2, "--last takes a number of bars of at least 1, got 0", "eval", "--csv", TTRC, "--expr", "c=close", "--last", "0",
                "--chart", "x.png");
        Figure eu = figure("--csv", CliTest.EU, "--expr", "s=sma(dax, 5)", "--from", "100", "--to", "199");
        assertEquals(100, eu.n, "without times, bars are chosen by number");
        assertEquals("101", eu.labels[0], "and labelled by the index column");
        assertEquals("dax", eu.priceName, "the index column is never the price");
    }

    @Test
    void timesAreShownInTheZoneOfTz(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("time,close\n");
        for (int i = 0; i < 2 * 78; i++) {
            // Two New York sessions of five-minute bars, 09:30 to 16:00 (14:30 to 21:00 UTC in March after the switch).
            long t = Instant.parse(i < 78 ? "2024-03-11T13:30:00Z" : "2024-03-12T13:30:00Z").toEpochMilli() + 5 * 60_000L * (i % 78);
            sb.append(t).append(',').append(100 + i % 7).append('\n');
        }
        Path f = dir.resolve("ny.csv");
        Files.writeString(f, sb);
        Figure ny = figure("--csv", f.toString(), "--expr", "c=close", "--tz", "America/New_York", "--from", "2024-03-12T09:30");
        assertEquals(78, ny.n, "--from is a New York time");
        assertEquals(Instant.parse("2024-03-12T09:30:00Z").toEpochMilli(), ny.times[0], "wall-clock time in New York");
        assertEquals("2024-03-12 09:30 America/New_York", Ticks.when(ny.times[0], ny.zone));
        Figure utc = figure("--csv", f.toString(), "--expr", "c=close", "--from", "2024-03-12T13:30");
        assertEquals(78, utc.n);
        assertEquals("2024-03-12 13:30Z", Ticks.when(utc.times[0], utc.zone));
        List<Ticks.Tick> ticks = Ticks.time(ny.times, 1128.0 / ny.n, 72);
        assertEquals("10:00", ticks.getFirst().label(), "the first full hour of the New York session: " + ticks);
        assertTrue(ticks.stream().allMatch(t -> t.label().matches("1[0-5]:[03]0")), "New York times, not UTC: " + ticks);
    }

    static Figure.Line panelOrPrice(Figure f, String name) {
        for (Figure.Panel p : f.panels) {
            for (Figure.Line l : p.lines()) {
                if (l.name().equals(name)) {
                    return l;
                }
            }
        }
        throw new AssertionError("no line " + name);
    }

    @Test
    void aLogScaleNeedsPositivePrices(@TempDir Path dir) throws Exception {
        assertTrue(figure("--csv", TTRC, "--expr", "c=close", "--log").panels.getFirst().log());
        assertEquals(List.of(3.0, 5.0, 7.0, 10.0, 15.0, 20.0, 30.0, 50.0), Ticks.log(2.9, 60, 10), "3 → 53 over 22 years, room for 10");
        assertEquals(List.of(5.0, 10.0, 20.0, 50.0), Ticks.log(2.9, 60, 6), "3 → 53 over 22 years, room for 6: 1-2-5 steps");
        assertEquals(List.of(1.0, 10.0, 100.0, 1000.0, 10000.0), Ticks.log(0.5, 20000, 6));
        Path f = dir.resolve("z.csv");
        Files.writeString(f, "date,close\n2024-01-01,1\n2024-01-02,0\n");
        CliTest.error(2, "--log needs positive prices, but close is 0.0 at 2024-01-02; draw it without --log", "eval", "--csv",
                f.toString(), "--expr", "c=close", "--log", "--chart", dir.resolve("z.png").toString());
        Files.writeString(f, "date,open,high,low,close,volume\n2024-01-01,2,3,-1,2,1\n2024-01-02,2,3,1,2,1\n");
        CliTest.error(2, "--log needs positive prices, but low is -1.0 at 2024-01-01; draw it without --log", "eval", "--csv",
                f.toString(), "--expr", "c=close", "--log", "--chart", dir.resolve("z.png").toString());
    }

    @Test
    void theDemoDrawsPricesThatAreNotAllPositiveLinearly(@TempDir Path dir) throws Exception {
        // demo has no --log to drop, so the error's advice would not apply
        Path f = dir.resolve("negp.csv");
        Files.writeString(f, "date,open,high,low,close,volume\n2024-01-01,1,1,1,-1,1\n2024-01-02,1,1,1,-2,1\n");
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run("demo", "--data", f.toString(), "--out-dir", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("report.html")).contains("\"log\":false"));
        assertTrue(Files.size(out.resolve("chart.png")) > 0);
        r = CliTest.run("demo", "--out-dir", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("report.html")).contains("\"log\":true"), "positive prices: log scale");
    }

    @Test
    void candlesWhileEachBarGetsThreePixelsElseALine() {
        Figure all = figure("--csv", TTRC, "--expr", "c=close");
        assertTrue(all.ohlc());
        assertFalse(Painter.candles(all, (1200 - 72) / (double) all.n), "5,550 bars on 1,200 pixels: a line, not a red band");
        Figure recent = figure("--csv", TTRC, "--expr", "c=close", "--last", "300");
        assertTrue(Painter.candles(recent, (1200 - 72) / 300.0));
        assertFalse(Painter.candles(figure("--csv", TTRC, "--expr", "c=close", "--last", "300", "--price-style", "line"), 10));
        assertTrue(Painter.candles(figure("--csv", TTRC, "--expr", "c=close", "--price-style", "candles"), 0.2));
        assertFalse(Painter.candles(figure("--csv", CliTest.EU, "--expr", "c=dax", "--last", "20"), 50), "no OHLC, no candles");
    }

    /** Forty weekday bars, alternately up and down, with long wicks. */
    static Path weekdays(Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("date,open,high,low,close\n");
        LocalDate d = LocalDate.parse("2024-01-01");
        int bars = 0;
        while (bars < 40) {
            if (d.getDayOfWeek().getValue() <= 5) {
                double open = 100 + bars;
                double close = bars % 2 == 0 ? open + 2 : open - 2;
                sb.append(d).append(',').append(open).append(',').append(Math.max(open, close) + 6).append(',').append(Math.min(open, close) - 6)
                        .append(',').append(close).append('\n');
                bars++;
            }
            d = d.plusDays(1);
        }
        Path f = dir.resolve("weekdays.csv");
        Files.writeString(f, sb);
        return f;
    }

    private static boolean candle(int rgb) {
        return rgb == (Figure.UP.getRGB() | 0xff000000) || rgb == (Figure.DOWN.getRGB() | 0xff000000);
    }

    @Test
    void candlesHaveWicksOfTheirOwnColourAndNoWeekendGaps(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("w.png");
        CliTest.Run r = CliTest.run("eval", "--csv", weekdays(dir).toString(), "--expr", "r=rsi(close, 3)", "--chart", png.toString(),
                "--chart-size", "800x400", "--out", dir.resolve("o.csv").toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        int top = 52;
        int bottom = 30 + (int) (3 * (400 - 22 - 30 - 8) / 4.0) - 2;
        // Columns holding candle colour, grouped into candles.
        List<int[]> candles = new ArrayList<>();
        for (int x = 0; x < img.getWidth(); x++) {
            boolean any = false;
            for (int y = top; y < bottom && !any; y++) {
                any = candle(img.getRGB(x, y));
            }
            if (any && !candles.isEmpty() && candles.getLast()[1] == x - 1) {
                candles.getLast()[1] = x;
            } else if (any) {
                candles.add(new int[] {x, x});
            }
        }
        assertEquals(40, candles.size(), "one candle per bar");
        double step = (800 - 72) / 40.0;
        for (int i = 1; i < candles.size(); i++) {
            double gap = (candles.get(i)[0] + candles.get(i)[1]) / 2.0 - (candles.get(i - 1)[0] + candles.get(i - 1)[1]) / 2.0;
            assertEquals(step, gap, 1.0, "bars are evenly spaced, Friday to Monday too (bar " + i + ")");
        }
        double left = 8;
        for (int i = 0; i < 40; i++) {
            int wick = (int) Math.floor(left + (i + 0.5) * step);
            Color expected = i % 2 == 0 ? Figure.UP : Figure.DOWN;
            int coloured = 0;
            for (int y = top; y < bottom; y++) {
                int rgb = img.getRGB(wick, y);
                if (candle(rgb)) {
                    assertEquals(expected.getRGB() | 0xff000000, rgb, "bar " + i + " at y " + y + ": the wick has the body's colour");
                    coloured++;
                }
            }
            assertTrue(coloured > 10, "bar " + i + " has a wick and a body: " + coloured);
        }
    }

    @Test
    void timeTicksMarkTheFirstBarOfEachPeriod() {
        CsvBars t = CsvBars.read(Path.of(TTRC), CsvOptions.defaults());
        long[] times = new long[t.rows()];
        for (int i = 0; i < times.length; i++) {
            times[i] = t.time(i);
        }
        List<Ticks.Tick> years = Ticks.time(times, 1128.0 / times.length, 72);
        assertFalse(years.isEmpty());
        for (Ticks.Tick tick : years) {
            assertTrue(tick.label().matches("\\d{4}"), tick.label());
            assertEquals(tick.label(), Instant.ofEpochMilli(times[tick.bar()]).toString().substring(0, 4));
            assertFalse(Instant.ofEpochMilli(times[tick.bar() - 1]).toString().startsWith(tick.label()), "the first bar of its year");
        }
        long[] recent = java.util.Arrays.copyOfRange(times, times.length - 120, times.length);
        List<String> months = Ticks.time(recent, 1128.0 / 120, 72).stream().map(Ticks.Tick::label).toList();
        assertEquals(List.of("Aug", "Sep", "Oct", "Nov", "Dec"), months);
        long[] fiveMinutes = new long[2 * 78];
        for (int i = 0; i < fiveMinutes.length; i++) {
            // Two sessions of 6.5 hours, 09:30 to 16:00 UTC.
            fiveMinutes[i] = day(i < 78 ? "2024-03-04" : "2024-03-05") + (9 * 60 + 30 + 5 * (i % 78)) * 60_000L;
        }
        List<Ticks.Tick> hours = Ticks.time(fiveMinutes, 1128.0 / fiveMinutes.length, 72);
        assertTrue(hours.stream().anyMatch(h -> h.label().equals("5 Mar") && h.major() && h.bar() == 78), hours.toString());
        assertTrue(hours.stream().filter(h -> !h.major()).allMatch(h -> h.label().matches("\\d\\d:00")), hours.toString());
    }

    @Test
    void theSvgDrawsWhatThePngDraws(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("c.svg");
        CliTest.Run r = CliTest.run("eval", "--csv", weekdays(dir).toString(), "--expr", "r=rsi(close, 3)", "--expr", "up=close > open",
                "--chart", svg.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        int up = text.split("<rect [^>]*fill=\"#26a69a\"", -1).length - 1;
        int down = text.split("<rect [^>]*fill=\"#ef5350\"", -1).length - 1;
        assertEquals(20 + 1, up, "a body per up bar, and the legend's swatch");
        assertEquals(20, down);
        assertEquals(20 + 1, text.split("<polygon fill=\"#2962ff\"", -1).length - 1, "a marker where 'up' becomes true, and the legend's");
        assertEquals(20, text.split("<polygon fill=\"#ffffff\"", -1).length - 1, "each marker has a rim");
        assertTrue(text.contains(">70</text>") && text.contains(">30</text>"), "rsi's guides are labelled");
        assertNotNull(javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile()));
    }

    /** Labels and titles are the user's text; the SVG stays XML whatever they hold, and shows what it cannot hold. */
    @Test
    void theSvgIsXmlWhateverTheLabelsHold(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "index,close\na\u0001b,1\nc\u001bd,2\ne\uffff,3\n<&>\",4\n");
        Path svg = dir.resolve("c.svg");
        CliTest.Run r = CliTest.run("eval", "--csv", csv.toString(), "--expr", "r=rsi(close, 2)", "--panel", "t\u0002\ud800\ud83d\ude00=r",
                "--chart", svg.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(0, r.code(), r.err());
        org.w3c.dom.NodeList texts = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile())
                .getElementsByTagName("text");
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            shown.add(texts.item(i).getTextContent());
        }
        assertTrue(shown.contains("\u2068a\\x01b\u2069 – \u2068<&>\"\u2069 · 4 bars"), shown.toString());
        assertTrue(shown.contains("t\\x02\ufffd\ud83d\ude00"), "a lone surrogate is U+FFFD, a pair (an emoji) is kept: " + shown);
    }

    /** The points of the SVG's first polyline drawn in {@code stroke}. */
    static double[][] polyline(String svg, String stroke) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<polyline [^>]*stroke=\"" + stroke + "\"[^>]* points=\"([^\"]*)\"")
                .matcher(svg);
        assertTrue(m.find(), "a polyline in " + stroke);
        return java.util.Arrays.stream(m.group(1).split(" ")).map(p -> java.util.Arrays.stream(p.split(",")).mapToDouble(Double::parseDouble)
                .toArray()).toArray(double[][]::new);
    }

    /** Runs {@code ta eval} drawing {@code csv} into an SVG; the SVG, or a failure naming a hang. */
    static String svg(Path dir, String csv, String... more) throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, csv);
        Path svg = dir.resolve("c.svg");
        List<String> args = new ArrayList<>(List.of("eval", "--csv", in.toString(), "--expr", "c=close", "--chart", svg.toString(),
                "--out", dir.resolve("o.csv").toString()));
        args.addAll(List.of(more));
        // Guards against a hang, which is what these inputs caused; it measures nothing.
        CliTest.Run r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(2),
                () -> CliTest.run(args.toArray(new String[0])));
        assertEquals(0, r.code(), r.err());
        return Files.readString(svg);
    }

    @Test
    void pricesNearTheLimitsOfADoubleAreDrawnWhereTheyAre(@TempDir Path dir) throws Exception {
        double[][] line = polyline(svg(dir, "date,close\n2020-01-01,1.7e308\n2020-01-02,-1.7e308\n2020-01-03,1e308\n"), "#263238");
        assertEquals(3, line.length, "every bar is a point");
        double top = 30;
        double bottom = 800 - 22;
        for (double[] p : line) {
            assertTrue(p[1] > top && p[1] < bottom, "inside the panel: " + p[1]);
        }
        assertTrue(line[0][1] < line[2][1] && line[2][1] < line[1][1], "1.7e308 above 1e308 above -1.7e308");
        assertEquals((line[1][1] - line[0][1]) * (1.7 - 1) / 3.4, line[2][1] - line[0][1], 1.0, "1e308 where a linear scale puts it");
    }

    @Test
    void aLogScaleOverSixHundredDecadesHasAFewTicks(@TempDir Path dir) throws Exception {
        double[][] line = polyline(svg(dir, "date,close\n2020-01-01,1e-300\n2020-01-02,1e300\n2020-01-03,1\n", "--log"), "#263238");
        assertEquals(line[0][1] + line[1][1], 2 * line[2][1], 1.0, "1 halfway between 1e-300 and 1e300");
        List<Double> ticks = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(1),
                () -> Ticks.log(1e-310, Double.POSITIVE_INFINITY, 10));
        assertTrue(ticks.size() >= 3 && ticks.size() <= 10, ticks.toString());
        assertTrue(ticks.stream().allMatch(Double::isFinite), ticks.toString());
    }

    @Test
    void valuesAFewUlpsApartAreAConstantNotAnEndlessAxis(@TempDir Path dir) throws Exception {
        // 0.1 + 0.2: a price written by a program that printed the double it had.
        double[][] line = polyline(svg(dir, "date,close\n2020-01-01,0.3\n2020-01-02,0.30000000000000004\n2020-01-03,0.3\n"), "#263238");
        assertEquals(line[0][1], line[1][1], 0.5, "flat");
        svg(dir, "date,close\n2020-01-01,100000000000000000\n2020-01-02,100000000000000016\n2020-01-03,100000000000000064\n");
        List<Double> ticks = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(1),
                () -> Ticks.linear(0.3, 0.30000000000000004, 10));
        for (int i = 1; i < ticks.size(); i++) {
            assertTrue(ticks.get(i) > ticks.get(i - 1), ticks.toString());
        }
        List<Double> wide = Ticks.linear(-Double.MAX_VALUE, Double.MAX_VALUE, 10);
        assertTrue(wide.size() >= 3 && wide.contains(0.0) && wide.stream().allMatch(Double::isFinite), wide.toString());
    }

    /** A price quoted in satoshis (2.5e-7) or a value past the trillions reads as itself, not 0 or 300 digits. */
    @Test
    void tinyAndHugeValuesAreWrittenWithAnExponent(@TempDir Path dir) throws Exception {
        assertEquals("2.507e-7", Ticks.format(2.5071e-7));
        assertEquals("-1.2e-5", Ticks.format(-0.000012));
        assertEquals("0.000123", Ticks.format(0.000123));
        assertEquals("1.7e308", Ticks.format(1.7e308));
        assertEquals("2.5B", Ticks.format(2.5e9));
        assertEquals("0", Ticks.format(0));
        assertEquals("2.55e-7", Ticks.format(2.55e-7, 5e-9), "as many digits as the ticks' step needs");
        assertEquals("2.525e-7", Ticks.format(2.525e-7, 2.5e-10));
        assertEquals("0.25", Ticks.format(0.25, 0.05));
        StringBuilder csv = new StringBuilder("date,close\n");
        for (int i = 0; i < 30; i++) {
            csv.append(LocalDate.parse("2022-01-01").plusDays(i)).append(',').append(2.5e-7 + i * 1e-9).append('\n');
        }
        String svg = svg(dir, csv.toString());
        assertTrue(svg.contains(">close 2.79e-7</text>"), "the legend's last close");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<text x=\"1142\" [^>]*>([^<]*)</text>").matcher(svg);
        List<String> axis = new ArrayList<>();
        while (m.find()) {
            axis.add(m.group(1));
        }
        assertTrue(axis.size() >= 3, axis.toString());
        assertEquals(axis.size(), new java.util.HashSet<>(axis).size(), "no two ticks with one label: " + axis);
        assertTrue(axis.stream().allMatch(t -> t.matches("\\d(\\.\\d+)?e-7")), axis.toString());
    }

    @Test
    void datesBeforeYearZeroOrAfter9999AreWrittenWhole(@TempDir Path dir) throws Exception {
        assertEquals("-0100-01-01", Ticks.when(java.time.LocalDate.of(-100, 1, 1).toEpochDay() * 86_400_000L, ZoneOffset.UTC));
        assertEquals("+275000-01-01 12:30Z", Ticks.when(java.time.LocalDateTime.of(275000, 1, 1, 12, 30).toEpochSecond(ZoneOffset.UTC) * 1000,
                ZoneOffset.UTC));
        String svg = svg(dir, "date,close\n-000100-01-01,1\n+20000-01-01,2\n+275000-01-01,3\n");
        assertTrue(svg.contains("-0100-01-01 – +275000-01-01 · 3 bars"), "the range of dates drawn");
    }

    /** Times at the ends of the range of timestamps: a local time past it is an error, not a date wrapped around. */
    @Test
    void aLocalTimePastTheRangeOfTimestampsIsAnError(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("end.csv");
        Files.writeString(csv, "timestamp,close\n9223372036854775806,1\n9223372036854775807,2\n");
        CliTest.error(2, "--tz Asia/Tokyo: the bar at +292278994-08-17T07:12:55.806Z is at a local time outside the range of timestamps;"
                + " draw it in UTC", "eval", "--csv", csv.toString(), "--time-unit", "ms", "--expr", "c=close", "--tz", "Asia/Tokyo", "--chart",
                dir.resolve("c.png").toString(), "--out", dir.resolve("o.csv").toString());
        Figure utc = figure("--csv", csv.toString(), "--time-unit", "ms", "--expr", "c=close");
        assertEquals(Long.MAX_VALUE, utc.times[1]);
        assertEquals("+292278994-08-17 07:12Z", Ticks.when(utc.times[1], utc.zone));
    }

    @Test
    void fromAndToPastEitherEndOfTheRangeOfTimestampsAreBeforeOrAfterEveryBar() {
        for (String zone : List.of("UTC", "America/New_York", "Asia/Tokyo")) {
            assertEquals(5550, figure("--csv", TTRC, "--expr", "c=close", "--tz", zone, "--to", "+999999999-12-31").n, zone);
            assertEquals(5550, figure("--csv", TTRC, "--expr", "c=close", "--tz", zone, "--from", "-999999999-01-01", "--to",
                    "+292278994-08-17").n, zone);
            assertEquals(5550, figure("--csv", TTRC, "--expr", "c=close", "--tz", zone, "--to", "+999999999-12-31T23:59:59.999999999").n);
        }
        CliTest.error(2, "no bars to draw between --from +292278994-08-18 and --to the end", "eval", "--csv", TTRC, "--expr", "c=close",
                "--from", "+292278994-08-18", "--chart", "x.png");
        assertEquals(5, figure("--csv", CliTest.EU, "--expr", "c=dax", "--from", "-99999999999999999999", "--to", "4").n);
        Figure all = figure("--csv", CliTest.EU, "--expr", "c=dax", "--to", "9223372036854775807");
        assertEquals(all.n, figure("--csv", CliTest.EU, "--expr", "c=dax", "--to", "99999999999999999999").n);
        assertEquals(all.n, figure("--csv", CliTest.EU, "--expr", "c=dax").n, "--to the largest bar number draws every bar");
        assertFalse(Files.exists(Path.of("x.png")));
    }

    /** {@code ta eval} arguments drawing rsi in {@code panels} panels of its own below the price. */
    static List<String> panels(int panels) {
        List<String> args = new ArrayList<>(List.of("eval", "--csv", TTRC));
        for (int i = 0; i < panels; i++) {
            args.addAll(List.of("--expr", "e" + i + "=rsi(close, " + (i + 2) + ")", "--panel", "p" + i + "=e" + i));
        }
        return args;
    }

    @Test
    void morePanelsThanTheChartHasRoomForAreAnError(@TempDir Path dir) throws Exception {
        assertEquals(35, Painter.room(800));
        List<String> tooMany = panels(36);
        tooMany.addAll(List.of("--chart", dir.resolve("c.png").toString(), "--out", dir.resolve("o.csv").toString()));
        CliTest.error(2, "36 panels below the price do not fit a chart 800 pixels high (room for 35); make it taller (--chart-size) or"
                + " put series in one panel (--panel TITLE=NAME,...)", tooMany.toArray(new String[0]));
        assertFalse(Files.exists(dir.resolve("c.png")));
        assertFalse(Files.exists(dir.resolve("o.csv")), "refused before anything is written");
        tooMany.addAll(List.of("--chart-size", "1200x900"));
        assertEquals(0, CliTest.run(tooMany.toArray(new String[0])).code(), "a taller chart has room");
        List<String> fit = panels(35);
        fit.addAll(List.of("--chart", dir.resolve("c.png").toString(), "--out", dir.resolve("o.csv").toString()));
        assertEquals(0, CliTest.run(fit.toArray(new String[0])).code());
        BufferedImage img = ImageIO.read(dir.resolve("c.png").toFile());
        int blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            blue += (img.getRGB(600, y) & 0xffffff) == 0x2962ff ? 1 : 0;
        }
        assertTrue(blue >= 20, "the lines of the panels are drawn: " + blue);
    }

    /** Labels are the data's text: a right-to-left override in one must not turn the numbers after it around. */
    @Test
    void aRightToLeftOverrideInALabelTurnsNoNumberAround(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("index,close\nA\u202e,1\n");
        for (int i = 2; i < 12; i++) {
            csv.append("B").append(i).append(',').append(i).append('\n');
        }
        csv.append("Z\u202e,12\n");
        String svg = svg(dir, csv.toString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(">([^<]* bars)</text>").matcher(svg);
        assertTrue(m.find());
        String subtitle = m.group(1);
        java.text.Bidi bidi = new java.text.Bidi(subtitle, java.text.Bidi.DIRECTION_LEFT_TO_RIGHT);
        int twelve = subtitle.indexOf("12 bars");
        for (int i = twelve; i < subtitle.length(); i++) {
            assertEquals(0, bidi.getLevelAt(i), "'12 bars' reads left to right, not 'srab 21': " + subtitle);
        }
        assertTrue(subtitle.contains("A\u202e") && subtitle.contains("Z\u202e"), "the labels as they are");
    }
}
