package io.ta.cli;

import io.ta.error.UnknownNameException;
import io.ta.runtime.csv.CsvOptions;
import io.ta.runtime.csv.EpochUnit;
import io.ta.runtime.source.Aggregate;
import io.ta.runtime.source.SourceType;
import io.ta.runtime.source.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The event sources {@code eval} and {@code stream} read besides the bars: {@code --source KEY=FILE} (repeatable) and
 * {@code --sources DIR} (files named {@code KEY.csv}), where a key is {@link Sources#key}: {@code trades},
 * {@code ETH.trades}, {@code ETH.bars}. Only the sources the expressions read are opened; a source they read but
 * nobody gave is an error naming it.
 */
final class SourceOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** How sources are given, for the help text. */
    static final String HELP = "%nEvent sources (details: docs/dsl.md, \"Sources\"):%n"
            + "  --source trades=t.csv, --source ETH.bars=eth.csv, or --sources DIR with%n"
            + "  files named KEY.csv. A source CSV has a time column and the fields by%n"
            + "  name (trades: price, amount, side; orderbook: bid, ask, bid_size,%n"
            + "  ask_size; liquidations: side, price, amount; SYMBOL.bars: open, high,%n"
            + "  low, close, volume), rows in time order (equal times are fine).%n";

    @Option(names = "--source", paramLabel = "KEY=FILE",
            description = "Events of one source and symbol, e.g. trades=trades.csv or ETH.bars=eth.csv (repeatable).")
    List<String> sources;

    @Option(names = "--sources", paramLabel = "DIR",
            description = "A directory of source CSVs named by key: trades.csv, ETH.trades.csv, ETH.bars.csv, ...")
    String dir;

    /** A source the plan reads and the file holding its events. */
    record Source(String key, SourceType type, Path file, List<String> fields) {}

    /**
     * The sources the plan reads, each with its file, in plan order.
     *
     * @throws CommandLine.ParameterException for a malformed {@code --source} or a {@code --sources} that is no directory
     * @throws UnknownNameException naming a source the plan reads that no option gives
     */
    List<Source> resolve(Evaluation ev) {
        Map<String, Path> explicit = explicit();
        Path directory = directory();
        Map<String, List<String>> fields = ev.plan.requirements().sources();
        Map<String, Source> out = new LinkedHashMap<>();
        for (Aggregate a : Sources.aggregates(ev.plan.columns())) {
            String key = Sources.key(a.symbol(), a.type());
            if (out.containsKey(key)) {
                continue;
            }
            Path file = explicit.get(key);
            if (file == null && directory != null && Files.isRegularFile(directory.resolve(key + ".csv"))) {
                file = directory.resolve(key + ".csv");
            }
            if (file == null) {
                String name = ev.names.stream().filter(n -> ev.plan.columns(n).contains(a.column())).findFirst().orElse(ev.names.get(0));
                throw new UnknownNameException("source", key, null, "expression '" + name + "' (" + ev.plan.text(name) + ") reads "
                        + (a.type() == SourceType.BARS ? a.symbol() + "'s bars" : key + " events") + " (" + a.column()
                        + "), but none were given: add --source " + key + "=FILE.csv"
                        + (directory == null ? " or --sources DIR holding " + key + ".csv" : " or " + key + ".csv to " + dir)
                        + "; given: " + (explicit.isEmpty() ? "none" : String.join(", ", explicit.keySet()))
                        + (directory == null ? "" : "; " + dir + " holds " + csvFiles(directory)));
            }
            out.put(key, new Source(key, a.type(), file, fields.getOrDefault(key, List.of())));
        }
        return List.copyOf(out.values());
    }

    /**
     * Checks the options alone, also when the expressions read no source (then they are not opened): a malformed
     * {@code --source} or a {@code --sources} that is no directory is a mistake whatever the expressions.
     *
     * @throws CommandLine.ParameterException for a malformed {@code --source} or a {@code --sources} that is no directory
     */
    void check() {
        explicit();
        directory();
    }

    /** The {@code --sources} directory, or null. */
    private Path directory() {
        Path directory = dir == null ? null : path(spec.commandLine(), "--sources", dir);
        if (directory != null && !Files.isDirectory(directory)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sources: '" + dir + "' is not a directory");
        }
        return directory;
    }

    /** The {@code --source} files by key, in the order given. */
    private Map<String, Path> explicit() {
        CommandLine cl = spec.commandLine();
        Map<String, Path> explicit = new LinkedHashMap<>();
        for (String s : sources == null ? List.<String>of() : sources) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new CommandLine.ParameterException(cl, "--source takes KEY=FILE (e.g. trades=trades.csv or ETH.bars=eth.csv), got '" + s + "'");
            }
            String key = s.substring(0, eq).trim();
            checkKey(cl, key);
            if (explicit.put(key, path(cl, "--source " + key, s.substring(eq + 1))) != null) {
                throw new CommandLine.ParameterException(cl, "--source " + key + " is given twice");
            }
        }
        return explicit;
    }

    /** The CSV files in {@code directory}, for an error naming what it holds (the first 20). */
    private static String csvFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".csv")).sorted().toList();
            return names.isEmpty() ? "no .csv file" : names.size() <= 20 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 20)) + " and " + (names.size() - 20) + " more";
        } catch (IOException | RuntimeException e) {
            return "files that cannot be listed (" + e.getMessage() + ")";
        }
    }

    /** A key is {@code SOURCE} or {@code SYMBOL.SOURCE} with a known source; bars only for another symbol. */
    private static void checkKey(CommandLine cl, String key) {
        int dot = key.lastIndexOf('.');
        String symbol = dot < 0 ? null : key.substring(0, dot);
        String name = key.substring(dot + 1);
        SourceType type;
        try {
            type = SourceType.of(name);
        } catch (UnknownNameException e) {
            throw new CommandLine.ParameterException(cl, "--source " + key + ": " + e.getMessage());
        }
        if (symbol != null && symbol.isEmpty() || type == SourceType.BARS && symbol == null) {
            throw new CommandLine.ParameterException(cl, "--source " + key + ": a key is SOURCE or SYMBOL.SOURCE"
                    + (type == SourceType.BARS ? "; bars are another symbol's (ETH.bars): the primary's are --csv" : ""));
        }
        if (symbol != null && !symbolName(symbol)) {
            // No expression could read it (ETH..trades, a.b.trades, 1x.trades): the file would be given in vain.
            throw new CommandLine.ParameterException(cl, "--source " + key + ": the symbol '" + symbol
                    + "' is not a name an expression can write (a letter or _, then letters, digits 0-9 or _; "
                    + "not and, or, not, true, false)");
        }
    }

    /** Whether {@code symbol} is a name the expression language reads as one (its lexer's rule for a name). */
    private static boolean symbolName(String symbol) {
        int first = symbol.codePointAt(0);
        if (!Character.isLetter(first) && first != '_') {
            return false;
        }
        for (int i = 0; i < symbol.length(); i += Character.charCount(symbol.codePointAt(i))) {
            int c = symbol.codePointAt(i);
            if (!Character.isLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return !List.of("and", "or", "not", "true", "false").contains(symbol);
    }

    private static Path path(CommandLine cl, String option, String text) {
        if (text.isBlank()) {
            // Path.of("") is the current directory, which --sources would then read
            throw new CommandLine.ParameterException(cl, option + ": the path is empty");
        }
        try {
            return Path.of(text.trim());
        } catch (InvalidPathException e) {
            throw new CommandLine.ParameterException(cl, option + ": '" + text + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    /** Opens every source for reading, times parsed in {@code timeUnit} ({@code --time-unit}) when given. */
    static List<EventCsv> open(List<Source> sources, String timeUnit) {
        CsvOptions options = CsvOptions.defaults();
        if (timeUnit != null) {
            options = options.withEpochUnit(EpochUnit.of(timeUnit));
        }
        List<EventCsv> out = new ArrayList<>();
        try {
            for (Source s : sources) {
                out.add(EventCsv.open(s.key(), s.type(), s.file(), s.fields(), options));
            }
        } catch (RuntimeException e) {
            out.forEach(EventCsv::close);
            throw e;
        }
        return out;
    }
}
