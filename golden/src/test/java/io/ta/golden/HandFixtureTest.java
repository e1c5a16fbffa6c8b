package io.ta.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ta.spi.KernelDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hand-checked fixtures ({@code golden/hand/*.csv}) for kernels no independent implementation reachable here has:
 * small worked examples of the formula. Format:
 *
 * <pre>
 * # kernel: crossup
 * # params: (catalog name=value, comma separated; empty for defaults)
 * # source: where the expected values come from (the worked example, step by step)
 * # tolerance: optional relative tolerance (default 1e-12)
 * a,b,out:value
 * 1,2,0
 * </pre>
 *
 * Input columns are named after the kernel's inputs; output columns are {@code out:<output name>}; an empty cell is
 * NaN. Every input and output of the kernel must appear.
 */
class HandFixtureTest {

    @TestFactory
    Stream<DynamicTest> kernelsReproduceWorkedExamples() throws IOException {
        Path dir = Golden.path("hand");
        List<Path> files;
        try (var list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        return files.stream().map(f -> dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    static void check(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                meta.put(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
            } else if (!line.isBlank()) {
                rows.add(line);
            }
        }
        assertTrue(meta.containsKey("kernel") && meta.containsKey("source"), file + ": needs '# kernel:' and '# source:'");
        KernelDescriptor d = TalibGenerator.descriptor(meta.get("kernel"));
        TalibCase c = TalibCase.taSide(file.toString(), d.name(), meta.getOrDefault("params", ""), "", "");
        double tolerance = Double.parseDouble(meta.getOrDefault("tolerance", "1e-12"));
        String[] header = rows.get(0).split(",", -1);
        int n = rows.size() - 1;
        double[][] table = new double[header.length][n];
        for (int r = 0; r < n; r++) {
            String[] cells = rows.get(r + 1).split(",", -1);
            assertEquals(header.length, cells.length, file + ": row " + (r + 1) + " has " + cells.length + " cells");
            for (int k = 0; k < header.length; k++) {
                table[k][r] = cells[k].isBlank() ? Double.NaN : Double.parseDouble(cells[k].trim());
            }
        }
        List<String> names = List.of(header);
        double[][] inputs = new double[d.inputs().size()][];
        for (int i = 0; i < inputs.length; i++) {
            int col = names.indexOf(d.inputs().get(i));
            assertTrue(col >= 0, file + ": no column for input " + d.inputs().get(i));
            inputs[i] = table[col];
        }
        double[][] ours = d.batch(c.paramValues(d), inputs);
        for (int o = 0; o < ours.length; o++) {
            int col = names.indexOf("out:" + d.outputs().get(o).name());
            assertTrue(col >= 0, file + ": no column out:" + d.outputs().get(o).name());
            for (int t = 0; t < n; t++) {
                double ref = table[col][t];
                double got = ours[o][t];
                boolean ok = Double.isNaN(ref) ? Double.isNaN(got) : Math.abs(got - ref) <= tolerance * Math.max(1, Math.abs(ref));
                if (!ok) {
                    fail(file.getFileName() + ": output " + d.outputs().get(o).name() + " at bar " + t + " is " + got + ", expected " + ref);
                }
            }
        }
    }
}
