package io.ta.bench;

import java.lang.reflect.Method;
import java.util.Locale;

/**
 * {@link PlanBench}'s plans against their yardsticks in <em>one</em> JVM — fused batch ÷ hand composition, plan
 * stream ÷ its kernels' own stream updates, plan stream ÷ a hand-written per-bar handler — timed in thread CPU time
 * and interleaved round by round, so both sides of a ratio run under the same load and the same JIT history (one JVM
 * per row, as {@link CpuTime} does, lets a ratio move with whichever JVM compiled better).
 * Warms every method up for 1.5 s of CPU, then prints the fastest of 8 rounds per method in ns per bar, and the ratios.
 * (A method listed twice is warmed and timed twice; each pair uses its own timing.)
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.PlanCpu}.
 */
public final class PlanCpu {
    /** Pairs: each even entry is measured against the next. */
    private static final String[] METHODS = {
        "strategyFused", "strategyHand",
        "strategyFusedInto", "strategyHand",
        "wideFused", "wideHand",
        "wideFusedInto", "wideHand",
        "wideFused", "wideHandSameAnswer",
        "wideFusedInto", "wideHandSameAnswer",
        "strategyStream", "strategyStreamNodes",
        "strategyStream", "strategyStreamHandPerBar",
        "wideStream", "wideStreamNodes"};

    private PlanCpu() {}

    public static void main(String[] args) throws Exception {
        PlanBench bench = new PlanBench();
        bench.setup();
        Runnable[] tasks = new Runnable[METHODS.length];
        for (int m = 0; m < tasks.length; m++) {
            Method method = PlanBench.class.getMethod(METHODS[m]);
            tasks[m] = () -> {
                try {
                    method.invoke(bench);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
        double[] best = CpuTime.fastestInterleaved(tasks, 8, PlanBench.N);
        for (int m = 0; m < METHODS.length; m += 2) {
            System.out.printf(Locale.ROOT, "%s / %s: %.2f / %.2f ns/bar = %.3f%n", METHODS[m], METHODS[m + 1], best[m], best[m + 1],
                    best[m] / best[m + 1]);
        }
    }
}
