package io.ta.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The performance gate of {@code mvn verify}: the {@link GateBench} benchmarks, measured in this JVM, whose ratios
 * ({@link PerfGate#PAIRS}) must stay within {@link PerfGate#BUDGET} of the committed baselines
 * ({@code perf-baseline.properties} next to this class). About a minute of CPU.
 *
 * <p>How it measures, and why not JMH's own runner: the benchmarks are JMH benchmarks (the same methods
 * {@code java -jar benchmarks.jar GateBench} runs), but the gate times them itself, in <em>CPU time of this thread</em>
 * ({@link ThreadMXBean#getCurrentThreadCpuTime()}), in interleaved rounds — every benchmark once per round, so a burst
 * of load hits all of them alike — and scores each by its fastest round. JMH measures wall-clock time; on the shared
 * 2-core machine (load 12-14 from other builds) two wall-clock gate runs of JMH with one and three forks per benchmark
 * both raised false alarms (ratios moved 0.1×-2.1× between runs) and the three-fork run took 5.5 minutes. Thread CPU
 * time does not count the time the thread waits for a core.
 *
 * <p>Properties: {@code -Dta.perf.skip=true} skips the gate (local iteration only; CI runs it);
 * {@code -Dta.perf.record=true} rewrites the baseline file from this run instead of checking;
 * {@code -Dta.gate.slow=<benchmark>} makes one benchmark do its work twice, to show the gate failing.
 */
class PerfGateTest {
    private static final String BASELINE = "perf-baseline.properties";
    /** CPU time each benchmark runs before timing starts (the JIT compiles it meanwhile). */
    private static final long WARMUP_NANOS = 600_000_000L;
    private static final int ROUNDS = 15;
    /** CPU time of one timed sample (several calls of a benchmark). */
    private static final long SAMPLE_NANOS = 25_000_000L;

    @Test
    void ratiosStayWithinTheirBudget() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("ta.perf.skip"), "performance gate skipped (-Dta.perf.skip=true)");
        String slow = System.getProperty("ta.gate.slow", "");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = mx.getCurrentThreadCpuTime();
        GateBench bench = new GateBench();
        bench.setup();
        Map<String, Method> methods = new LinkedHashMap<>();
        for (String[] pair : PerfGate.PAIRS.values()) {
            for (String name : pair) {
                methods.putIfAbsent(name, GateBench.class.getMethod(name));
            }
        }
        Map<String, Integer> calls = new LinkedHashMap<>();
        for (Map.Entry<String, Method> m : methods.entrySet()) {
            long t0 = mx.getCurrentThreadCpuTime();
            int n = 0;
            while (mx.getCurrentThreadCpuTime() - t0 < WARMUP_NANOS) {
                m.getValue().invoke(bench);
                n++;
            }
            long per = Math.max(1, (mx.getCurrentThreadCpuTime() - t0) / n);
            calls.put(m.getKey(), (int) Math.max(1, SAMPLE_NANOS / per));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Method> m : methods.entrySet()) {
                int n = calls.get(m.getKey());
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) {
                    m.getValue().invoke(bench);
                }
                double nsPerBar = (double) (mx.getCurrentThreadCpuTime() - t0) / n / GateBench.N;
                scores.merge(m.getKey(), nsPerBar, Math::min);
            }
        }
        Map<String, Double> measured = PerfGate.ratios(scores);
        Map<String, Double> baseline = baseline();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "performance gate: %d benchmarks, %.0f s (%.0f s CPU), budget %.2f× the baseline%s%n", scores.size(),
                (System.nanoTime() - start) / 1e9, (mx.getCurrentThreadCpuTime() - cpuStart) / 1e9, PerfGate.BUDGET,
                slow.isEmpty() ? "" : ", injected 2× slowdown: " + slow));
        for (Map.Entry<String, Double> m : measured.entrySet()) {
            Double b = baseline.get(m.getKey());
            report.append(String.format(Locale.ROOT, "  %-32s %7.3f   baseline %s%n", m.getKey(), m.getValue(),
                    b == null ? "-" : String.format(Locale.ROOT, "%7.3f  (%.2f×)", b, m.getValue() / b)));
        }
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            report.append(String.format(Locale.ROOT, "    %-20s %8.2f ns/bar (CPU)%n", e.getKey(), e.getValue()));
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "perf-gate.txt"), report, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("ta.perf.record")) {
            record(measured);
            return;
        }
        List<String> regressions = PerfGate.regressions(measured, baseline);
        if (!regressions.isEmpty()) {
            fail("performance regression beyond " + PerfGate.BUDGET + "× the committed baseline ratio:\n  "
                    + String.join("\n  ", regressions) + "\n" + report
                    + "If the change is intended, re-record with -Dta.perf.record=true and commit the baseline.");
        }
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
