package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.exec.Program;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Compiled plans give the same bits on a JVM without a fused multiply-add. A compiled comparison makes a missing
 * operand missing with one fused multiply-add per operand where the processor has the instruction, and with a
 * multiplication and an addition where it does not (FusedCompiler's comparison). A JVM started with
 * {@code -XX:-UseFMA} runs the same random plans over the same dirty bars (NaN, ±Infinity, extreme magnitudes) as this
 * one, and each plan's results must hash to the same value in both, its compiled or interpreted execution named in its
 * key (NaNs as one).
 */
class PlansWithoutFmaTest {
    static final int CASES = 300;

    @Test
    void compiledPlansGiveTheSameBitsWithoutAFusedMultiplyAdd() throws Exception {
        Map<String, Long> here = hashes();
        assertTrue(here.keySet().stream().filter(k -> k.endsWith("fused")).count() > CASES,
                "most plans compile: " + here.keySet());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // This JVM runs the tests patched into the runtime's module; the child runs everything on the class path.
        List<String> path = new ArrayList<>();
        path.add(Path.of(PlansWithoutFmaTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        for (String p : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(p, "").split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    path.add(entry);
                }
            }
        }
        Process p = new ProcessBuilder(java, "-XX:-UseFMA", "-cp", String.join(File.pathSeparator, path),
                        PlansWithoutFmaTest.class.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Map<String, Long> there = new TreeMap<>();
        for (String line : out.split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length == 3 && w[0].equals("hash")) {
                there.put(w[1], Long.parseLong(w[2]));
            }
        }
        assertEquals(here, there, out.lines().filter(l -> !l.startsWith("hash ")).toList().toString());
    }

    /** Prints each plan's hash, for the test's child JVM. */
    public static void main(String[] args) {
        hashes().forEach((key, hash) -> System.out.println("hash " + key + " " + hash));
    }

    /**
     * {@link PlanPropertiesTest}'s random plans and its kernels under comparisons with numbers, {@link #CASES} of each
     * from fixed seeds: a hash of their batch results' bits, keyed by case and by whether the plan compiled.
     */
    static Map<String, Long> hashes() {
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < 2 * CASES; i++) {
            PlanPropertiesTest.Case c = i < CASES ? PlanPropertiesTest.randomCase(0xF3A0L + i)
                    : PlanPropertiesTest.kernelWithOperatorsCase(0xF3A0L + i);
            Plan plan = Plan.of(c.roots(), Registry.standard());
            PlanResult result = new BlockExecutor(plan).run(c.bars());
            long h = 1;
            for (String root : c.roots().keySet()) {
                for (int t = 0; t < c.bars().length(); t++) {
                    h = 31 * h + Double.doubleToLongBits(result.get(root).get(t));
                }
            }
            out.put(i + "-" + (Program.of(plan, true).fused() ? "fused" : "interpreted"), h);
        }
        return out;
    }
}
