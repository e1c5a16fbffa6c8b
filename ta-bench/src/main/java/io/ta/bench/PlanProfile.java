package io.ta.bench;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a plan's time goes, kernel by kernel. A compiled plan is one loop into which the JIT inlines every kernel, so a
 * profiler that reports only compiled methods sees one method; async-profiler's collapsed stacks name each sample's
 * inlined frames too, and {@code fold} sums them by the frame just below a given one ({@code FusedPlan} for a compiled
 * plan, {@code PlanBench.wideHand} for its hand composition).
 *
 * <p>Usage (docs/performance-log.md, "What the wide plan's hand composition skips"):
 * <pre>
 * java -agentpath:libasyncProfiler.so=start,event=itimer,interval=1ms,collapsed,file=fused.txt \
 *     -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.PlanProfile run wideFused 15
 * java -cp ta-bench/target/benchmarks.jar io.ta.bench.PlanProfile fold fused.txt FusedPlan
 * </pre>
 * {@code run} calls one {@link PlanBench} benchmark method for the given seconds and prints its time per bar (the
 * first five calls, compiled or not, are not timed); {@code fold} prints each frame's share of the samples under the
 * named one, which times {@code run}'s ns/bar gives each kernel's ns/bar.
 */
public final class PlanProfile {
    private PlanProfile() {}

    public static void main(String[] args) throws Exception {
        switch (args.length == 3 ? args[0] : "") {
            case "run" -> run(args[1], Long.parseLong(args[2]));
            case "fold" -> {
                Map<String, Long> shares = fold(Files.readAllLines(Path.of(args[1])), args[2]);
                long total = shares.values().stream().mapToLong(Long::longValue).sum();
                System.out.printf(Locale.ROOT, "%d samples under %s%n", total, args[2]);
                shares.forEach((frame, n) ->
                        System.out.printf(Locale.ROOT, "%7d %5.1f%%  %s%n", n, 100.0 * n / total, frame));
            }
            default -> throw new IllegalArgumentException("usage: PlanProfile run <PlanBench method> <seconds>"
                    + " | PlanProfile fold <collapsed stacks> <frame>");
        }
    }

    private static void run(String benchmark, long seconds) throws ReflectiveOperationException {
        PlanBench bench = new PlanBench();
        bench.setup();
        Method m = PlanBench.class.getMethod(benchmark);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = 0;
        int calls = 0;
        while (System.nanoTime() < end || calls <= 5) {
            if (calls == 5) {
                start = System.nanoTime();
            }
            m.invoke(bench);
            calls++;
        }
        System.out.printf(Locale.ROOT, "%s: %.2f ns/bar over %d calls%n", benchmark,
                (double) (System.nanoTime() - start) / ((calls - 5) * (double) PlanBench.N), calls - 5);
    }

    /**
     * Sums collapsed stacks ({@code frame;frame;… count} per line) by the frame right below the innermost one
     * containing {@code anchor}, largest first; samples in the anchor itself count as {@code "(itself)"}, samples
     * without it are left out. Frame annotations ({@code _[j]}, {@code _[i]}, …) are dropped, so a method counts once
     * whether it was inlined or called.
     */
    static Map<String, Long> fold(List<String> lines, String anchor) {
        Map<String, Long> sums = new HashMap<>();
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String[] frames = line.substring(0, space).split(";");
            int at = -1;
            for (int f = 0; f < frames.length; f++) {
                if (frames[f].contains(anchor)) {
                    at = f;
                }
            }
            if (at >= 0) {
                String below = at + 1 < frames.length ? frames[at + 1].replaceAll("_\\[.\\]$", "") : "(itself)";
                sums.merge(below, Long.parseLong(line.substring(space + 1).trim()), Long::sum);
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        sums.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
