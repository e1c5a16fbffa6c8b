package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API v1 check itself ({@code .ci/api/ApiDump.java}, run by every library module's verify): it describes this
 * module's public surface without the internals, passes on an unchanged surface, and fails on a changed one with the
 * difference and the command that accepts it.
 */
class ApiFreezeTest {
    static final Path TOOL = Path.of("..", ".ci", "api", "ApiDump.java");

    @Test
    void theDumpPassesWhenUnchangedAndFailsWithTheDifferenceAndTheAcceptCommand(@TempDir Path dir)
            throws IOException, InterruptedException {
        Path classes = Path.of(Plan.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        Path api = dir.resolve("ta-runtime.api");
        assertEquals(0, run(classes, api, true).exit);
        List<String> lines = Files.readAllLines(api, StandardCharsets.UTF_8);

        assertTrue(lines.contains("io.ta.runtime.Plan : final class"), "the entry package is described");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("io.ta.runtime.Plan#stream() : io.ta.runtime.PlanStream")));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("io.ta.runtime.exec.")), "exec is not exported");
        assertTrue(lines.stream().noneMatch(l -> l.contains("#lambda$") || l.contains("#access$")), "no synthetic members");
        assertTrue(lines.stream().noneMatch(l -> l.contains("private ")), "no private members");
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(null);
        assertEquals(sorted, lines, "sorted, so a diff shows only real changes");

        assertEquals(0, run(classes, api, false).exit, "an unchanged surface passes");

        String removed = lines.remove(lines.indexOf("io.ta.runtime.Plan : final class"));
        lines.add("io.ta.runtime.Gone#method() : void");
        Files.write(api, lines, StandardCharsets.UTF_8);
        Result r = run(classes, api, false);
        assertEquals(1, r.exit, r.output);
        assertTrue(r.output.contains("  - io.ta.runtime.Gone#method() : void"), r.output);
        assertTrue(r.output.contains("  + " + removed), r.output);
        assertTrue(r.output.contains("-Dta.api.accept=true"), r.output);
    }

    record Result(int exit, String output) {}

    static Result run(Path classes, Path api, boolean accept) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), TOOL.toString(), classes.toString(), api.toString(),
                Boolean.toString(accept)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out);
    }
}
