package io.ta.cli;

import io.ta.runtime.Bars;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.exec.PlanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ta eval}: evaluates expressions over a whole CSV history (block-at-a-time), writes CSV and optionally a chart. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate expressions over a CSV of bars; print one row per input row.")
final class EvalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "Input CSV: header row; date|time|timestamp, open, high, low, close, volume (any case), rows in time order.")
    Path csv;

    @Option(names = "--expr", required = true, paramLabel = "NAME=EXPR",
            description = "An expression to evaluate, e.g. rsi=rsi(close, 14) or buy='rsi(close, 14) < 30 and close > sma(close, 200)'.")
    List<String> exprs;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here instead of standard output.")
    Path out;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Draw price (candles when OHLC exist) with the expressions.")
    Path chart;

    @Option(names = "--chart-size", paramLabel = "WxH", defaultValue = "1200x800", description = "Chart size in pixels (default ${DEFAULT-VALUE}).")
    String chartSize;

    @Option(names = "--symbol-col", paramLabel = "COL",
            description = "Column naming each row's symbol: expressions run per symbol (in parallel); rows keep their order.")
    String symbolColumn;

    @Override
    public void run() {
        Evaluation ev = Evaluation.of(spec.commandLine(), exprs);
        int[] size = ChartWriter.size(spec.commandLine(), chartSize);
        CsvTable table = CsvTable.read(csv, symbolColumn, Progress.stream(spec.commandLine()));
        ev.requireColumns(table);
        double[][] values = evaluate(ev, table);
        write(ev, table, values);
        if (chart != null) {
            int[] rows = table.symbols == null ? null : table.rowsBySymbol().values().iterator().next();
            ChartWriter.write(chart, size[0], size[1], table, rows, ev, values);
        }
    }

    /** Every expression's value at every input row, per symbol when a symbol column is given. */
    static double[][] evaluate(Evaluation ev, CsvTable table) {
        int n = table.rows();
        double[][] values = new double[ev.names.size()][n];
        if (table.symbols == null) {
            PlanResult r = ev.plan.run(table.bars());
            for (int i = 0; i < ev.names.size(); i++) {
                r.get(ev.names.get(i)).copyTo(values[i], 0);
            }
            return values;
        }
        Map<String, int[]> bySymbol = table.rowsBySymbol();
        Map<String, Bars> histories = new LinkedHashMap<>();
        bySymbol.forEach((sym, rows) -> histories.put(sym, table.bars(rows)));
        Map<String, PlanResult> results = new BlockExecutor(ev.plan).runAll(histories);
        bySymbol.forEach((sym, rows) -> {
            PlanResult r = results.get(sym);
            for (int i = 0; i < ev.names.size(); i++) {
                for (int k = 0; k < rows.length; k++) {
                    values[i][rows[k]] = r.get(ev.names.get(i)).get(k);
                }
            }
        });
        return values;
    }

    private void write(Evaluation ev, CsvTable table, double[][] values) {
        if (out == null) {
            writeCsv(spec.commandLine().getOut(), ev, table, values);
            return;
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writeCsv(new PrintWriter(w), ev, table, values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** The output CSV: header, then one row per input row. */
    static void writeCsv(PrintWriter p, Evaluation ev, CsvTable table, double[][] values) {
        p.print(ev.header(table.symbolColumn));
        p.print('\n');
        StringBuilder sb = new StringBuilder();
        double[] row = new double[values.length];
        for (int t = 0; t < table.rows(); t++) {
            for (int i = 0; i < row.length; i++) {
                row[i] = values[i][t];
            }
            sb.setLength(0);
            ev.row(sb, table.timeText.get(t), table.symbols == null ? null : table.symbols.get(t), row);
            p.print(sb);
            p.print('\n');
        }
        p.flush();
    }
}
