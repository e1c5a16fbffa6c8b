package io.ta.cli;

import io.ta.runtime.Bars;
import io.ta.runtime.Series;
import io.ta.runtime.csv.CsvBars;
import io.ta.runtime.csv.CsvReader;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.PlanResult;
import io.ta.runtime.source.Events;
import io.ta.runtime.source.Sources;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ta eval}: loads the whole CSV (only the columns the expressions read, as primitive arrays), evaluates the plan
 * block by block, writes CSV and optionally a chart. Memory grows with rows × columns read; {@code ta stream} needs
 * none per row.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, footer = ChartOptions.HELP + InputOptions.RULES + SourceOptions.HELP + Main.EXIT_CODES,
        description = {"Evaluate expressions over a CSV of bars; print one row per input row.",
            "Holds the columns it reads in memory (8 bytes per row and column); for very large inputs use 'ta stream'."})
final class EvalCommand implements Runnable {
    private static final List<String> PRICE = List.of("open", "high", "low", "close", "volume");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    InputOptions input;

    @CommandLine.Mixin
    TimeOptions time;

    @Option(names = "--expr", required = true, paramLabel = "NAME=EXPR",
            description = "An expression to evaluate, e.g. rsi=rsi(close, 14) or buy='rsi(close, 14) < 30 and close > sma(close, 200)'.")
    List<String> exprs;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of standard output.")
    Path out;

    @CommandLine.Mixin
    ChartOptions charts;

    @CommandLine.Mixin
    SourceOptions sources;

    private CsvReader reader;
    private int columnsRead;

    @Override
    public void run() {
        Evaluation ev = Evaluation.of(spec.commandLine(), exprs, input.symbolColumn, time.zone());
        int[] size = charts.validate(ev.names);
        try {
            evaluate(ev, size);
        } catch (OutOfMemoryError e) {
            long rows = reader == null ? 0 : reader.rows();
            int columns = columnsRead + ev.names.size();
            throw new NotEnoughMemory("not enough memory for " + rows + " rows × " + columns + " columns; use 'ta stream' or " + Main.HEAP_HINT);
        }
    }

    /** The input as read: its columns in use, how its rows are labelled, and the events of each source read. */
    private record Loaded(CsvBars table, Evaluation.Label label, Map<String, Events> events) {}

    private void evaluate(Evaluation ev, int[] size) {
        Loaded in = load(ev, charts.any());
        Series[][] results = evaluate(ev, in.table(), in.events());
        // Before any output: a chart option that does not fit the data (a range without bars) is a usage error.
        Figure figure = charts.any() ? figure(ev, in, results) : null;
        try (Output o = out == null ? Output.standard(((Main) spec.root().userObject()).out()) : Output.file(out)) {
            writeCsv(o, ev, in.label(), in.table(), results, time.style(in.table().hasTime()), time.zone());
        }
        if (figure != null) {
            if (charts.chart != null) {
                ChartWriter.image(figure, charts.chart, charts.format(), size[0], size[1]);
            }
            if (charts.html != null) {
                ChartWriter.html(figure, charts.html, size[1]);
            }
        }
    }

    private Loaded load(Evaluation ev, boolean chart) {
        List<SourceOptions.Source> given = sources(ev, sources, input);
        CsvBars table;
        Evaluation.Label label;
        try (CsvReader r = input.open()) {
            reader = r;
            label = Evaluation.Label.of(r);
            ev.checkLabel(label, r.symbolColumn());
            List<String> columns = columns(ev, r, chart, charts.priceColumn);
            r.select(columns);
            columnsRead = columns.size() + (r.hasTime() ? 1 : 0);
            PrintStream p = Progress.stream();
            table = CsvBars.load(r, p == null ? null : n -> {
                p.print("\rreading " + r.source() + ": " + n + " rows");
                p.flush();
            });
            if (p != null && table.rows() >= Progress.EVERY) {
                p.println("\rreading " + r.source() + ": " + table.rows() + " rows");
            }
        }
        Map<String, Events> events = new LinkedHashMap<>();
        List<EventCsv> files = SourceOptions.open(given, input.timeUnit);
        try {
            for (EventCsv f : files) {
                events.put(f.key(), f.readAll());
            }
        } finally {
            files.forEach(EventCsv::close);
        }
        return new Loaded(table, label, events);
    }

    /**
     * The sources the plan reads and their files (none for a plan that reads none: like unused CSV columns, unused
     * sources are not opened, though malformed options are refused); refuses sources with {@code --symbol-col}, as each
     * symbol would need sources of its own.
     */
    static List<SourceOptions.Source> sources(Evaluation ev, SourceOptions options, InputOptions input) {
        if (!ev.readsSources) {
            options.check();
            return List.of();
        }
        if (input.symbolColumn != null) {
            throw new CommandLine.ParameterException(options.spec.commandLine(), "event sources (" + String.join(", ",
                    ev.plan.requirements().sources().keySet()) + ") with --symbol-col: the sources would be every symbol's;"
                    + " run one symbol's bars at a time");
        }
        return options.resolve(ev);
    }

