package io.ta.bench;

import io.ta.runtime.Bars;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.exec.PlanResult;
import io.ta.runtime.exec.PlanStream;
import io.ta.runtime.plan.Plan;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A strategy of 11 plan nodes over 1M bars: the fused block executor (blocks of 256, 1024, 4096 bars) against
 * node-at-a-time evaluation (block = whole history: one full-length array per node) in the same run, plus the plan
 * streamed bar by bar. Run with {@code -prof gc} to see allocation per run ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@OperationsPerInvocation(Wave1Bench.N)
public class PlanBench {
    static final String STRATEGY = "ema(close, 12) > ema(close, 26) and rsi(close, 14) < 70 and close > sma(close, 50)";

    @Param({"256", "1024", "4096", "1000000"})
    int block;

    Bars bars;
    Plan plan;
    BlockExecutor executor;
    double[] close;

    @Setup
    public void setup() {
        close = new BenchData(Wave1Bench.N).close;
        bars = Bars.builder().column("close", close).build();
        plan = Plan.compile(STRATEGY);
        executor = new BlockExecutor(plan, block);
    }

    @Benchmark
    public PlanResult batch() {
        return executor.run(bars);
    }

    @Benchmark
    public double stream() {
        if (block != 1024) {
            return 0; // streaming does not depend on the block size; measured once
        }
        PlanStream s = plan.stream();
        double acc = 0;
        double[] bar = new double[1];
        for (double x : close) {
            bar[0] = x;
            s.update(bar);
            acc += s.value();
        }
        return acc;
    }
}
