package io.ta.cli;

import io.ta.runtime.Registry;
import io.ta.runtime.plan.Plan;
import io.ta.runtime.plan.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * The {@code --expr NAME=EXPR} arguments compiled into one plan (shared subexpressions are computed once), and the
 * output format both {@code eval} and {@code stream} print: header {@code date,NAME1,...}, then one row per input row;
 * numbers as {@link Double#toString} (exact round trip), conditions as {@code 1}/{@code 0}, NaN as an empty cell.
 */
final class Evaluation {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]*");

    final Plan plan;
    final List<String> names;
    final boolean[] condition;

    private Evaluation(Plan plan) {
        this.plan = plan;
        this.names = List.copyOf(plan.roots().keySet());
        this.condition = new boolean[names.size()];
        for (int i = 0; i < names.size(); i++) {
            condition[i] = plan.roots().get(names.get(i)).type() == ValueType.CONDITION;
        }
    }

    static Evaluation of(CommandLine cl, List<String> specs) {
        Map<String, String> exprs = new LinkedHashMap<>();
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
            if (name.equalsIgnoreCase("date") || exprs.containsKey(name)) {
                throw new CommandLine.ParameterException(cl, "--expr name '" + name + "' is used twice (or is the date column)");
            }
            exprs.put(name, spec.substring(eq + 1));
        }
        return new Evaluation(Plan.compile(exprs, Registry.standard()));
    }

    /** Fails naming the expression and the column when the data lacks a column an expression reads. */
    void requireColumns(CsvTable table) {
        for (String name : names) {
            for (String column : plan.columns(name)) {
                if (!table.columns.containsKey(column)) {
                    throw new DataException("expression '" + name + "' (" + plan.text(name) + ") needs column '" + column + "', which "
                            + table.file + " does not have; columns: " + String.join(", ", table.columns.keySet()));
                }
            }
        }
    }

    String header(String symbolColumn) {
        StringBuilder sb = new StringBuilder("date");
        if (symbolColumn != null) {
            sb.append(',').append(symbolColumn);
        }
        for (String n : names) {
            sb.append(',').append(n);
        }
        return sb.toString();
    }

    /** One output row: the time text as in the input, the symbol, then every expression's value. */
    void row(StringBuilder sb, String label, String symbol, double[] values) {
        sb.append(csv(label));
        if (symbol != null) {
            sb.append(',').append(csv(symbol));
        }
        for (int i = 0; i < values.length; i++) {
            sb.append(',').append(format(values[i], condition[i]));
        }
    }

    static String format(double v, boolean condition) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (condition) {
            return v != 0.0 ? "1" : "0";
        }
        return Double.toString(v);
    }

    static String csv(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
