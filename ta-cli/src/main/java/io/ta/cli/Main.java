package io.ta.cli;

import io.ta.error.TaException;
import io.ta.runtime.dsl.ExpressionException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ta} command. Exit codes: 0 success; 2 usage and expression errors (the message shows line, column and a
 * caret); 3 data errors (unreadable file, bad number at row/column, missing column); 1 an internal error. A user
 * mistake never prints a stack trace.
 */
@Command(
        name = "ta",
        mixinStandardHelpOptions = true,
        version = "ta 0.1.0",
        description = "Technical analysis over CSV files: evaluate indicators and strategies, stream them, draw charts.",
        subcommands = {EvalCommand.class, StreamCommand.class, ListCommand.class, DescribeCommand.class, DemoCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int DATA = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: eval, stream, list, describe or demo");
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter o = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(o);
        cl.setErr(e);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("ta: " + ex.getMessage());
            w.println("Try 'ta " + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            w.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            PrintWriter w = line.getErr();
            int code;
            if (ex instanceof ExpressionException x) {
                w.println("ta: " + x.getMessage());
                code = USAGE;
            } else if (ex instanceof DataException || ex instanceof TaException) {
                w.println("ta: " + ex.getMessage());
                code = ex instanceof io.ta.error.InvalidParameterException ? USAGE : DATA;
            } else if (ex instanceof java.io.UncheckedIOException || ex instanceof java.io.IOException) {
                w.println("ta: " + ex.getMessage());
                code = DATA;
            } else {
                w.println("ta: internal error: " + ex);
                if (Boolean.getBoolean("ta.debug")) {
                    ex.printStackTrace(w);
                }
                code = INTERNAL;
            }
            w.flush();
            return code;
        });
        int code = cl.execute(args);
        o.flush();
        e.flush();
        return code;
    }
}
