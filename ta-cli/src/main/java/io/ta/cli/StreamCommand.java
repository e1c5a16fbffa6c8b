package io.ta.cli;

import io.ta.runtime.exec.PlanStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ta stream}: feeds the rows one at a time through the streaming engine ({@link PlanStream}) and prints each
 * output row as soon as its input row is read — from a file, or from standard input ({@code --csv -}) for a live
 * feed. The output equals {@code ta eval}'s byte for byte.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Evaluate expressions bar by bar with the streaming engine; same output as eval.")
final class StreamCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "Input CSV, or - for standard input.")
    String csv;

    @Option(names = "--expr", required = true, paramLabel = "NAME=EXPR", description = "An expression to evaluate (repeatable).")
    List<String> exprs;

    @Option(names = "--symbol-col", paramLabel = "COL", description = "Column naming each row's symbol: one stream per symbol.")
    String symbolColumn;

    @Override
    public void run() {
        Evaluation ev = Evaluation.of(spec.commandLine(), exprs);
        boolean live = csv.equals("-");
        String source = live ? "standard input" : csv;
        try (BufferedReader in = live
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(csv), StandardCharsets.UTF_8)) {
            CsvTable.Layout layout = CsvTable.Layout.of(source, in.readLine(), symbolColumn);
            for (String name : ev.names) {
                for (String column : ev.plan.columns(name)) {
                    if (!layout.names.contains(column)) {
                        throw new DataException("expression '" + name + "' (" + ev.plan.text(name) + ") needs column '" + column
                                + "', which " + source + " does not have; columns: " + String.join(", ", layout.names));
                    }
                }
            }
            List<String> columns = ev.plan.columns();
            int[] pick = new int[columns.size()];
            for (int i = 0; i < pick.length; i++) {
                pick[i] = layout.names.indexOf(columns.get(i));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(ev.header(layout.symbolCol >= 0 ? layout.header[layout.symbolCol].trim() : null));
            out.print('\n');
            Map<String, PlanStream> streams = new HashMap<>();
            Map<String, Long> lastTime = new HashMap<>();
            Map<String, String> lastLabel = new LinkedHashMap<>();
            double[] bar = new double[pick.length];
            double[] values = new double[ev.names.size()];
            StringBuilder sb = new StringBuilder();
            String line;
            int row = 1;
            while ((line = in.readLine()) != null) {
                row++;
                if (line.isBlank()) {
                    continue;
                }
                CsvTable.Row r = layout.parse(line, row);
                String key = r.symbol() == null ? "" : r.symbol();
                if (layout.timeCol >= 0) {
                    Long previous = lastTime.put(key, r.time());
                    if (previous != null && r.time() <= previous) {
                        throw layout.outOfOrder(row, r.label(), lastLabel.get(key));
                    }
                    lastLabel.put(key, r.label());
                }
                PlanStream s = streams.computeIfAbsent(key, k -> ev.plan.stream());
                for (int i = 0; i < pick.length; i++) {
                    bar[i] = r.values()[pick[i]];
                }
                s.update(bar);
                for (int i = 0; i < values.length; i++) {
                    values[i] = s.value(ev.names.get(i));
                }
                sb.setLength(0);
                ev.row(sb, r.label(), r.symbol(), values);
                out.print(sb);
                out.print('\n');
                if (live) {
                    out.flush();
                }
            }
            out.flush();
        } catch (NoSuchFileException e) {
            throw new DataException(csv + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }
}
