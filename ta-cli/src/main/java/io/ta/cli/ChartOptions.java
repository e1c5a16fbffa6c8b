package io.ta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The options of the charts {@code eval} draws: files, size, scale, the bars shown, panels, the price. */
final class ChartOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    static final String HELP = "%nCharts (--chart FILE.png or FILE.svg, --html FILE.html):%n"
            + "  Price on top: candles while each bar gets 3 pixels, else a line of the%n"
            + "  close. Each expression goes where its kernel says (@Chart): averages and%n"
            + "  bands over the price, oscillators in a panel of their own with their%n"
            + "  reference lines (rsi 30/70) and fixed range, histograms as bars; outputs%n"
            + "  of one kernel share a panel. Conditions are markers where they become%n"
            + "  true: below the bar, or above it with --above NAME. Bars are evenly%n"
            + "  spaced (no weekend gaps). Indicators use every row; --from, --to and%n"
            + "  --last only choose the bars drawn. The HTML report is one file that%n"
            + "  works offline: zoom and pan with the mouse, values under the crosshair.%n";

    @Option(names = "--chart", paramLabel = "FILE", description = "Draw a chart: FILE.png or FILE.svg (format from the extension).")
    Path chart;

    @Option(names = "--html", paramLabel = "FILE", description = "Write an interactive chart: one self-contained FILE.html (zoom, pan, crosshair).")
    Path html;

    @Option(names = "--chart-size", paramLabel = "WxH", defaultValue = "1200x800", description = "Chart size in pixels (default ${DEFAULT-VALUE}).")
    String chartSize = "1200x800";

    @Option(names = "--log", description = "Logarithmic price scale (prices must be positive).")
    boolean log;

    /**
     * A logarithmic price scale where every price drawn is positive, else a linear one: for {@code ta demo}, which
     * has no {@code --log} a user could drop when the data does not suit it.
     */
    boolean logWherePositive;

    @Option(names = "--from", paramLabel = "WHEN",
            description = "First bar to draw: a date or date-time (2020-01-31, 2020-01-31T15:30) or, without times, a bar number.")
    String from;

    @Option(names = "--to", paramLabel = "WHEN", description = "Last bar to draw (inclusive), like --from.")
    String to;

    @Option(names = "--last", paramLabel = "N", description = "Draw only the last N bars (of those --from/--to choose).")
    Integer last;

    @Option(names = "--panel", paramLabel = "TITLE=NAME,...",
            description = "Draw these --expr names in one panel titled TITLE (repeatable), e.g. macd=line,signal,hist; TITLE price puts them over the price.")
    List<String> panels;

    @Option(names = "--above", paramLabel = "NAME", split = ",",
            description = "Draw these conditions' markers above the bars, pointing down (a sell); by default they are below, pointing up.")
    List<String> above;

    @Option(names = "--price-col", paramLabel = "COL", description = "The price column (default: close, else the first column the expressions read).")
    String priceColumn;

    @Option(names = "--price-style", paramLabel = "STYLE", defaultValue = "auto",
            description = "auto (candles when they fit, else a line), candles or line (default ${DEFAULT-VALUE}).")
    String priceStyle = "auto";

    /** The image format {@code --chart} asks for. */
    enum Format { PNG, SVG }

    /** Whether any chart is asked for. */
    boolean any() {
        return chart != null || html != null;
    }

    /**
     * The format of {@code --chart}, from its extension.
     *
     * @throws CommandLine.ParameterException for another extension
     */
    Format format() {
        String name = chart.getFileName() == null ? "" : chart.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return Format.PNG;
        }
        if (name.endsWith(".svg")) {
            return Format.SVG;
        }
        throw new CommandLine.ParameterException(spec.commandLine(), "--chart '" + chart + "': the format comes from the extension, "
                + ".png or .svg" + (name.endsWith(".html") || name.endsWith(".htm") ? "; for an interactive chart use --html " + chart : ""));
    }

    /** Checks what can be checked before reading the data; returns the size. */
    int[] validate(List<String> names) {
        if (chart != null) {
            format();
        }
        if (html != null) {
            String name = html.getFileName() == null ? "" : html.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".html") && !name.endsWith(".htm")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--html '" + html + "': the report is an HTML file; name it FILE.html");
            }
        }
        if (last != null && last < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--last takes a number of bars of at least 1, got " + last);
        }
        if (!List.of("auto", "candles", "line").contains(priceStyle)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--price-style takes auto, candles or line, got '" + priceStyle + "'");
        }
        groups(names);
        for (String a : above == null ? List.<String>of() : above) {
            if (!names.contains(a)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--above: '" + a + "' is not an --expr name; names: " + String.join(", ", names));
            }
        }
        return ChartWriter.size(spec.commandLine(), chartSize);
    }

    /**
     * The {@code --panel} groups: title → expression names, in order.
     *
     * @throws CommandLine.ParameterException for bad syntax, an unknown name, or a name in two groups
     */
    Map<String, List<String>> groups(List<String> names) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, String> taken = new LinkedHashMap<>();
        for (String p : panels == null ? List.<String>of() : panels) {
            int eq = p.indexOf('=');
            String title = eq < 0 ? "" : p.substring(0, eq).trim();
            if (eq <= 0 || title.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--panel takes TITLE=NAME,NAME,... (e.g. macd=line,signal,hist), got '"
                        + p + "'");
            }
            List<String> members = new ArrayList<>();
            for (String m : p.substring(eq + 1).split(",", -1)) {
                String name = m.trim();
                if (!names.contains(name)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--panel " + title + ": '" + name + "' is not an --expr name; names: "
                            + String.join(", ", names));
                }
                String before = taken.putIfAbsent(name, title);
                if (before != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--panel: '" + name + "' is in two panels, " + before + " and " + title);
                }
                members.add(name);
            }
            if (out.containsKey(title)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--panel: two panels are titled '" + title + "'");
            }
            out.put(title, members);
        }
        return out;
    }
}
