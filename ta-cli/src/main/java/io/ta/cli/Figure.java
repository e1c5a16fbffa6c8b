package io.ta.cli;

import io.ta.annotation.Chart;
import io.ta.runtime.Series;
import io.ta.runtime.csv.CsvBars;
import io.ta.runtime.plan.Node;
import io.ta.runtime.plan.Ref;
import io.ta.spi.ChartSpec;
import java.awt.Color;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * What a chart shows, whatever draws it (the PNG and SVG {@link Painter}, the HTML {@link HtmlReport}): the bars in the
 * chosen range, the price, the panels with their series, reference lines and ranges, and the markers. Where each
 * expression goes comes from its kernel's {@code @Chart} declaration ({@link ChartSpec}), never from its name.
 */
final class Figure {
    /** Overlay colours: no pure red or green, which are the candles'. */
    static final Color[] PALETTE = {
        new Color(0x2962ff), new Color(0xff6d00), new Color(0x9c27b0), new Color(0xe91e63), new Color(0x00acc1),
        new Color(0x795548), new Color(0x3f51b5), new Color(0x827717), new Color(0x607d8b)};
    static final Color UP = new Color(0x26a69a);
    static final Color DOWN = new Color(0xef5350);
    static final Color PRICE_LINE = new Color(0x263238);

    /** One drawn series. */
    record Line(String name, double[] y, Chart.Style style, Color color) {
        /** The last valid value, or NaN. */
        double last() {
            for (int i = y.length - 1; i >= 0; i--) {
                if (!Double.isNaN(y[i])) {
                    return y[i];
                }
            }
            return Double.NaN;
        }
    }

    /**
     * One panel: the price panel first, then the others top to bottom.
     *
     * @param guides reference lines across the panel
     * @param min the fixed bottom of the scale, or NaN (then both follow the data)
     * @param max the fixed top of the scale, or NaN
     */
    record Panel(String title, List<Line> lines, List<Double> guides, double min, double max, boolean log) {
        boolean bounded() {
            return !Double.isNaN(min) && !Double.isNaN(max);
        }
    }

    /** Where a condition became true (or a marker kernel fired): bar positions, above or below the bar. */
    record Markers(String name, int[] at, boolean[] above, Color color) {}

    /** How the price is drawn. */
    enum PriceStyle { AUTO, CANDLES, LINE }

    final String title;
    final int n;
    /**
     * Each bar's time as wall-clock milliseconds in {@link #zone} (epoch milliseconds plus the zone's offset at that
     * instant, so calendar ticks fall on local boundaries), or null when the data has no times.
     */
    final long[] times;
    /** The zone the times are shown in. */
    final ZoneId zone;
    /** The text under each bar when there are no times (the index column, or the bar number). */
    final String[] labels;
    final String priceName;
    /** Open, high and low, or null when the data has no OHLC (the price is then a line). */
    final double[] open;
    final double[] high;
    final double[] low;
    final double[] close;
    final PriceStyle priceStyle;
    final List<Panel> panels;
    final List<Markers> markers;

    private Figure(String title, long[] times, ZoneId zone, String[] labels, String priceName, double[] open, double[] high,
            double[] low, double[] close, PriceStyle priceStyle, List<Panel> panels, List<Markers> markers) {
        this.title = title;
        this.n = close.length;
        this.times = times;
        this.zone = zone;
        this.labels = labels;
        this.priceName = priceName;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.priceStyle = priceStyle;
        this.panels = panels;
        this.markers = markers;
    }

    /**
     * The bars drawn, first to last, and how many: the chart's subtitle. Labels are the data's text, each isolated
     * (U+2068 … U+2069), so a right-to-left override in one (A\u202E) cannot turn "12 bars" into "srab 21".
     */
    String span() {
        if (n == 0) {
            return "no bars";
        }
        String first = times != null ? Ticks.when(times[0], zone) : "\u2068" + labels[0] + "\u2069";
        String last = times != null ? Ticks.when(times[n - 1], zone) : "\u2068" + labels[n - 1] + "\u2069";
        return first + " – " + last + " · " + String.format(java.util.Locale.ROOT, "%,d", n) + " bars";
    }

