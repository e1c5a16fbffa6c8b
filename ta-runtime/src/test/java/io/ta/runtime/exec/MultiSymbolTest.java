package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.UnknownNameException;
import io.ta.runtime.PlanResult;
import io.ta.testing.RandomBars;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One plan over many symbols in parallel equals running it symbol by symbol. */
class MultiSymbolTest {
    private static final int CALLERS = 64;
    private static final String PLAN = "rolling_max(close, 10) - ema(close, 20) > wma(close, 5) - sma(close, 30)";

    private static Map<String, Bars> universe() {
        Map<String, Bars> universe = new LinkedHashMap<>();
        for (int s = 0; s < 40; s++) {
            RandomBars gen = new RandomBars(s, s % 3 == 0);
            int n = 50 + s * 37;
            universe.put("SYM" + s, Bars.builder().column("close", gen.walk(n)).build());
        }
        return universe;
    }

    @Test
    void parallelRunEqualsSequentialRunsInOrder() {
        Plan plan = Plan.compile(PLAN);
        Map<String, Bars> universe = universe();
        Map<String, PlanResult> all = new BlockExecutor(plan).runAll(universe);
        assertEquals(List.copyOf(universe.keySet()), List.copyOf(all.keySet()));
        for (Map.Entry<String, Bars> e : universe.entrySet()) {
            assertEquals(plan.run(e.getValue()).value(), all.get(e.getKey()).value(), e.getKey());
        }
    }

    /**
     * The JDK lets a program leave the common pool without threads (its parallelism set to 0, or a thread factory that
     * returns null); the callers' threads then run every symbol, also when several call at once. Before 2026-12-07
     * runAll submitted its tasks to the pool and waited, for ever, for a worker to run them. Run in a JVM of its own,
     * since a JVM's common pool is set once; a child that has not finished within 20 seconds has hung (it takes about
     * one).
     */
    @Test
    void aCommonPoolWithoutThreadsRunsEverySymbolOnTheCallersThread(@TempDir Path dir) throws Exception {
        List<String> path = new ArrayList<>();
        path.add(Path.of(MultiSymbolTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        for (String p : List.of("jdk.module.path", "java.class.path")) {
            for (String entry : System.getProperty(p, "").split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    path.add(entry);
                }
            }
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.util.concurrent.ForkJoinPool.common.parallelism=0", "-cp",
                String.join(File.pathSeparator, path), MultiSymbolTest.class.getName())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        boolean finished = child.waitFor(20, TimeUnit.SECONDS);
        if (!finished) {
            child.destroyForcibly().waitFor();
        }
        String out = Files.readString(dir.resolve("out.txt"));
        assertTrue(finished, "runAll did not finish with the common pool's parallelism 0:\n" + out);
        assertEquals(0, child.exitValue(), out);
        assertEquals(hashes(false), hashes(out), out);
    }

    /**
     * Runs the universe through runAll and prints each symbol's hash, for the test's child JVM; then runs it from
     * {@value #CALLERS} virtual threads at once, which share the pool's submission queues (joining tasks there from
     * outside the pool hung in 3 child JVMs of 4), and exits with 1 if one gets other hashes.
     */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> alone = hashes(true);
        alone.forEach((symbol, hash) -> System.out.println("hash " + symbol + " " + hash));
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        CyclicBarrier start = new CyclicBarrier(CALLERS);
        List<Future<Map<String, Integer>>> runs = new ArrayList<>();
        for (int t = 0; t < CALLERS; t++) {
            runs.add(callers.submit(() -> {
                start.await();
                return hashes(true);
            }));
        }
        for (Future<Map<String, Integer>> run : runs) {
            if (!run.get().equals(alone)) {
                System.out.println("runAll on " + CALLERS + " threads at once gave other bits");
                System.exit(1);
            }
        }
        callers.shutdown();
    }

    /** A hash of each symbol's result bits: of runAll's results, or of the symbols run one by one. */
    private static Map<String, Integer> hashes(boolean runAll) {
        Plan plan = Plan.compile(PLAN);
        Map<String, Bars> universe = universe();
        Map<String, Integer> out = new TreeMap<>();
        Map<String, PlanResult> all = runAll ? plan.runAll(universe) : null;
        for (Map.Entry<String, Bars> e : universe.entrySet()) {
            PlanResult r = runAll ? all.get(e.getKey()) : plan.run(e.getValue());
            out.put(e.getKey(), Arrays.hashCode(r.value().toArray()));
        }
        return out;
    }

    private static Map<String, Integer> hashes(String childOutput) {
        Map<String, Integer> out = new TreeMap<>();
        for (String line : childOutput.split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length == 3 && w[0].equals("hash")) {
                out.put(w[1], Integer.parseInt(w[2]));
            }
        }
        return out;
    }

    @Test
    void aMissingColumnNamesTheColumnAndTheColumnsThereAre() {
        Plan plan = Plan.compile("true_range()");
        Bars closeOnly = Bars.builder().column("close", new double[] {1, 2}).build();
        var e = assertThrows(UnknownNameException.class, () -> plan.run(closeOnly));
        assertEquals("the expression needs column 'high', which the data does not have; columns: close", e.getMessage());
    }
}
