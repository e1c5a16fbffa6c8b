package io.ta.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The plan is a value, the executors run it: no compiled class of {@code io.ta.runtime.plan} refers to the executor
 * package or to the user's runnable handles ({@code Plan}, {@code PlanStream}, {@code PlanResult}, {@code PlanSnapshot}),
 * so the dependency between the DAG and its execution points one way only. Read from the class files' constant pools
 * (class references and every type in a field or method descriptor or signature), which is what the JVM links
 * against, so an import hidden in a fully qualified name or a lambda counts too.
 */
class PlanLayersTest {
    /** Internal-name prefixes a plan class must not mention. */
    static final List<String> FORBIDDEN = List.of("io/ta/runtime/exec/", "io/ta/runtime/Plan;", "io/ta/runtime/PlanStream",
            "io/ta/runtime/PlanResult", "io/ta/runtime/PlanSnapshot");

    @Test
    void planPackageDoesNotDependOnExecution() throws IOException, URISyntaxException {
        Path root = Path.of(PlanGraph.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = root.resolve("io/ta/runtime/plan");
        List<Path> classes;
        try (Stream<Path> s = Files.list(dir)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        assertTrue(classes.size() >= 5, "expected the plan package's classes under " + dir + ", found " + classes);
        TreeSet<String> offending = new TreeSet<>();
        for (Path c : classes) {
            for (PoolEntry e : ClassFile.of().parse(Files.readAllBytes(c)).constantPool()) {
                String text = switch (e) {
                    case ClassEntry ce -> ce.asInternalName() + ";";
                    case Utf8Entry u -> u.stringValue();
                    default -> null;
                };
                if (text != null && violates(text)) {
                    offending.add(c.getFileName() + " -> " + text);
                }
            }
        }
        assertEquals(new TreeSet<>(), offending, "io.ta.runtime.plan must not depend on execution");
    }

    @Test
    void theCheckSeesAReferenceToExecution() {
        assertTrue(violates("(Lio/ta/runtime/exec/Program;)V"));
        assertTrue(violates("io/ta/runtime/Plan;"));
        assertTrue(violates("Ljava/util/List<Lio/ta/runtime/PlanStream;>;"));
        List<String> fine = new ArrayList<>(List.of("io/ta/runtime/plan/PlanGraph;", "Lio/ta/runtime/Registry;", "execute"));
        fine.removeIf(PlanLayersTest::violates);
        assertEquals(3, fine.size(), "false alarms: " + fine);
    }

    static boolean violates(String text) {
        for (String f : FORBIDDEN) {
            if (text.contains(f)) {
                return true;
            }
        }
        return false;
    }
}
