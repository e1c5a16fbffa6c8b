package io.ta.cli;

import io.ta.error.InvalidParameterException;
import io.ta.error.TaException;
import io.ta.runtime.Registry;
import io.ta.runtime.dsl.ExpressionException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code ta} command. Exit codes: 0 success; 1 an internal error (a bug: one line, {@code --debug} adds the stack
 * trace); 2 usage and expression errors (the message shows line, column and a caret); 3 data errors (unreadable
 * file, bad cell at row/column, missing column, not enough memory for the data); 4 the output could not be written
 * (disk full, {@code /dev/full}, an unwritable {@code --out} or {@code --chart}); 141 the reader of standard output
 * went away (a closed pipe, as in {@code ta stream … | head}): the run stops at once, silently, with the status of a
 * process ended by SIGPIPE. A user mistake never prints a stack trace.
 */
@Command(
        name = "ta",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Technical analysis over CSV files: evaluate indicators and strategies, stream them, draw charts.",
        footer = Main.EXIT_CODES)
public final class Main implements Runnable {
    /** Success. */
    public static final int OK = 0;
    /** A bug in {@code ta}. */
    public static final int INTERNAL = 1;
    /** A usage or expression error. */
    public static final int USAGE = 2;
    /** Unreadable or malformed data, or not enough memory for it. */
    public static final int DATA = 3;
    /** The output could not be written. */
    public static final int OUTPUT = 4;
    /** Standard output is a pipe whose reader went away (128 + SIGPIPE). */
    public static final int BROKEN_PIPE = 141;

    static final String EXIT_CODES = "%nExit codes: 0 success; 1 internal error (--debug shows the trace);%n"
            + "  2 usage or expression error; 3 data error, or not enough memory;%n"
            + "  4 output not written (disk full); 141 output pipe closed (stops at once).%n"
            + "JVM options such as a bigger heap (-Xmx8g) go in TA_JAVA_OPTS.%n";

    static final String HEAP_HINT = "a bigger heap (-Xmx, e.g. TA_JAVA_OPTS=-Xmx8g)";

    /** The commands, by name, in the order the help page lists them. */
    private static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("eval", EvalCommand.class);
        m.put("stream", StreamCommand.class);
        m.put("plan", PlanCommand.class);
        m.put("list", ListCommand.class);
        m.put("describe", DescribeCommand.class);
        m.put("demo", DemoCommand.class);
        m.put("version", Version.Print.class);
        m.put("help", CommandLine.HelpCommand.class);
        return java.util.Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print the stack trace of an internal error (for a bug report).")
    boolean debug;

    @Option(names = "--kernels", paramLabel = "PATH", scope = CommandLine.ScopeType.INHERIT,
            description = "Load the kernels of an extension jar, or of every jar in a folder (repeatable; "
                    + "TA_KERNELS adds more, separated by ':').")
    List<Path> kernels = new ArrayList<>();

    private Registry registry;

    private final InputStream in;
    private final OutputStream out;
    private boolean warned;

