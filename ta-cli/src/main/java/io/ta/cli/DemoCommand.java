package io.ta.cli;

import io.ta.error.DataFormatException;
import io.ta.runtime.Series;
import io.ta.runtime.csv.CsvBars;
import io.ta.runtime.csv.CsvOptions;
import io.ta.runtime.csv.CsvReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ta demo}: classic indicators and one strategy over the shipped real data, written to
 * {@code demo-out/indicators.csv}, {@code demo-out/chart.png} (the whole history on a log scale, or a linear one
 * when a price is not positive) and
 * {@code demo-out/report.html} (the same, interactive), with a short summary.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run classic indicators and a strategy over the shipped data; write demo-out/indicators.csv, chart.png and report.html.")
final class DemoCommand implements Runnable {
    static final List<String> EXPRESSIONS = List.of(
            "sma50=sma(close, 50)",
            "sma200=sma(close, 200)",
            "bb_upper=bbands(close, 20, 2.0).upper",
            "bb_lower=bbands(close, 20, 2.0).lower",
            "rsi14=rsi(close, 14)",
            "macd=macd(close, 12, 26, 9).macd",
            "macd_signal=macd(close, 12, 26, 9).signal",
            "macd_hist=macd(close, 12, 26, 9).histogram",
            "atr14=atr(14)",
            "buy=rsi(close, 14) < 30 and close > sma(close, 200)");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", description = "Bars to use (default: the shipped golden/data/ttrc-daily.csv).")
    Path data;

    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "demo-out", description = "Where to write (default ${DEFAULT-VALUE}).")
    Path outDir;

    @Override
    public void run() {
        Path file = data != null ? data : Path.of(System.getProperty("ta.home", "."), "golden", "data", "ttrc-daily.csv");
        PrintWriter out = spec.commandLine().getOut();
        long start = System.nanoTime();
        Evaluation ev = Evaluation.of(spec.commandLine(), EXPRESSIONS, null);
        CsvBars table;
        Evaluation.Label label;
        try (CsvReader r = CsvReader.open(file, CsvOptions.defaults().withColumns(List.of()))) {
            label = Evaluation.Label.of(r);
            r.select(EvalCommand.columns(ev, r, true, null));
            table = CsvBars.load(r, null);
        }
        if (table.rows() == 0) {
            throw new DataFormatException(file.toString(), 0, null, null, file + ": no bars to run the demo on");
        }
        long read = System.nanoTime();
        Series[][] values = EvalCommand.evaluate(ev, table);
        long computed = System.nanoTime();
        Path csv = outDir.resolve("indicators.csv");
        Path png = outDir.resolve("chart.png");
        Path html = outDir.resolve("report.html");
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new OutputFailure(outDir.toString(), e);
        }
        try (Output o = Output.file(csv)) {
            EvalCommand.writeCsv(o, ev, label, table, values);
        }
        ChartOptions charts = new ChartOptions();
        charts.logWherePositive = true;
        Figure figure = Figure.build(spec.commandLine(), charts, table, null, ev, label, values[0], java.time.ZoneOffset.UTC);
        ChartWriter.image(figure, png, ChartOptions.Format.PNG, 1400, 900);
        ChartWriter.html(figure, html, 900);
        long done = System.nanoTime();

        out.printf("ta demo: %d bars of %s (%s .. %s)%n", table.rows(), file.getFileName(), table.label(0), table.label(table.rows() - 1));
        out.printf("%d expressions, one plan of %d nodes: read %.1f ms, computed %.1f ms, wrote CSV and charts %.1f ms%n",
                ev.names.size(), ev.plan.nodes().size(), (read - start) / 1e6, (computed - read) / 1e6, (done - computed) / 1e6);
        out.println();
        TextTable summary = new TextTable(20, 24, 0).row("NAME", "FIRST VALID BAR", "EXPRESSION");
        for (String name : ev.names) {
            int lb = ev.plan.lookback(name);
            summary.row(name, lb < table.rows() ? lb + " (" + table.label(lb) + ")" : "never", ev.plan.text(name));
        }
        summary.lines("  ").forEach(out::println);
        int buys = 0;
        int b = ev.names.indexOf("buy");
        for (int t = 0; t < table.rows(); t++) {
            buys += values[0][b].get(t) == 1.0 ? 1 : 0;
        }
        out.println();
        out.println("  'buy' is true on " + buys + " of " + table.rows() + " bars.");
        out.println();
        out.println("wrote " + csv + ", " + png + " and " + html);
        out.flush();
    }
}
