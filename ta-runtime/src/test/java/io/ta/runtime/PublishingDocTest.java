package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/publishing.md's table of the Java modules states what a modular application gets: what each module requires,
 * which packages it exports and which services it uses or provides. This test reads the built module descriptors and
 * holds the table's row to them, so a package exported or hidden, or a service added, cannot leave the table behind.
 */
class PublishingDocTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final List<String> COUNTS = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen");

    @ParameterizedTest
    @ValueSource(strings = {"io.ta.annotations", "io.ta.kernels", "io.ta.runtime"})
    void moduleTableRowIsTheBuiltDescriptor(String module) throws IOException, URISyntaxException {
        ModuleDescriptor d = descriptor(module);
        List<String> cells = row(module);

        Set<String> requires = d.requires().stream()
                .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.MANDATED))
                .map(r -> (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) ? "static " : "")
                        + (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE) ? "transitive " : "")
                        + r.name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(requires, code(cells.get(1)), module + ": requires");

        Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> named = new TreeSet<>();
        for (String p : code(cells.get(2))) {
            named.add(p.contains(".") ? p : module + "." + p); // a bare name is a subpackage
        }
        Matcher more = Pattern.compile("its (\\w+) family packages").matcher(cells.get(2));
        if (more.find()) {
            assertTrue(exported.containsAll(named), module + ": exports " + exported + ", the table names " + named);
            assertEquals(exported.size() - named.size(), COUNTS.indexOf(more.group(1)),
                    module + ": exports " + exported + ", the table counts '" + more.group(1) + "' more");
        } else {
            assertEquals(exported, named, module + ": exports");
        }

        Set<String> services = new TreeSet<>();
        d.uses().forEach(u -> services.add("uses " + u.replace('$', '.')));
        d.provides().forEach(p -> services.add("provides " + p.service() + " with "
                + String.join(", ", p.providers()).replace('$', '.')));
        Set<String> stated = code(cells.get(3)).stream().filter(s -> s.startsWith("uses ") || s.startsWith("provides "))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(services, stated, module + ": services");
    }

    /** The code spans of a cell outside parentheses (which explain, and may name what is not there). */
    private static Set<String> code(String cell) {
        String plain = cell;
        for (String before = null; !plain.equals(before); ) {
            before = plain;
            plain = plain.replaceAll("\\([^()]*\\)", "");
        }
        Set<String> spans = new TreeSet<>();
        Matcher m = CODE.matcher(plain);
        while (m.find()) {
            spans.add(m.group(1));
        }
        return spans;
    }

    /** The cells of the table row of {@code module}: module, requires, exports, services. */
    private static List<String> row(String module) throws IOException {
        String doc = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && doc == null; d = d.getParent()) {
            Path f = d.resolve("docs/publishing.md");
            doc = Files.isRegularFile(f) ? Files.readString(f) : null;
        }
        assertTrue(doc != null, "docs/publishing.md above " + Path.of("").toAbsolutePath());
        String line = doc.lines().filter(l -> l.startsWith("| `" + module + "` |")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/publishing.md has no row for " + module));
        List<String> cells = List.of(line.substring(1, line.length() - 1).split("\\|"));
        assertEquals(4, cells.size(), line);
        return cells;
    }

    private static ModuleDescriptor descriptor(String module) throws URISyntaxException {
        Class<?> member = switch (module) {
            case "io.ta.annotations" -> io.ta.annotation.Kernel.class;
            case "io.ta.kernels" -> io.ta.kernels.Ta.class;
            default -> Plan.class;
        };
        Path location = Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor d = ModuleFinder.of(location).findAll().iterator().next().descriptor();
        assertEquals(module, d.name());
        return d;
    }
}