    private Main(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /**
     * The kernels on the class path and those of {@code --kernels} and {@code TA_KERNELS}. The first call prints one
     * line on standard error per extension jar that cannot be read and per extension provider the registry had to skip
     * (a service file naming a missing class, a descriptor that fails), and carries on without it.
     */
    static Registry registry(CommandLine cl) {
        if (!(cl.getCommandSpec().root().userObject() instanceof Main main)) {
            return Registry.standard();
        }
        List<String> skipped = new ArrayList<>();
        if (main.registry == null) {
            main.registry = ExtensionKernels.registry(cl, main.kernels, System.getenv(ExtensionKernels.ENV), skipped);
        }
        Registry r = main.registry;
        if (!main.warned) {
            main.warned = true;
            PrintWriter err = cl.getErr();
            for (String s : skipped) {
                err.println("ta: warning: " + printable(s));
            }
            for (Registry.Problem p : r.problems()) {
                err.println("ta: warning: " + printable(p.describe()));
            }
            err.flush();
        }
        return r;
    }

    /** Standard input, for {@code --csv -}; closing it leaves the underlying stream open. */
    InputStream in() {
        return StandardInput.unclosed(in);
    }

    /** Whether standard input can be read: false when it is the process's and the caller left it closed. */
    boolean inOpen() {
        return in != System.in || StandardInput.open();
    }

    /** Standard output for data, which reports write failures (unlike a {@link java.io.PrintStream}). */
    OutputStream out() {
        return out;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: eval, stream, list, describe, demo, version or help");
    }

    /**
     * The commands {@code args} can run: those it names, or every one when it names none or asks for help (whose page
     * lists them all). picocli reads a command's annotations by reflection when it is added: in a fresh JVM its part
     * of an eval took about 220 ms with all eight and 120 with one (docs/performance.md, "The first calls"). A value
     * that happens to be a command's name only adds that command.
     */
    static void addCommands(CommandLine cl, String[] args) {
        List<String> named = args == null ? List.of() : Arrays.asList(args);
        boolean all = named.contains("help") || COMMANDS.keySet().stream().noneMatch(named::contains);
        COMMANDS.forEach((name, command) -> {
            if (all || named.contains(name)) {
                cl.addSubcommand(name, command);
            }
        });
    }

    /** Runs the command line on the process's standard streams and exits with its code. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.in, new FileOutputStream(FileDescriptor.out), System.err));
    }

    /** Runs the command line with the given output streams and the process's standard input; returns the exit code. */
    public static int run(String[] args, OutputStream out, OutputStream err) {
        return run(args, System.in, out, err);
    }

    /** Runs the command line with the given streams; returns the exit code. */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err) {
        Watched watched = new Watched(out);
        PrintWriter o = new PrintWriter(new OutputStreamWriter(watched, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Main main = new Main(in, watched);
        CommandLine cl = new CommandLine(main);
        addCommands(cl, args);
        // Path.of("") is the current directory: an empty --kernels loaded its jars, an empty --out wrote "to" it.
        cl.registerConverter(Path.class, s -> {
            if (s.isEmpty()) {
                throw new CommandLine.TypeConversionException("the path is empty");
            }
            return Path.of(s);
        });
        cl.setOut(o);
        cl.setErr(e);
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("ta: " + printable(ex.getMessage()));
            w.println("Try 'ta " + (ex.getCommandLine() == cl ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            w.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, line, parsed) -> failure(ex, e, main.debug));
        int code;
        try {
            code = cl.execute(args);
        } catch (OutOfMemoryError ex) {
            code = failure(new NotEnoughMemory("not enough memory; use " + HEAP_HINT), e, main.debug);
        } catch (RuntimeException | Error ex) {
            // Errors picocli does not catch (a stack overflow, a linkage error): still one line, not a trace.
            code = failure(ex, e, main.debug);
        }
        if (code == OK && o.checkError()) {
            // What picocli and list/describe/demo print goes through a PrintWriter, which only keeps a flag.
            IOException failure = watched.failure == null ? new IOException("write error") : watched.failure;
            code = failure(new OutputFailure("standard output", failure), e, main.debug);
        }
        e.flush();
        return code;
    }

    /** Standard output, remembering why a write failed. */
    private static final class Watched extends FilterOutputStream {
        IOException failure;

        Watched(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException ex) {
                failure = ex;
                throw ex;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException ex) {
                failure = ex;
                throw ex;
            }
        }
    }

    /**
     * {@code message} with its control characters but line breaks and tabs written as {@code \x1B}: messages echo
     * what the user gave (an option, a file's bytes), and an ESC in it would act on the terminal.
     */
    static String printable(String message) {
        if (message == null || message.chars().noneMatch(c -> c != '\n' && c != '\t' && control(c))) {
            return message;
        }
        StringBuilder sb = new StringBuilder(message.length() + 16);
        message.chars().forEach(c -> sb.append(c != '\n' && c != '\t' && control(c) ? String.format("\\x%02X", c)
                : String.valueOf((char) c)));
        return sb.toString();
    }

    private static boolean control(int c) {
        return c < 0x20 || c >= 0x7F && c <= 0x9F;
    }

    /** Prints one line about {@code ex} (and the stack trace of a bug when debugging); returns the exit code. */
    static int failure(Throwable ex, PrintWriter w, boolean debug) {
        int code;
        switch (ex) {
            case OutputFailure f when f.brokenPipe() -> {
                return BROKEN_PIPE;
            }
            case OutputFailure f -> {
                w.println("ta: " + printable(f.getMessage()));
                code = OUTPUT;
            }
            case ExpressionException x -> {
                w.println("ta: " + printable(x.getMessage()));
                code = USAGE;
            }
            case InvalidParameterException x -> {
                w.println("ta: " + printable(x.getMessage()));
                code = USAGE;
            }
            case TaException x -> {
                w.println("ta: " + printable(x.getMessage()));
                code = DATA;
            }
            case NotEnoughMemory x -> {
                w.println("ta: " + printable(x.getMessage()));
                code = DATA;
            }
            default -> {
                String extension = ExtensionKernels.culprit(ex);
                if (extension != null) {
                    w.println("ta: " + printable(extension) + (debug ? "" : " (run again with --debug for the stack trace)"));
                } else {
                    w.println("ta: internal error: " + printable(String.valueOf(ex))
                            + (debug ? "" : " (run again with --debug for the stack trace; please report it)"));
                }
                if (debug) {
                    ex.printStackTrace(w);
                }
                code = INTERNAL;
            }
        }
        w.flush();
        return code;
    }
}