    boolean ohlc() {
        return open != null;
    }

    /** Where a bar's marker sits: below its low (or price), or above its high. */
    double anchor(int i, boolean above) {
        if (ohlc()) {
            return above ? high[i] : low[i];
        }
        return close[i];
    }

    /**
     * Builds the figure of the rows {@code rows} (all when null) of {@code table}, with {@code values[i]} the values of
     * the i-th expression at those rows.
     *
     * @throws CommandLine.ParameterException when the options cannot apply to this data (a range without bars, a log
     *     scale over prices that are not positive, an unknown price column)
     */
    static Figure build(CommandLine cl, ChartOptions o, CsvBars table, int[] rows, Evaluation ev, Evaluation.Label label,
            Series[] values, ZoneId zone) {
        int all = rows == null ? table.rows() : rows.length;
        int[] range = range(cl, o, table, rows, all, zone);
        int lo = range[0];
        int n = range[1] - lo;
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            at[i] = rows == null ? lo + i : rows[lo + i];
        }
        long[] times = null;
        String[] labels = null;
        if (table.hasTime()) {
            times = new long[n];
            for (int i = 0; i < n; i++) {
                long t = table.time(at[i]);
                try {
                    long offset = zone.getRules().getOffset(Instant.ofEpochMilli(t)).getTotalSeconds() * 1000L;
                    times[i] = Math.addExact(t, offset);
                } catch (ArithmeticException e) {
                    // Wrapped around, the bar would be labelled with a date 584 million years off.
                    throw new CommandLine.ParameterException(cl, "--tz " + zone.getId() + ": the bar at "
                            + Instant.ofEpochMilli(t) + " is at a local time outside the range of timestamps; draw it in UTC");
                }
            }
        } else {
            labels = new String[n];
            for (int i = 0; i < n; i++) {
                labels[i] = label.kind() == Evaluation.Label.Kind.BAR ? Integer.toString(lo + i) : table.label(at[i]);
            }
        }

        String priceName = priceColumn(cl, o, table, ev, label);
        double[] close = priceName == null ? nan(n) : column(table, priceName, at);
        boolean ohlc = "close".equals(priceName) && table.columns().containsAll(List.of("open", "high", "low"));
        double[] open = ohlc ? column(table, "open", at) : null;
        double[] high = ohlc ? column(table, "high", at) : null;
        double[] low = ohlc ? column(table, "low", at) : null;
        boolean log = o.log || o.logWherePositive;
        if (log) {
            double[][] prices = ohlc ? new double[][] {open, high, low, close} : new double[][] {close};
            String[] names = ohlc ? new String[] {"open", "high", "low", priceName} : new String[] {priceName};
            for (int c = 0; c < prices.length; c++) {
                double[] a = prices[c];
                for (int i = 0; i < n; i++) {
                    if (a[i] <= 0 && !o.log) {
                        log = false;
                    } else if (a[i] <= 0) {
                        String when = times != null ? Ticks.when(times[i], zone) : labels[i];
                        throw new CommandLine.ParameterException(cl, "--log needs positive prices, but " + names[c]
                                + " is " + a[i] + " at " + when + "; draw it without --log");
                    }
                }
            }
        }

