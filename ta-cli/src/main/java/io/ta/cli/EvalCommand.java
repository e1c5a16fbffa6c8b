package io.ta.cli;

import io.ta.runtime.Bars;
import io.ta.runtime.Series;
import io.ta.runtime.csv.CsvBars;
import io.ta.runtime.csv.CsvReader;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.exec.PlanResult;
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
@Command(name = "eval", mixinStandardHelpOptions = true, footer = InputOptions.RULES + Main.EXIT_CODES,
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

    @Option(names = "--chart", paramLabel = "FILE.png",
            description = "Draw price (candles when OHLC exist; these columns are then read too) with the expressions.")
    Path chart;

    @Option(names = "--chart-size", paramLabel = "WxH", defaultValue = "1200x800", description = "Chart size in pixels (default ${DEFAULT-VALUE}).")
    String chartSize;

    private CsvReader reader;
    private int columnsRead;

    @Override
    public void run() {
        Evaluation ev = Evaluation.of(spec.commandLine(), exprs, input.symbolColumn, time.zone());
        int[] size = ChartWriter.size(spec.commandLine(), chartSize);
        try {
            evaluate(ev, size);
        } catch (OutOfMemoryError e) {
            long rows = reader == null ? 0 : reader.rows();
            int columns = columnsRead + ev.names.size();
            throw new NotEnoughMemory("not enough memory for " + rows + " rows × " + columns + " columns; use 'ta stream' or " + Main.HEAP_HINT);
        }
    }

    private void evaluate(Evaluation ev, int[] size) {
        CsvBars table;
        try (CsvReader r = input.open()) {
            reader = r;
            List<String> columns = columns(ev, r, chart != null);
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
        Series[][] results = evaluate(ev, table);
        try (Output o = out == null ? Output.standard(((Main) spec.root().userObject()).out()) : Output.file(out)) {
            writeCsv(o, ev, table, results, time.style(table.hasTime()), time.zone());
        }
        if (chart != null) {
            // With several symbols the chart shows the first; without rows, an empty chart.
            boolean first = table.symbols() != null && !table.symbols().isEmpty();
            int[] rows = table.symbols() == null ? null : first ? table.rowsBySymbol()[0] : new int[0];
            Series[] values = results.length > 0 ? results[0] : new Series[ev.names.size()];
            if (results.length == 0) {
                java.util.Arrays.fill(values, Series.of());
            }
            ChartWriter.write(chart, size[0], size[1], table, rows, ev, values);
        }
    }

    /**
     * The columns to read: those the expressions use (checked to exist), and for a chart also the price columns the
     * input has.
     */
    static List<String> columns(Evaluation ev, CsvReader r, boolean chart) {
        ev.requireColumns(r);
        List<String> columns = new ArrayList<>(ev.plan.columns());
        if (chart) {
            for (String p : PRICE) {
                if (!columns.contains(p) && r.columns().contains(p) && !p.equalsIgnoreCase(r.timeColumn())
                        && !p.equalsIgnoreCase(r.symbolColumn())) {
                    columns.add(p);
                }
            }
        }
        return columns;
    }

    /** Every expression's values: per symbol id (one entry without a symbol column), per expression. */
    static Series[][] evaluate(Evaluation ev, CsvBars table) {
        if (table.symbols() == null) {
            return new Series[][] {series(ev, ev.plan.run(table.bars()))};
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
    static void writeCsv(Output o, Evaluation ev, CsvBars table, Series[][] results) {
        writeCsv(o, ev, table, results, 0, java.time.ZoneOffset.UTC);
    }

    /** The output CSV, the date column in {@link TimeOptions#style} {@code timeStyle}. */
    static void writeCsv(Output o, Evaluation ev, CsvBars table, Series[][] results, int timeStyle, java.time.ZoneId zone) {
        StringBuilder sb = new StringBuilder(Output.BLOCK + 256);
        sb.append(ev.header(table.symbolColumn())).append('\n');
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
            if (timeStyle == 0) {
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
