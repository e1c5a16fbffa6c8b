package io.ta.cli;

import io.ta.error.DataFormatException;
import io.ta.runtime.csv.CsvReader;
import io.ta.runtime.PlanStream;
import io.ta.runtime.source.SourceStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ta stream}: feeds the rows one at a time through the streaming engine ({@link PlanStream}) and prints each
 * output row as soon as its input row is read — from a file, or from standard input ({@code --csv -}) for a live
 * feed, where every row is flushed at once. Memory does not grow with the rows (only with the symbols). On a file
 * of closed bars the output equals {@code ta eval}'s byte for byte.
 *
 * <p>A live feed also revises and previews: a row at the same time as the last closed bar of its symbol replaces that
 * bar ({@link PlanStream#replaceLast}); a row flagged in the {@code --forming-col} column is the bar still forming,
 * evaluated without being committed ({@link PlanStream#preview}). A bad row of standard input is reported on standard
 * error and skipped, and the stream goes on; the exit code then says data errors occurred.
 */
@Command(name = "stream", mixinStandardHelpOptions = true, footer = StreamCommand.LIVE + InputOptions.RULES + SourceOptions.HELP + Main.EXIT_CODES,
        description = {"Evaluate expressions bar by bar with the streaming engine; same output as eval.",
            "Memory does not grow with the number of rows; from standard input every row is written as soon as it is read."})
final class StreamCommand implements Runnable {
    static final String LIVE = "%nLive feeds:%n"
            + "  A row at the time of its symbol's last closed bar revises that bar%n"
            + "  (replaceLast): its output row repeats the time with the revised values.%n"
            + "  Times never go back. --forming-col COL: rows whose COL is not zero are%n"
            + "  the bar still forming, evaluated but not committed (preview); the closed%n"
            + "  bar then comes as a row of that time without the flag.%n"
            + "  A bad row (a bad cell, a time out of order) is skipped with a warning%n"
            + "  from standard input (--bad-rows skip) and ends the run for a file%n"
            + "  (--bad-rows stop); skipped rows make the exit code 3 at the end.%n";

    /** What a bad row does. */
    enum BadRows { SKIP, STOP }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    InputOptions input;

    @CommandLine.Mixin
    TimeOptions time;

    @Option(names = "--expr", required = true, paramLabel = "NAME=EXPR", description = "An expression to evaluate (repeatable).")
    List<String> exprs;

    @Option(names = "--forming-col", paramLabel = "COL",
            description = "Column flagging the bar still forming (non-zero): previewed, not committed.")
    String formingColumn;

    @Option(names = "--bad-rows", paramLabel = "skip|stop",
            description = "A bad row is skipped with a warning (default when reading standard input) or stops the run (default for a file).")
    String badRows;

    @CommandLine.Mixin
    SourceOptions sources;

    private CsvReader reader;
    private int streams;

    @Override
    public void run() {
        Evaluation ev = Evaluation.of(spec.commandLine(), exprs, input.symbolColumn, time.zone());
        BadRows onBad = badRows == null ? (input.standardInput() ? BadRows.SKIP : BadRows.STOP) : switch (badRows) {
            case "skip" -> BadRows.SKIP;
            case "stop" -> BadRows.STOP;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--bad-rows takes skip or stop, got '" + badRows + "'");
        };
        try {
            stream(ev, onBad);
        } catch (OutOfMemoryError e) {
            throw new NotEnoughMemory("not enough memory for the streams of " + streams + " symbol" + (streams == 1 ? "" : "s")
                    + (reader == null ? "" : " (at row " + reader.row() + ")") + "; use " + Main.HEAP_HINT);
        }
    }

    private void stream(Evaluation ev, BadRows onBad) {
        boolean live = input.standardInput();
        PrintWriter err = spec.commandLine().getErr();
        Skipped skipped = new Skipped();
        List<SourceOptions.Source> given = EvalCommand.sources(ev, sources, input);
        if (!given.isEmpty() && formingColumn != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--forming-col with event sources: a forming bar's"
                    + " events are not complete; give closed bars only");
        }
        List<EventCsv> files = List.of();
        try (CsvReader r = input.open(true); Output out = Output.standard(((Main) spec.root().userObject()).out())) {
            reader = r;
            ev.requireColumns(r);
            Evaluation.Label label = Evaluation.Label.of(r);
            ev.checkLabel(label, r.symbolColumn());
            files = SourceOptions.open(given, input.timeUnit);
            Feed feed = given.isEmpty() ? null : new Feed(files, new SourceStream(ev.plan));
            List<String> columns = new ArrayList<>(ev.barColumns);
            int forming = -1;
            if (formingColumn != null) {
                String name = CsvReader.name(formingColumn);
                forming = columns.indexOf(name);
                if (forming < 0) {
                    columns.add(name);
                    forming = columns.size() - 1;
                }
            }
            r.select(columns);
            int timeStyle = time.style(r.hasTime());
            java.time.ZoneId zone = time.zone();
            boolean timed = r.hasTime();
            StringBuilder sb = new StringBuilder(Output.BLOCK + 256);
            sb.append(ev.header(label, r.symbolColumn())).append('\n');
            out.write(sb);
            if (live) {
                out.flush();
            }
            PlanStream[] bySymbol = new PlanStream[1];
            long[] closedTime = new long[1];
            double[] row = new double[columns.size()];
            // The plan's columns come first in the row; a forming column it does not read follows them.
            double[] bar = new double[ev.barColumns.size()];
            double[] values = new double[ev.names.size()];
            while (true) {
                try {
                    if (!r.next()) {
                        break;
                    }
                } catch (DataFormatException e) {
                    if (onBad == BadRows.STOP || !r.resumable()) {
                        out.write(sb);
                        throw e;
                    }
                    skip(e, err, skipped);
                    continue;
                }
                int id = r.symbolId();
                if (id >= bySymbol.length) {
                    int n = Math.max(id + 1, bySymbol.length * 2);
                    bySymbol = Arrays.copyOf(bySymbol, n);
                    closedTime = Arrays.copyOf(closedTime, n);
                }
                PlanStream s = bySymbol[id];
                if (s == null) {
                    s = ev.plan.stream();
                    bySymbol[id] = s;
                    streams = id + 1;
                }
                r.values(row);
                System.arraycopy(row, 0, bar, 0, bar.length);
                boolean revision = r.hasTime() && (feed == null ? s.count() > 0 : feed.closed) && r.time() == closedTime[id];
                boolean preview = forming >= 0 && row[forming] != 0 && !Double.isNaN(row[forming]);
                if (feed != null) {
                    if (revision) {
                        DataFormatException e = new DataFormatException(r.source(), r.row(), null, r.label(), r.source() + ": row "
                                + r.row() + " revises the bar of " + r.label() + ", but with event sources a closed bar's events are"
                                + " aggregated already; give each bar once");
                        if (onBad == BadRows.STOP) {
                            out.write(sb);
                            throw e;
                        }
                        skip(e, err, skipped);
                        continue;
                    }
                    try {
                        feed.close(r.time(), bar);
                    } catch (DataFormatException e) {
                        out.write(sb); // the rows before it are good; a bad event ends the run, as it ends eval's
                        throw e;
                    }
                    closedTime[id] = r.time();
                    for (int i = 0; i < values.length; i++) {
                        values[i] = feed.stream.value(ev.names.get(i));
                    }
                } else if (preview) {
                    if (revision) {
                        DataFormatException e = new DataFormatException(r.source(), r.row(), formingColumn, null, r.source() + ": row " + r.row()
                                + ", column '" + formingColumn + "': a forming bar at the time of the last closed bar (" + r.label()
                                + "); a revision of a closed bar comes without the flag");
                        if (onBad == BadRows.STOP) {
                            out.write(sb);
                            throw e;
                        }
                        skip(e, err, skipped);
                        continue;
                    }
                    if (timed) {
                        s.preview(r.time(), bar);
                    } else {
                        s.preview(bar);
                    }
                } else if (revision) {
                    s.replaceLast(bar);
                } else {
                    if (timed) {
                        s.update(r.time(), bar);
                    } else {
                        s.update(bar);
                    }
                    closedTime[id] = timed ? r.time() : 0;
                }
                if (feed == null) {
                    for (int i = 0; i < values.length; i++) {
                        values[i] = s.value(ev.names.get(i));
                    }
                }
                int from = sb.length();
                if (label.kind() == Evaluation.Label.Kind.BAR) {
                    sb.append(preview ? s.count() : s.count() - 1);
                } else if (timeStyle == 0) {
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
        } finally {
            files.forEach(EventCsv::close);
        }
        if (skipped.count > 0) {
            throw new DataFormatException(input.source(), skipped.first[0], null, null, input.source() + ": " + skipped.count
                    + (skipped.count == 1 ? " bad row was" : " bad rows were") + " skipped (" + skipped + ")");
        }
    }

    /**
     * The source files merged into a {@link SourceStream} by time: before the bar closing at {@code t}, every event up
     * to {@code t} not yet given is added (each file is in time order, so one event of look-ahead per file suffices).
     * Events after the last bar belong to no bar yet and are never read.
     */
    private static final class Feed {
        final SourceStream stream;
        private final List<EventCsv> files;
        private final boolean[] pending;
        private final boolean[] done;
        boolean closed;

        Feed(List<EventCsv> files, SourceStream stream) {
            this.files = files;
            this.stream = stream;
            this.pending = new boolean[files.size()];
            this.done = new boolean[files.size()];
        }

        void close(long t, double[] bar) {
            for (int k = 0; k < files.size(); k++) {
                EventCsv f = files.get(k);
                while (!done[k]) {
                    if (!pending[k]) {
                        pending[k] = f.next();
                        done[k] = !pending[k];
                        if (done[k]) {
                            break;
                        }
                    }
                    if (f.time() > t) {
                        break;
                    }
                    stream.event(f.key(), f.time(), f.row());
                    pending[k] = false;
                }
            }
            stream.update(t, bar);
            closed = true;
        }
    }

    /** How many rows were skipped, and the first few. */
    private static final class Skipped {
        final long[] first = new long[10];
        long count;

        void add(long row) {
            if (count < first.length) {
                first[(int) count] = row;
            }
            count++;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(count == 1 ? "row " : "rows ");
            for (int i = 0; i < Math.min(count, first.length); i++) {
                sb.append(i == 0 ? "" : ", ").append(first[i]);
            }
            return sb.append(count > first.length ? ", ..." : "").toString();
        }
    }

    /** Reports a bad row that is skipped. */
    private static void skip(DataFormatException e, PrintWriter err, Skipped skipped) {
        err.println("ta: warning: " + e.getMessage() + "; row skipped");
        err.flush();
        skipped.add(e.row());
    }
}
