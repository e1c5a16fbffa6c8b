package io.ta.cli;

import io.ta.runtime.csv.CsvReader;
import io.ta.runtime.exec.PlanStream;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ta stream}: feeds the rows one at a time through the streaming engine ({@link PlanStream}) and prints each
 * output row as soon as its input row is read — from a file, or from standard input ({@code --csv -}) for a live
 * feed, where every row is flushed at once. Memory does not grow with the rows (only with the symbols). The output
 * equals {@code ta eval}'s byte for byte.
 */
@Command(name = "stream", mixinStandardHelpOptions = true, footer = InputOptions.RULES + Main.EXIT_CODES,
        description = {"Evaluate expressions bar by bar with the streaming engine; same output as eval.",
            "Memory does not grow with the number of rows; from standard input every row is written as soon as it is read."})
final class StreamCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    InputOptions input;

    @CommandLine.Mixin
    TimeOptions time;

    @Option(names = "--expr", required = true, paramLabel = "NAME=EXPR", description = "An expression to evaluate (repeatable).")
    List<String> exprs;

    private CsvReader reader;
    private int streams;

    @Override
    public void run() {
        Evaluation ev = Evaluation.of(spec.commandLine(), exprs, input.symbolColumn, time.zone());
        try {
            stream(ev);
        } catch (OutOfMemoryError e) {
            throw new NotEnoughMemory("not enough memory for the streams of " + streams + " symbol" + (streams == 1 ? "" : "s")
                    + (reader == null ? "" : " (at row " + reader.row() + ")") + "; use " + Main.HEAP_HINT);
        }
    }

    private void stream(Evaluation ev) {
        boolean live = input.standardInput();
        try (CsvReader r = input.open(); Output out = Output.standard(((Main) spec.root().userObject()).out())) {
            reader = r;
            ev.requireColumns(r);
            r.select(ev.plan.columns());
            int timeStyle = time.style(r.hasTime());
            java.time.ZoneId zone = time.zone();
            boolean timed = r.hasTime();
            StringBuilder sb = new StringBuilder(Output.BLOCK + 256);
            sb.append(ev.header(r.symbolColumn())).append('\n');
            out.write(sb);
            if (live) {
                out.flush();
            }
            PlanStream[] bySymbol = new PlanStream[1];
            double[] bar = new double[r.selected().size()];
            double[] values = new double[ev.names.size()];
            while (r.next()) {
                int id = r.symbolId();
                if (id >= bySymbol.length) {
                    bySymbol = Arrays.copyOf(bySymbol, Math.max(id + 1, bySymbol.length * 2));
                }
                PlanStream s = bySymbol[id];
                if (s == null) {
                    s = ev.plan.stream();
                    bySymbol[id] = s;
                    streams = id + 1;
                }
                r.values(bar);
                if (timed) {
                    s.update(r.time(), bar);
                } else {
                    s.update(bar);
                }
                for (int i = 0; i < values.length; i++) {
                    values[i] = s.value(ev.names.get(i));
                }
                int from = sb.length();
                if (timeStyle == 0) {
                    r.appendLabel(sb);
                    Evaluation.quote(sb, from);
                } else {
                    TimeOptions.append(sb, r.time(), timeStyle, zone);
                }
                if (r.symbolColumn() != null) {
                    sb.append(',');
                    Evaluation.cell(sb, r.symbol());
                }
                ev.values(sb, values);
                sb.append('\n');
                if (live || sb.length() >= Output.BLOCK) {
                    out.write(sb);
                    if (live) {
                        out.flush();
                    }
                }
            }
            out.write(sb);
        }
    }
}
