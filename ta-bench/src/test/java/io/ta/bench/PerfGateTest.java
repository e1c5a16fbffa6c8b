package io.ta.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The performance gate of {@code mvn verify}: the {@link GateBench} benchmarks, measured in {@value #FORKS} fresh JVMs
 * ({@link GateFork}), whose ratios ({@link PerfGate#PAIRS}) must stay within their budget ({@link PerfGate#budget}) of the committed
 * baselines ({@code perf-baseline.properties} next to this class). A ratio's gated value is its lowest over the forks
 * ({@link PerfGate#lowest}), or for a stream ÷ batch ratio the fastest stream over the fastest batch
 * ({@link PerfGate#gated}). When a ratio is over its budget after those forks, up to {@value #CONFIRM_FORKS} more run,
 * one at a time, before the gate fails: a regression is slow in every JVM and stays over, while three forks that all
 * ran while the machine was slow (docs/performance.md, "Slow windows": our loops at up to twice their time, TA-Lib's
 * not) are outvoted by the next one that catches a fast window. About 20 s of CPU per fork.
 *
 * <p>How it measures, and why not JMH's own runner: the benchmarks are JMH benchmarks (the same methods
 * {@code java -jar benchmarks.jar GateBench} runs), but the gate times them itself, in <em>CPU time of the benchmark
 * thread</em> ({@link java.lang.management.ThreadMXBean#getCurrentThreadCpuTime()}), in interleaved rounds, and scores
 * each by its fastest round. JMH measures wall-clock time; on the shared 2-core machine (load 12-14 from other builds)
 * two wall-clock gate runs of JMH with one and three forks per benchmark both raised false alarms (ratios moved
 * 0.1×-2.1× between runs) and the three-fork run took 5.5 minutes. Thread CPU time does not count the time the thread
 * waits for a core. Several forks, because what remains is JIT variance: one JVM inlines a kernel's step into a loop,
 * the next compiles it on its own first and does not, and that moves a ratio by up to 2× from one JVM to the next
 * (docs/performance.md lists the measured spread per ratio).
 *
 * <p>Properties: {@code -Dta.perf.skip=true} skips the gate (local iteration only; CI runs it);
 * {@code -Dta.perf.forks=<n>} changes the number of forks; {@code -Dta.perf.record=true} rewrites the baseline file
 * from this run instead of checking; {@code -Dta.gate.slow=<benchmark>} makes one benchmark do its work twice, to show
 * the gate failing.
 */
class PerfGateTest {
    private static final String BASELINE = "perf-baseline.properties";
    static final int FORKS = 3;
    /** Forks added while a ratio is over its budget, before the gate fails. */
    static final int CONFIRM_FORKS = 6;

    @Test
    void ratiosStayWithinTheirBudget() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("ta.perf.skip"), "performance gate skipped (-Dta.perf.skip=true)");
        String slow = System.getProperty("ta.gate.slow", "");
        int forks = Integer.getInteger("ta.perf.forks", FORKS);
        Map<String, Double> baseline = baseline();
        boolean record = Boolean.getBoolean("ta.perf.record");
        List<String> missing = PerfGate.missingBaselines(baseline);
        if (!record && !missing.isEmpty()) {
            fail("performance gate: " + BASELINE + " has no baseline for " + String.join(", ", missing)
                    + "; record one with -Dta.perf.record=true and commit it");
        }
        long start = System.nanoTime();
        List<Map<String, Double>> scores = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            scores.add(fork(f, slow));
        }
        int confirming = 0;
        while (!record && confirming < CONFIRM_FORKS
                && !PerfGate.regressions(PerfGate.gated(scores), baseline).isEmpty()) {
            scores.add(fork(forks + confirming++, slow));
        }
        Map<String, Double> measured = PerfGate.gated(scores);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "performance gate: %d forks%s, %.0f s, budget %.2f× the baseline (%.2f× for %s), load average %.2f%s%n",
                forks, confirming == 0 ? "" : " + " + confirming + " to confirm a ratio over its budget",
                (System.nanoTime() - start) / 1e9, PerfGate.BUDGET, PerfGate.NOISY_BUDGET,
                String.join(", ", PerfGate.NOISY),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                slow.isEmpty() ? "" : ", injected 2× slowdown: " + slow));
        report.append(String.format(Locale.ROOT, "  %-34s %7s   %-26s %s%n", "ratio", "gated", "baseline", "per fork"));
        for (Map.Entry<String, Double> m : measured.entrySet()) {
            Double b = baseline.get(m.getKey());
            StringBuilder per = new StringBuilder();
            for (Map<String, Double> s : scores) {
                per.append(String.format(Locale.ROOT, " %7.3f", PerfGate.ratios(s).get(m.getKey())));
            }
            report.append(String.format(Locale.ROOT, "  %-34s %7.3f   %-26s%s%n", m.getKey(), m.getValue(),
                    b == null ? "-" : String.format(Locale.ROOT, "%7.3f  (%.2f×)", b, m.getValue() / b), per));
        }
        for (String name : scores.get(0).keySet()) {
            StringBuilder per = new StringBuilder();
            for (Map<String, Double> s : scores) {
                per.append(String.format(Locale.ROOT, " %8.2f", s.get(name)));
            }
            report.append(String.format(Locale.ROOT, "    %-20s ns/bar (CPU)%s%n", name, per));
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "perf-gate.txt"), report, StandardCharsets.UTF_8);
        if (record) {
            record(measured);
            return;
        }
        List<String> regressions = PerfGate.regressions(measured, baseline);
        if (!regressions.isEmpty()) {
            fail("performance regression beyond the budget over the committed baseline ratio:\n  "
                    + String.join("\n  ", regressions) + "\n" + report
                    + "If the change is intended, re-record with -Dta.perf.record=true and commit the baseline.");
        }
    }

    /**
     * Runs fork {@code f} ({@link GateFork}) in a fresh JVM on this JVM's classpath, with a fixed heap and the serial
     * collector so that every machine runs the benchmarks under the same memory settings.
     */
    private static Map<String, Double> fork(int f, String slow) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xms1g", "-Xmx1g", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path")));
        if (!slow.isEmpty()) {
            cmd.add("-Dta.gate.slow=" + slow);
        }
        cmd.addAll(List.of(GateFork.class.getName(), Integer.toString(f)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("perf gate: fork " + f + " failed:\n" + out);
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            String[] w = line.trim().split(" ");
            if (w.length == 3 && w[0].equals("score")) {
                scores.put(w[1], Double.parseDouble(w[2]));
            }
        }
        if (scores.isEmpty()) {
            throw new IllegalStateException("perf gate: fork " + f + " printed no scores:\n" + out);
        }
        return scores;
    }

    private static Map<String, Double> baseline() throws IOException {
        Properties p = new Properties();
        try (InputStream in = PerfGateTest.class.getResourceAsStream(BASELINE)) {
            if (in != null) {
                p.load(in);
            }
        }
        Map<String, Double> out = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            out.put(k, Double.parseDouble(p.getProperty(k)));
        }
        return out;
    }

    /** Writes the baseline into the source tree (the module directory is the working directory under Maven). */
    private static void record(Map<String, Double> measured) throws IOException {
        Path file = Path.of("src", "test", "resources", "io", "ta", "bench", BASELINE);
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# Ratios the performance gate (PerfGateTest) compares against; recorded with -Dta.perf.record=true.\n");
            for (Map.Entry<String, Double> m : measured.entrySet()) {
                w.write(m.getKey().replace(" ", "\\ ") + " = " + String.format(Locale.ROOT, "%.4f", m.getValue()) + "\n");
            }
        }
    }
}
