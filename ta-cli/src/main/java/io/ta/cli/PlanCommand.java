package io.ta.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ta plan}: plans expressions without reading data and prints what they need (columns, event sources and their
 * fields, symbols, timeframes, history) and, with {@code --explain}, the plan's nodes — so a caller fetches only that.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, footer = Main.EXIT_CODES,
        description = {"Plan expressions without data; print their requirements (columns, sources, symbols, timeframes,"
            + " history) and, with --explain, the plan."})
final class PlanCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    TimeOptions time;

    @Option(names = "--expr", required = true, paramLabel = "NAME=EXPR",
            description = "An expression, e.g. flow='sma(trades.filter(side == \"buy\").sum(amount), 20)'.")
    List<String> exprs;

    @Option(names = "--explain", description = "Also print the plan's nodes.")
    boolean explain;

    @Override
    public void run() {
        Evaluation ev = Evaluation.of(spec.commandLine(), exprs, null, time.zone());
        PrintWriter out = spec.commandLine().getOut();
        out.print(ev.plan.requirements().describe());
        if (explain) {
            out.println();
            out.print(ev.plan.explain());
        }
        out.flush();
    }
}