        Map<String, List<String>> groups = o.groups(ev.names);
        Map<String, String> groupOf = new LinkedHashMap<>();
        groups.forEach((title, members) -> members.forEach(m -> groupOf.put(m, title)));
        Map<String, PanelBuilder> panels = new LinkedHashMap<>();
        PanelBuilder price = new PanelBuilder(priceName == null ? "price" : priceName, log);
        price.bounded = false;
        panels.put("price", price);
        List<Markers> markers = new ArrayList<>();
        for (int i = 0; i < ev.names.size(); i++) {
            String name = ev.names.get(i);
            double[] y = slice(values[i], lo, n);
            Ref root = ev.plan.roots().get(name);
            Node node = root.node();
            ChartSpec spec = node instanceof Node.Kernel k ? k.descriptor().chart() : null;
            Chart.Style style = spec == null ? Chart.Style.AUTO : spec.style(root.output());
            Chart.Pane pane = spec == null ? Chart.Pane.AUTO : spec.pane(root.output());
            String group = groupOf.get(name);
            if (group != null) {
                PanelBuilder p = group.equals("price") ? price : panels.computeIfAbsent("panel:" + group, g -> new PanelBuilder(group, false));
                if (ev.condition[i]) {
                    p.add(new Line(name, y, Chart.Style.STEP, p.color(null)), null, -1);
                } else {
                    p.add(new Line(name, y, lineStyle(style), p.color(p == price ? node : null)), spec, root.output());
                }
            } else if (ev.condition[i] || style == Chart.Style.MARKER || style == Chart.Style.MARKER_ABOVE || style == Chart.Style.MARKER_BELOW) {
                Chart.Style place = o.above != null && o.above.contains(name) ? Chart.Style.MARKER_ABOVE : style;
                // A condition that already held on the bar before the first one drawn did not become true there.
                double before = lo > 0 ? values[i].get(lo - 1) : Double.NaN;
                markers.add(markers(name, y, before, ev.condition[i], place, price.color(null)));
            } else if (pane == Chart.Pane.PRICE || pane == Chart.Pane.AUTO && tracks(root, y, close)) {
                // Outputs of one kernel over the price (a band's upper and lower) share a colour.
                price.add(new Line(name, y, lineStyle(style), price.color(node)), null, -1);
            } else {
                String key = pane == Chart.Pane.OWN && node instanceof Node.Kernel k ? "kernel:" + k.descriptor().name() : "expr:" + name;
                String title = node instanceof Node.Kernel k && pane == Chart.Pane.OWN ? k.descriptor().name() : name;
                PanelBuilder p = panels.computeIfAbsent(key, g -> new PanelBuilder(title, false));
                p.add(new Line(name, y, lineStyle(style), p.color(null)), spec, root.output());
            }
        }
        List<Panel> built = new ArrayList<>();
        for (PanelBuilder p : panels.values()) {
            built.add(p.build());
        }
        int height = ChartWriter.size(cl, o.chartSize)[1];
        if (built.size() - 1 > Painter.room(height)) {
            // Beyond it panels got a negative height: 100 of them at 800 pixels drew a chart without a single line.
            throw new CommandLine.ParameterException(cl, (built.size() - 1) + " panels below the price do not fit a chart "
                    + height + " pixels high (room for " + Painter.room(height) + "); make it taller (--chart-size) or put"
                    + " series in one panel (--panel TITLE=NAME,...)");
        }
        PriceStyle ps = switch (o.priceStyle) {
            case "candles" -> PriceStyle.CANDLES;
            case "line" -> PriceStyle.LINE;
            default -> PriceStyle.AUTO;
        };
        return new Figure(title(table.source()), times, zone, labels, priceName == null ? "price" : priceName, open, high, low, close, ps,
                built, markers);
    }

    /** The panel's series, reference lines and range as its kernels declare them. */
    private static final class PanelBuilder {
        final String title;
        final boolean log;
        final List<Line> lines = new ArrayList<>();
        final List<Double> guides = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean bounded = true;

        private final Map<Node, Color> colorOf = new java.util.HashMap<>();
        private int colors;

        PanelBuilder(String title, boolean log) {
            this.title = title;
            this.log = log;
        }

        /** The next colour of this panel's palette; the same one again for another output of {@code node}. */
        Color color(Node node) {
            if (node != null && colorOf.containsKey(node)) {
                return colorOf.get(node);
            }
            Color c = PALETTE[colors++ % PALETTE.length];
            if (node != null) {
                colorOf.put(node, c);
            }
            return c;
        }

        void add(Line line, ChartSpec spec, int output) {
            lines.add(line);
            if (spec == null || output < 0) {
                // A condition drawn in a panel is a 0/1 step: that range is known; any other series follows its data.
                if (line.style() == Chart.Style.STEP && isFlag(line.y())) {
                    min = Math.min(min, 0);
                    max = Math.max(max, 1);
                } else {
                    bounded = false;
                }
                return;
            }
            for (double g : spec.guides()) {
                if (!guides.contains(g)) {
                    guides.add(g);
                }
            }
            guides.sort(null);
            if (spec.bounded()) {
                min = Math.min(min, spec.min());
                max = Math.max(max, spec.max());
            } else {
                bounded = false;
            }
        }

        Panel build() {
            boolean b = bounded && !lines.isEmpty() && min < max;
            return new Panel(title, List.copyOf(lines), List.copyOf(guides), b ? min : Double.NaN, b ? max : Double.NaN, log);
        }
    }

    private static boolean isFlag(double[] y) {
        for (double v : y) {
            if (!Double.isNaN(v) && v != 0 && v != 1) {
                return false;
            }
        }
        return true;
    }

    private static Chart.Style lineStyle(Chart.Style s) {
        return switch (s) {
            case STEP, HISTOGRAM, DOTS -> s;
            default -> Chart.Style.LINE;
        };
    }

    /**
     * The bars where a condition becomes true (a signal, not every bar it holds), or where a marker kernel's value is
     * not zero: below the bar unless the kernel says above (or, for {@code MARKER}, the value is negative).
     *
     * @param before the value on the bar before {@code y[0]}, NaN when there is none
     */
    static Markers markers(String name, double[] y, double before, boolean condition, Chart.Style style, Color color) {
        int[] at = new int[y.length];
        boolean[] above = new boolean[y.length];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            boolean on = !Double.isNaN(y[i]) && y[i] != 0;
            double previous = i == 0 ? before : y[i - 1];
            boolean onset = condition ? on && !(previous != 0 && !Double.isNaN(previous)) : on;
            if (onset) {
                at[k] = i;
                above[k] = style == Chart.Style.MARKER_ABOVE || style == Chart.Style.MARKER && y[i] < 0;
                k++;
            }
        }
        return new Markers(name, Arrays.copyOf(at, k), Arrays.copyOf(above, k), color);
    }

    /**
     * Whether a series without a declared panel belongs over the price: its median distance from the price of the same
     * bar is under half the price.
     */
    static boolean tracks(Ref root, double[] y, double[] price) {
        double[] ratios = new double[y.length];
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && Double.isFinite(price[i]) && price[i] != 0) {
                ratios[n++] = Math.abs(y[i] / price[i] - 1);
            }
        }
        if (n == 0) {
            return root.node() instanceof Node.Column;
        }
        Arrays.sort(ratios, 0, n);
        return ratios[n / 2] < 0.5;
    }

    /** The column drawn as the price: {@code --price-col}, else close, else the first column the expressions read. */
    private static String priceColumn(CommandLine cl, ChartOptions o, CsvBars table, Evaluation ev, Evaluation.Label label) {
        if (o.priceColumn != null) {
            String name = io.ta.runtime.csv.CsvReader.name(o.priceColumn);
            if (!table.columns().contains(name)) {
                throw new CommandLine.ParameterException(cl, "--price-col '" + o.priceColumn + "': " + table.source() + " has no such number column");
            }
            return name;
        }
        if (table.columns().contains("close")) {
            return "close";
        }
        for (String c : ev.plan.columns()) {
            if (!c.equals(label.column()) && table.columns().contains(c)) {
                return c;
            }
        }
        return null;
    }

    /** The bars to draw, {@code [from, to)} in positions of the series. */
    private static int[] range(CommandLine cl, ChartOptions o, CsvBars table, int[] rows, int all, ZoneId zone) {
        int from = 0;
        int to = all;
        if (o.from != null) {
            from = first(cl, table, rows, all, o.from, "--from", false, zone);
        }
        if (o.to != null) {
            to = first(cl, table, rows, all, o.to, "--to", true, zone);
        }
        if (o.last != null) {
            from = Math.max(from, to - o.last);
        }
        if (all > 0 && from >= to) {
            String span = table.hasTime() ? " (the data runs " + table.label(rows == null ? 0 : rows[0]) + " .. "
                    + table.label(rows == null ? all - 1 : rows[all - 1]) + ")" : " (bars 0 .. " + (all - 1) + ")";
            throw new CommandLine.ParameterException(cl, "no bars to draw between --from " + (o.from == null ? "the start" : o.from) + " and --to "
                    + (o.to == null ? "the end" : o.to) + span);
        }
        return new int[] {from, Math.max(from, to)};
    }

    /**
     * The position of the first bar at or after {@code when} ({@code after}: the first bar after the whole of
     * {@code when}, so {@code --to 2020-03-31} includes that day).
     */
    private static int first(CommandLine cl, CsvBars table, int[] rows, int all, String when, String option, boolean after, ZoneId zone) {
        if (!table.hasTime()) {
            try {
                // Any whole number: --to 9223372036854775807, or one longer still, means every bar.
                BigInteger bar = new BigInteger(when.trim());
                BigInteger end = bar.add(after ? BigInteger.ONE : BigInteger.ZERO);
                return end.max(BigInteger.ZERO).min(BigInteger.valueOf(all)).intValue();
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(cl, option + " '" + when + "': without a time column, bars are chosen by number (0 is the first)");
            }
        }
        Instant at = instant(cl, when, option, after, zone);
        // A date past either end of the range of timestamps (+999999999-12-31) is before or after every bar.
        if (at.isAfter(Instant.ofEpochMilli(Long.MAX_VALUE))) {
            return all;
        }
        long t = at.isBefore(Instant.ofEpochMilli(Long.MIN_VALUE)) ? Long.MIN_VALUE : at.toEpochMilli();
        int a = 0;
        int b = all;
        while (a < b) {
            int m = (a + b) >>> 1;
            long tm = table.time(rows == null ? m : rows[m]);
            if (tm < t) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a;
    }

    /**
     * {@code when} as an instant (in {@code zone} unless it has an offset); with {@code end}, the first millisecond
     * after it (after the whole day for a date).
     */
    private static Instant instant(CommandLine cl, String when, String option, boolean end, ZoneId zone) {
        String s = when.trim();
        try {
            LocalDate d = LocalDate.parse(s);
            if (end && d.equals(LocalDate.MAX)) {
                return Instant.MAX;
            }
            return d.plusDays(end ? 1 : 0).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            // try a date-time
        }
        String t = s.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant().plusMillis(end ? 1 : 0);
        } catch (DateTimeParseException e) {
            // try without an offset
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant().plusMillis(end ? 1 : 0);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, option + " '" + when + "' is not a date (2020-01-31) or date-time (2020-01-31T15:30, in "
                    + "the --tz zone, UTC by default, unless an offset is given)");
        }
    }

    private static double[] slice(Series s, int from, int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double v = s.get(from + i);
            y[i] = Double.isFinite(v) ? v : Double.NaN;
        }
        return y;
    }

    private static double[] column(CsvBars t, String name, int[] at) {
        int k = t.columns().indexOf(name);
        double[] out = new double[at.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.value(k, at[i]);
        }
        return out;
    }

    private static double[] nan(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static String title(String source) {
        int slash = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
        return source.substring(slash + 1);
    }
}
