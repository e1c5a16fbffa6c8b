package io.ta.cli;

import io.ta.annotation.Scale;
import io.ta.runtime.Registry;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.OutputSpec;
import io.ta.spi.ParamSpec;
import io.ta.spi.ParamValues;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ta describe NAME}: one kernel in full, as its docs/catalog.md row says it and more: lookback, scale, cost. */
@Command(name = "describe", mixinStandardHelpOptions = true, description = "Describe one kernel (by name, alias or selector).")
final class DescribeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A kernel name, alias or selector, e.g. rsi, willr, bb_upper.")
    String name;

    @Override
    public void run() {
        Registry.Entry e;
        try {
            e = Main.registry(spec.commandLine()).resolve(name);
        } catch (io.ta.error.UnknownNameException ex) {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
        KernelDescriptor d = e.kernel();
        PrintWriter out = spec.commandLine().getOut();
        out.println(d.name() + " — " + d.summary());
        if (!name.equals(d.name())) {
            out.println("  (" + name + (e.isSelector() ? " selects output " + d.outputs().get(e.output()).name() + " of " : " is an alias of ")
                    + d.name() + ")");
        }
        out.println();
        line(out, "family", d.family().name().toLowerCase(Locale.ROOT));
        line(out, "aliases", d.aliases().isEmpty() ? "–" : String.join(", ", d.aliases()));
        if (!d.selectors().isEmpty()) {
            line(out, "selectors", String.join(", ", d.selectors().stream().map(s -> s.alias() + " → " + s.output()).toList()));
        }
        StringBuilder inputs = new StringBuilder();
        for (int i = 0; i < d.inputs().size(); i++) {
            inputs.append(i == 0 ? "" : ", ").append(d.inputs().get(i));
            if (d.inputScale(i) != Scale.PRICE) {
                inputs.append(' ').append(scale(d.inputScale(i)));
            }
            if (!d.domain(i).isUnbounded()) {
                inputs.append(" (").append(d.domain(i)).append(')');
            }
        }
        line(out, "inputs", inputs.toString());
        if (d.params().isEmpty()) {
            line(out, "parameters", "none");
        } else {
            out.println("  parameters:");
            TextTable table = new TextTable(24, 8, 28, 12, 0).row("NAME", "TYPE", "RANGE", "DEFAULT", "");
            for (ParamSpec p : d.params()) {
                table.row(p.name(), p.type().name().toLowerCase(Locale.ROOT), p.rangeText(), p.hasDefault() ? p.defaultValue() : "required",
                        p.doc());
            }
            table.lines("    ").forEach(out::println);
        }
        d.requires().forEach(r -> line(out, "rule", r.toString()));
        out.println("  outputs:");
        ParamValues defaults = d.params().stream().allMatch(ParamSpec::hasDefault) ? ParamValues.defaults(d) : null;
        for (int i = 0; i < d.outputs().size(); i++) {
            OutputSpec o = d.outputs().get(i);
            out.println("    " + o.name() + " · " + scale(o.scale()) + (o.doc().isEmpty() ? "" : " — " + o.doc())
                    + (defaults != null && d.outputs().size() > 1 && d.lookback(defaults, i) != d.lookback(defaults)
                            ? " (first valid bar " + d.lookback(defaults, i) + " at defaults)" : ""));
        }
        line(out, "lookback", (d.lookbackFormula().isEmpty() ? "see reference" : d.lookbackFormula())
                + (defaults == null ? "" : "  (" + d.lookback(defaults) + " at defaults)"));
        line(out, "cost", d.timeCost().notation() + " per bar · " + d.memoryCost().notation() + " memory");
        line(out, "kind", d.kind().name().toLowerCase(Locale.ROOT));
        line(out, "reference", d.reference().isEmpty() ? "–" : d.reference());
        line(out, "implementation", d.getClass().getName().replace("_Descriptor", ""));
        out.flush();
    }

    /** How a value changes when prices are multiplied by c and volumes by v, named as docs/catalog.md names it. */
    static String scale(Scale s) {
        return switch (s) {
            case PRICE_SQUARED -> "price²";
            case PRICE_VOLUME -> "price·volume";
            default -> s.name().toLowerCase(Locale.ROOT);
        };
    }

    private static void line(PrintWriter out, String key, String value) {
        out.println("  " + key + ": " + value);
    }
}
