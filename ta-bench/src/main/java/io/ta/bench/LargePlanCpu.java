package io.ta.bench;

import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import io.ta.runtime.exec.BlockExecutor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A plan larger than one compilation holds: {@link PlanBench}'s 33-node plan {@code k} times over, each copy with other
 * periods (so no node is shared), as one plan compiled ({@code fused}, which is cut into stages past C2's inlining
 * budget), {@code interpreted} node by node per block, or as {@code k} plans of one copy each, run one after another
 * ({@code copies}). One way per JVM, as JMH forks do: in one JVM, the interpreter's calls of the kernels' steps get
 * those compiled on their own first, and C2 then inlines fewer of them into a compiled plan. 1M bars, 30 runs, the
 * median of the last 10 in thread CPU time. Run it with {@code -XX:+AlwaysPreTouch}: in a fresh heap, every array a
 * run allocates faults its pages in until the first young collection, which a staged plan's arrays of every bar make
 * its runs pay for in one JVM and not in another.
 *
 * <p>Usage: {@code java -XX:+UseSerialGC -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp ta-bench/target/benchmarks.jar
 * io.ta.bench.LargePlanCpu 2 fused} (docs/performance-log.md, "Large plans in stages").
 */
public final class LargePlanCpu {
    private static final int N = PlanBench.N;
    private static final int RUNS = 30;
    /** Each copy's periods: macd's fast and slow, the bands', maximum's and obv average's, stochastic's smoothing. */
    private static final int[][] PERIODS = {{12, 26, 20, 3}, {8, 21, 30, 5}, {5, 35, 50, 2}, {10, 30, 40, 4}};

    private LargePlanCpu() {}

    /** One copy of the 33-node plan with the given periods; the first copy is {@link PlanBench#WIDE} itself. */
    static String copy(int[] p) {
        return PlanBench.WIDE.replace("12, 26, 9", p[0] + ", " + p[1] + ", 9").replace("20", String.valueOf(p[2]))
                .replace("14, 3, 3", "14, " + p[3] + ", " + p[3]);
    }

    public static void main(String[] args) {
        int k = Integer.parseInt(args[0]);
        BenchData d = new BenchData(N);
        Bars bars = d.bars();
        List<Plan> copies = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            parts.add(copy(PERIODS[c]));
            copies.add(Plan.compile(parts.get(c)));
        }
        Plan plan = Plan.compile(String.join(" and ", parts));
        Runnable task = switch (args[1]) {
            case "fused" -> () -> new BlockExecutor(plan).run(bars);
            case "interpreted" -> () -> BlockExecutor.interpreted(plan, BlockExecutor.DEFAULT_BLOCK).run(bars);
            case "copies" -> () -> copies.forEach(p -> new BlockExecutor(p).run(bars));
            default -> throw new IllegalArgumentException("usage: LargePlanCpu <copies> fused|interpreted|copies");
        };
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] last = new double[10];
        for (int run = 0; run < RUNS; run++) {
            long t0 = mx.getCurrentThreadCpuTime();
            task.run();
            if (run >= RUNS - last.length) {
                last[run - (RUNS - last.length)] = (double) (mx.getCurrentThreadCpuTime() - t0) / N;
            }
        }
        Arrays.sort(last);
        System.out.printf(Locale.ROOT, "33-node plan x%d, %s: %.2f ns/bar (median of runs %d-%d; fastest %.2f)%n", k,
                args[1], (last[4] + last[5]) / 2, RUNS - last.length, RUNS - 1, last[0]);
    }
}
