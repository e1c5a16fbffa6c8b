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
        // Wide cells wrap inside their column, so every row keeps the header's alignment (bbands' selectors, macdext's parameters).
        TextTable table = new TextTable(32, 30, 26, 46, 0).row("NAME", "ALIASES", "INPUTS", "PARAMETERS", "OUTPUTS");
        for (KernelDescriptor d : Main.registry(spec.commandLine()).kernels()) {
            List<String> params = new ArrayList<>();
            for (ParamSpec p : d.params()) {
                params.add(p.name() + (p.hasDefault() ? "=" + p.defaultValue() : ""));
            }
            List<String> aliases = new ArrayList<>(d.aliases());
            d.selectors().forEach(s -> aliases.add(s.alias() + "→" + s.output()));
            table.row(d.name(), String.join(", ", aliases), String.join(", ", d.inputs()), String.join(", ", params),
                    String.join(", ", d.outputs().stream().map(o -> o.name()).toList()));
        }
        table.lines("").forEach(out::println);
        out.println();
        out.println(Main.registry(spec.commandLine()).kernels().size() + " kernels. 'ta describe NAME' shows one in full.");
        out.flush();
    }
}
