package io.ta.cli;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.ParamSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ta list}: every kernel on the classpath, one line each, from the registry. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the catalog: name, aliases, inputs, parameters with defaults, outputs.")
final class ListCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "ALIASES", "INPUTS", "PARAMETERS", "OUTPUTS"});
        for (KernelDescriptor d : Main.registry(spec.commandLine()).kernels()) {
            List<String> params = new ArrayList<>();
            for (ParamSpec p : d.params()) {
                params.add(p.name() + (p.hasDefault() ? "=" + p.defaultValue() : ""));
            }
            List<String> aliases = new ArrayList<>(d.aliases());
            d.selectors().forEach(s -> aliases.add(s.alias() + "→" + s.output()));
            rows.add(new String[] {d.name(), String.join(", ", aliases), String.join(", ", d.inputs()), String.join(", ", params),
                String.join(", ", d.outputs().stream().map(o -> o.name()).toList())});
        }
        int[] widths = new int[5];
        for (String[] r : rows) {
            for (int c = 0; c < 4; c++) {
                widths[c] = Math.max(widths[c], Math.min(40, r[c].length()));
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < 5; c++) {
                sb.append(r[c]);
                if (c < 4) {
                    sb.append(" ".repeat(Math.max(1, widths[c] - r[c].length() + 2)));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
        out.println();
        out.println(Main.registry(spec.commandLine()).kernels().size() + " kernels. 'ta describe NAME' shows one in full.");
        out.flush();
    }
}