    /** What the chart shows: the first symbol's rows (all rows without symbols; none without rows). */
    private Figure figure(Evaluation ev, Loaded in, Series[][] results) {
        CsvBars table = in.table();
        boolean first = table.symbols() != null && !table.symbols().isEmpty();
        int[] rows = table.symbols() == null ? null : first ? table.rowsBySymbol()[0] : new int[0];
        Series[] values = results.length > 0 ? results[0] : new Series[ev.names.size()];
        if (results.length == 0) {
            java.util.Arrays.fill(values, Series.of());
        }
        return Figure.build(spec.commandLine(), charts, table, rows, ev, in.label(), values, time.zone());
    }

    /** The figure this command's chart options draw, without writing anything (for tests). */
    Figure figure() {
        Evaluation ev = Evaluation.of(spec.commandLine(), exprs, input.symbolColumn, time.zone());
        charts.validate(ev.names);
        Loaded in = load(ev, true);
        return figure(ev, in, evaluate(ev, in.table(), in.events()));
    }

    /**
     * The columns to read: those the expressions use (checked to exist), and for a chart also the price columns the
     * input has (and {@code priceColumn} when given).
     */
    static List<String> columns(Evaluation ev, CsvReader r, boolean chart, String priceColumn) {
        ev.requireColumns(r);
        List<String> columns = new ArrayList<>(ev.barColumns);
        if (chart) {
            List<String> price = new ArrayList<>(PRICE);
            if (priceColumn != null) {
                price.add(CsvReader.name(priceColumn));
            }
            String time = r.timeColumn() == null ? null : CsvReader.name(r.timeColumn());
            String symbol = r.symbolColumn() == null ? null : CsvReader.name(r.symbolColumn());
            for (String p : price) {
                if (!columns.contains(p) && r.columns().contains(p) && !p.equals(time) && !p.equals(symbol)) {
                    columns.add(p);
                }
            }
        }
        return columns;
    }

    /** Every expression's values: per symbol id (one entry without a symbol column), per expression. */
    static Series[][] evaluate(Evaluation ev, CsvBars table) {
        return evaluate(ev, table, Map.of());
    }

    /** Every expression's values, the events of each source (by key) aggregated onto the bars. */
    static Series[][] evaluate(Evaluation ev, CsvBars table, Map<String, Events> events) {
        if (table.symbols() == null) {
            Bars bars = table.bars();
            return new Series[][] {series(ev, ev.plan.run(ev.readsSources ? Sources.attach(bars, events, ev.plan.columns()) : bars))};
        }
        int[][] rows = table.rowsBySymbol();
        Map<String, Bars> histories = new LinkedHashMap<>();
        for (int id = 0; id < rows.length; id++) {
            histories.put(table.symbols().get(id), table.bars(rows[id]));
        }
        Map<String, PlanResult> results = new BlockExecutor(ev.plan).runAll(histories);
        Series[][] out = new Series[rows.length][];
        for (int id = 0; id < rows.length; id++) {
            out[id] = series(ev, results.get(table.symbols().get(id)));
        }
        return out;
    }

    private static Series[] series(Evaluation ev, PlanResult r) {
        Series[] s = new Series[ev.names.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = r.get(ev.names.get(i));
        }
        return s;
    }

    /** The output CSV: header, then one row per input row, times as the input wrote them. */
    static void writeCsv(Output o, Evaluation ev, Evaluation.Label label, CsvBars table, Series[][] results) {
        writeCsv(o, ev, label, table, results, 0, java.time.ZoneOffset.UTC);
    }

    /** The output CSV, the label column's times in {@link TimeOptions#style} {@code timeStyle}. */
    static void writeCsv(Output o, Evaluation ev, Evaluation.Label label, CsvBars table, Series[][] results, int timeStyle,
            java.time.ZoneId zone) {
        StringBuilder sb = new StringBuilder(Output.BLOCK + 256);
        sb.append(ev.header(label, table.symbolColumn())).append('\n');
        boolean barNumbers = label.kind() == Evaluation.Label.Kind.BAR;
        boolean symbols = table.symbols() != null;
        int[] next = new int[results.length];
        double[] row = new double[ev.names.size()];
        for (int t = 0; t < table.rows(); t++) {
            int id = symbols ? table.symbolId(t) : 0;
            int k = next[id]++;
            Series[] s = results[id];
            for (int i = 0; i < row.length; i++) {
                row[i] = s[i].get(k);
            }
            int from = sb.length();
            if (barNumbers) {
                sb.append(k);
            } else if (timeStyle == 0) {
                table.appendLabel(t, sb);
                Evaluation.quote(sb, from);
            } else {
                TimeOptions.append(sb, table.time(t), timeStyle, zone);
            }
            if (symbols) {
                sb.append(',');
                Evaluation.cell(sb, table.symbols().get(id));
            }
            ev.values(sb, row);
            sb.append('\n');
            if (sb.length() >= Output.BLOCK) {
                o.write(sb);
            }
        }
        o.write(sb);
        o.flush();
    }
}
