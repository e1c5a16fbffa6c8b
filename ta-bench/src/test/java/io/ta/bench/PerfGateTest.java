package io.ta.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The performance gate of {@code mvn verify}: a short JMH run of {@link GateBench} (one fork per benchmark, about two
 * minutes on the 2-core CI machine), whose ratios ({@link PerfGate#PAIRS}) must stay within {@link PerfGate#BUDGET} of
 * the committed baselines ({@code perf-baseline.properties} next to this class).
 *
 * <p>Each benchmark's score is its fastest measurement iteration: load from other processes only ever adds time, so
 * the minimum is the most reproducible estimate on a shared machine.
 *
 * <p>Properties: {@code -Dta.perf.skip=true} skips the gate (local iteration only; CI runs it);
 * {@code -Dta.perf.record=true} rewrites the baseline file from this run instead of checking;
 * {@code -Dta.gate.slow=<benchmark>} makes one benchmark do its work twice, to show the gate failing.
 */
class PerfGateTest {
    private static final String BASELINE = "perf-baseline.properties";

    @Test
    void ratiosStayWithinTheirBudget() throws RunnerException, IOException {
        Assumptions.assumeFalse(Boolean.getBoolean("ta.perf.skip"), "performance gate skipped (-Dta.perf.skip=true)");
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(GateBench.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(5)
                .warmupTime(TimeValue.milliseconds(200))
                .measurementIterations(8)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        String slow = System.getProperty("ta.gate.slow", "");
        o.jvmArgsAppend("-Xmx512m", "-Dta.gate.slow=" + slow);
        long start = System.nanoTime();
        Collection<RunResult> results = new Runner(o.build()).run();
        Map<String, Double> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            double best = Double.POSITIVE_INFINITY;
            for (org.openjdk.jmh.results.BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult it : b.getIterationResults()) {
                    best = Math.min(best, it.getPrimaryResult().getScore());
                }
            }
            scores.put(label.substring(label.lastIndexOf('.') + 1), best);
        }
        Map<String, Double> measured = PerfGate.ratios(scores);
        Map<String, Double> baseline = baseline();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "performance gate: %d benchmarks in %.0f s, budget %.2f× the baseline%s%n", scores.size(),
                (System.nanoTime() - start) / 1e9, PerfGate.BUDGET, slow.isEmpty() ? "" : ", injected 2× slowdown: " + slow));
        for (Map.Entry<String, Double> m : measured.entrySet()) {
            Double b = baseline.get(m.getKey());
            report.append(String.format(Locale.ROOT, "  %-32s %7.3f   baseline %s%n", m.getKey(), m.getValue(),
                    b == null ? "-" : String.format(Locale.ROOT, "%7.3f  (%.2f×)", b, m.getValue() / b)));
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
