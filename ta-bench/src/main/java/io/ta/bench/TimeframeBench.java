package io.ta.bench;

import io.ta.runtime.Bars;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.PlanResult;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Plan;
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
 * A two-timeframe strategy over 1M one-minute bars (about two years): the minute RSI against the hourly and the daily
 * RSI ({@code rsi(close@1d, 14)}, daily periods in New York time), batch and streamed, against the same plan shape on
 * one timeframe — so the ratio is the cost of forming the coarse bars and showing them without look-ahead. Also a
 * wall-clock shift ({@code close.24h_ago}) against the bar-count shift it replaces.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@OperationsPerInvocation(MovingAverageBench.N)
public class TimeframeBench {
    @Param({"rsi(close, 14) < 30 and rsi(close@1d, 14) > 50", "rsi(close, 14) < 30 and rsi(close@1h, 14) > 50",
        "rsi(close, 14) < 30 and rsi(close, 20) > 50", "close.24h_ago", "shift(close, 1440)"})
    String strategy;

    Bars bars;
    Plan plan;
    BlockExecutor executor;
    long[] time;
    double[] close;

    @Setup
    public void setup() {
        close = new BenchData(MovingAverageBench.N).close;
        time = new long[close.length];
        for (int i = 0; i < time.length; i++) {
            time[i] = 1_704_067_260_000L + 60_000L * i; // 2024-01-01T00:01Z onwards, one bar a minute
        }
        bars = Bars.builder().time(time).column("close", close).build();
        plan = Plan.compile(java.util.Map.of(Plan.VALUE, strategy), io.ta.runtime.Registry.standard(),
                java.time.ZoneId.of("America/New_York"));
        executor = new BlockExecutor(plan);
    }

    @Benchmark
    public PlanResult batch() {
        return executor.run(bars);
    }

    @Benchmark
    public double stream() {
        PlanStream s = plan.stream();
        double acc = 0;
        double[] bar = new double[1];
        for (int i = 0; i < close.length; i++) {
            bar[0] = close[i];
            s.update(time[i], bar);
            acc += s.value();
        }
        return acc;
    }
}
