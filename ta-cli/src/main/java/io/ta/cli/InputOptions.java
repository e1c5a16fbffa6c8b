package io.ta.cli;

import io.ta.error.InvalidParameterException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.csv.CsvOptions;
import io.ta.runtime.csv.CsvReader;
import io.ta.runtime.csv.EpochUnit;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The input options {@code eval} and {@code stream} share: the CSV and how to read it. */
final class InputOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    /** How the input is read, for the help text of the commands that read it (docs/contracts.md has the full rules). */
    static final String RULES = "%nCSV input (details: docs/contracts.md, \"CSV input\"):%n"
            + "  Header row first; the time column is the first named date, time, timestamp or datetime.%n"
            + "  Times: 2024-01-31, 2024-01-31T15:30:00Z (no offset: UTC) or epoch numbers.%n"
            + "  Numbers: -12.5, 1.5e-3. Missing: empty, NaN, NA, Inf, Infinity (any case).%n"
            + "  Only the columns the expressions use are read; others may hold any text.%n"
            + "  UTF-8 (BOM fine), LF or CRLF; blank lines are skipped but keep row numbers.%n";

    @Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "Input CSV, or - for standard input; one bar per row, in time order (see CSV input below).")
    String csv;

    @Option(names = "--symbol-col", paramLabel = "COL",
            description = "Column naming each row's symbol: expressions run per symbol; rows keep their order.")
    String symbolColumn;

    @Option(names = "--delimiter", paramLabel = "D",
            description = "Cell delimiter: ',', ';', '|' or tab (default: the one the header uses; a header with several is refused).")
    String delimiter;

    @Option(names = "--time-unit", paramLabel = "UNIT",
            description = "Unit of epoch-number times: s, ms, us or ns. Default: from each value's magnitude (s 1e8-1e10, "
                    + "ms 1e11-1e13, us 1e14-1e16, ns from 1e17); other magnitudes are refused.")
    String timeUnit;

    /** Whether the input is standard input. */
    boolean standardInput() {
        return "-".equals(csv);
    }

    /** How messages name the input. */
    String source() {
        return standardInput() ? "standard input" : csv;
    }

    /** Opens the input and reads its header (numeric columns are selected later); times strictly ascending. */
    CsvReader open() {
        return open(false);
    }

    /**
     * Opens the input and reads its header (numeric columns are selected later).
     *
     * @param repeatedTimes whether a row may repeat the time of the previous row of its symbol (a revision)
     */
    CsvReader open(boolean repeatedTimes) {
        CsvOptions options = CsvOptions.defaults().withSymbolColumn(symbolColumn).withColumns(java.util.List.of())
                .withRepeatedTimes(repeatedTimes);
        if (delimiter != null) {
            char d = switch (delimiter) {
                case "tab", "\\t", "\t" -> '\t';
                default -> delimiter.length() == 1 ? delimiter.charAt(0) : 0;
            };
            try {
                options = options.withDelimiter(d);
            } catch (InvalidParameterException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--delimiter takes ',', ';', '|' or tab, got '" + delimiter + "'");
            }
        }
        if (timeUnit != null) {
            try {
                options = options.withEpochUnit(EpochUnit.of(timeUnit));
            } catch (UnknownNameException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--time-unit takes s, ms, us or ns, got '" + timeUnit + "'");
            }
        }
        if (standardInput()) {
            Main main = (Main) spec.root().userObject();
            if (!main.inOpen()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--csv -: standard input is not open "
                        + "(give the data on standard input, e.g. '< prices.csv' or a pipe, or name a file)");
            }
            return CsvReader.open(main.in(), source(), options);
        }
        if (csv.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--csv: the path is empty");
        }
        Path file;
        try {
            file = Path.of(csv);
        } catch (java.nio.file.InvalidPathException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--csv: '" + csv + "' is not a valid path (" + e.getReason() + ")");
        }
        return CsvReader.open(file, options);
    }
}
