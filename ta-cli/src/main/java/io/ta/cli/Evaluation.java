package io.ta.cli;

import io.ta.error.DataFormatException;
import io.ta.runtime.csv.CsvReader;
import io.ta.runtime.Plan;
import io.ta.runtime.plan.ValueType;
import io.ta.runtime.source.Aggregate;
import io.ta.runtime.source.Sources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The {@code --expr NAME=EXPR} arguments compiled into one plan (shared subexpressions are computed once), and the
 * output format both {@code eval} and {@code stream} print: header {@code LABEL[,SYMBOL],NAME1,...}, then one row per
 * input row: the row's label (see {@link Label}), its symbol, then numbers as {@link Double#toString} (exact round
 * trip), conditions as {@code 1}/{@code 0}, NaN as an empty cell. Output column names differ even ignoring case.
 */
final class Evaluation {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    final Plan plan;
    final List<String> names;
    final boolean[] condition;
    /** The plan's columns the bars CSV holds: every column but the aggregates of event sources ({@code ETH.close}). */
    final List<String> barColumns;
    /** Whether the plan reads event sources (aggregated onto the bars by time). */
    final boolean readsSources;
    private final CommandLine cl;

    private Evaluation(Plan plan, CommandLine cl) {
        this.plan = plan;
        this.cl = cl;
        this.names = List.copyOf(plan.roots().keySet());
        Set<String> aggregates = Sources.aggregates(plan.columns()).stream().map(Aggregate::column).collect(Collectors.toSet());
        this.barColumns = plan.columns().stream().filter(c -> !aggregates.contains(c)).toList();
        this.readsSources = !aggregates.isEmpty();
        this.condition = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            condition[i] = plan.roots().get(names.get(i)).type() == ValueType.CONDITION;
        }
    }

    /**
     * Compiles the expressions.
     *
     * @param symbolColumn the {@code --symbol-col} value, whose column the output repeats, or null
     * @throws CommandLine.ParameterException for a malformed {@code NAME=EXPR} or two output columns of one name
     */
    static Evaluation of(CommandLine cl, List<String> specs, String symbolColumn) {
        return of(cl, specs, symbolColumn, java.time.ZoneOffset.UTC);
    }

    /** Compiles the expressions with calendar periods and sessions in {@code zone}. */
    static Evaluation of(CommandLine cl, List<String> specs, String symbolColumn, java.time.ZoneId zone) {
        Map<String, String> exprs = new LinkedHashMap<>();
        Map<String, String> header = new LinkedHashMap<>();
        if (symbolColumn != null) {
            header.put(symbolColumn.toLowerCase(Locale.ROOT), "the --symbol-col column '" + symbolColumn + "'");
        }
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl, "--expr takes NAME=EXPR (e.g. rsi=rsi(close, 14)), got '" + spec + "'");
            }
            String name = spec.substring(0, eq).trim();
            if (!NAME.matcher(name).matches()) {
                throw new CommandLine.ParameterException(cl, "--expr name '" + name
                        + "' must start with a letter or '_' and hold only letters, digits, '_', '.' and '-'");
            }
            String taken = header.putIfAbsent(name.toLowerCase(Locale.ROOT), "--expr name '" + name + "'");
            if (taken != null) {
                throw new CommandLine.ParameterException(cl, "--expr name '" + name + "' is used twice in the output header: it collides with "
                        + taken + " (names are compared ignoring case); rename the expression");
            }
            exprs.put(name, spec.substring(eq + 1));
        }
        return new Evaluation(Plan.compile(exprs, Main.registry(cl), zone), cl);
    }

    /**
     * How the output labels its rows: by the time column as written; without one, by a first column named like an
     * index ({@code index}, {@code idx}, {@code bar}, {@code row}, {@code n}, {@code no}, or no name, as pandas writes
     * its index); otherwise by the bar number of the row's series (0, 1, 2, ... per symbol) in a column {@code bar}.
     *
     * @param header the first output column's name
     * @param kind how the label is made
     */
    record Label(String header, Kind kind) {
        /** Where a row's label comes from. */
        enum Kind { TIME, COLUMN, BAR }

        private static final List<String> INDEX_NAMES = List.of("", "index", "idx", "bar", "row", "n", "no");

        static Label of(CsvReader r) {
            if (r.hasTime()) {
                return new Label(r.timeColumn(), Kind.TIME);
            }
            if (!r.columns().isEmpty() && INDEX_NAMES.contains(r.columns().get(0))) {
                return new Label(r.labelColumn().isBlank() ? "index" : r.labelColumn(), Kind.COLUMN);
            }
            return new Label("bar", Kind.BAR);
        }

        /** The first column the input has that labels the rows, which is then no price. */
        String column() {
            return kind == Kind.BAR ? null : CsvReader.name(header);
        }
    }

    /**
     * Refuses an output header in which the label column's name, or the symbol column's as the input writes it (which
     * {@code --symbol-col} finds by the header rules: {@code sym} is the column {@code Sym.}), is also an expression's.
     *
     * @param symbolColumn the symbol column's name as written in the input, or null
     * @throws CommandLine.ParameterException naming both
     */
    void checkLabel(Label label, String symbolColumn) {
        String lower = label.header().toLowerCase(Locale.ROOT);
        String symbol = symbolColumn == null ? null : symbolColumn.toLowerCase(Locale.ROOT);
        for (String n : names) {
            if (n.toLowerCase(Locale.ROOT).equals(lower)) {
                throw new CommandLine.ParameterException(cl, "--expr name '" + n + "' is used twice in the output header: it collides with "
                        + "the first output column '" + label.header() + "' (names are compared ignoring case); rename the expression");
            }
            if (n.toLowerCase(Locale.ROOT).equals(symbol)) {
                throw new CommandLine.ParameterException(cl, "--expr name '" + n + "' is used twice in the output header: it collides with "
                        + "the symbol column '" + symbolColumn + "' (names are compared ignoring case); rename the expression");
            }
        }
    }

    /** Fails naming the expression and the column when the data lacks a column an expression reads. */
    void requireColumns(CsvReader input) {
        if (plan.needsTime() && !input.hasTime()) {
            String name = names.stream().filter(this::readsTime).findFirst().orElse(names.get(0));
            throw new DataFormatException(input.source(), 0, null, null, "expression '" + name + "' (" + plan.text(name)
                    + ") reads the bars' times, but " + input.source() + " has no time column (date, time, timestamp or datetime)");
        }
        if (readsSources && !input.hasTime()) {
            String name = names.stream().filter(n -> !barColumns.containsAll(plan.columns(n))).findFirst().orElse(names.get(0));
            throw new DataFormatException(input.source(), 0, null, null, "expression '" + name + "' (" + plan.text(name)
                    + ") reads event sources, which go onto the bars by time, but " + input.source()
                    + " has no time column (date, time, timestamp or datetime)");
        }
        List<String> numeric = new ArrayList<>(input.columns());
        String time = input.timeColumn() == null ? null : CsvReader.name(input.timeColumn());
        String symbol = input.symbolColumn() == null ? null : CsvReader.name(input.symbolColumn());
        numeric.remove(time);
        numeric.remove(symbol);
        for (String name : names) {
            for (String column : plan.columns(name)) {
                if (!numeric.contains(column) && barColumns.contains(column)) {
                    String role = column.equals(time) ? ", which is the time column of " + input.source() + ", not a number column"
                            : column.equals(symbol) ? ", which is the symbol column of " + input.source() + ", not a number column"
                            : ", which " + input.source() + " does not have; columns: " + String.join(", ", numeric);
                    throw new DataFormatException(input.source(), 0, column, null, "expression '" + name + "' (" + plan.text(name)
                            + ") needs column '" + column + "'" + role);
                }
            }
        }
    }

    /** Whether a root reads timestamps through any of its nodes. */
    private boolean readsTime(String root) {
        java.util.ArrayDeque<io.ta.runtime.plan.Node> todo = new java.util.ArrayDeque<>();
        todo.push(plan.roots().get(root).node());
        while (!todo.isEmpty()) {
            io.ta.runtime.plan.Node n = todo.pop();
            if (n instanceof io.ta.runtime.plan.Node.Timed t && t.spec().needsTime()) {
                return true;
            }
            n.inputs().forEach(r -> todo.push(r.node()));
        }
        return false;
    }

    /** The output header. */
    String header(Label label, String symbolColumn) {
        StringBuilder sb = new StringBuilder();
        Evaluation.cell(sb, label.header());
        if (symbolColumn != null) {
            sb.append(',');
            Evaluation.cell(sb, symbolColumn);
        }
        for (String n : names) {
            sb.append(',').append(n);
        }
        return sb.toString();
    }

    /** Appends the values of one row after its label and symbol. */
    void values(StringBuilder sb, double[] values) {
        for (int i = 0; i < values.length; i++) {
            sb.append(',');
            format(sb, values[i], condition[i]);
        }
    }

    static void format(StringBuilder sb, double v, boolean condition) {
        if (Double.isNaN(v)) {
            return;
        }
        if (condition) {
            sb.append(v != 0.0 ? '1' : '0');
        } else {
            sb.append(v);
        }
    }

    static String format(double v, boolean condition) {
        StringBuilder sb = new StringBuilder();
        format(sb, v, condition);
        return sb.toString();
    }

    /** Quotes the text appended to {@code sb} since {@code from} when it holds a comma, a quote or a line break. */
    static void quote(StringBuilder sb, int from) {
        for (int i = from; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                String text = sb.substring(from);
                sb.setLength(from);
                sb.append('"').append(text.replace("\"", "\"\"")).append('"');
                return;
            }
        }
    }

    /** Appends a label or symbol as a CSV cell. */
    static void cell(StringBuilder sb, String text) {
        int from = sb.length();
        sb.append(text);
        quote(sb, from);
    }
}
