package io.ta.bench;

import io.ta.runtime.Bars;
import io.ta.runtime.PlanResult;
import io.ta.runtime.Plan;
import io.ta.runtime.source.Events;
import io.ta.runtime.source.SourceStream;
import io.ta.runtime.source.SourceType;
import io.ta.runtime.source.Sources;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 10 M trades aggregated onto 1 M one-minute bars and fed to a 5-node plan ({@code sma(trades.sum(amount), 20) >
 * ema(trades.vwap, 10)}: two aggregate columns, two kernels, one comparison), batch ({@code Sources.attach} then the
 * block executor) and streamed ({@code SourceStream}: every trade an {@code event}, every bar an {@code update});
 * reported per trade. Trades arrive shuffled within their minute.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
@OperationsPerInvocation(SourcesBench.TRADES)
public class SourcesBench {
    static final int BARS = 1_000_000;
    static final int TRADES = 10_000_000;
    private static final String PLAN = "sma(trades.sum(amount), 20) > ema(trades.vwap, 10)";

    Plan plan;
    Bars bars;
    long[] time;
    Events trades;
    Map<String, Events> events;

    @Setup
    public void setup() {
        plan = Plan.compile(PLAN);
        time = new long[BARS];
        for (int i = 0; i < BARS; i++) {
            time[i] = 1_704_067_260_000L + 60_000L * i;
        }
        bars = Bars.builder().time(time).build();
        SplittableRandom r = new SplittableRandom(42);
        Events.Builder b = Events.builder(SourceType.TRADES);
        double price = 40_000;
        for (int k = 0; k < TRADES; k++) {
            int bar = k / (TRADES / BARS);
            price *= 1 + 1e-4 * r.nextGaussian();
            b.add(time[bar] - 1 - r.nextInt(59_999), price, r.nextDouble() * 2, r.nextInt(2));
        }
        trades = b.build();
        events = Map.of("trades", trades);
    }

    @Benchmark
    public PlanResult batch() {
        return plan.run(Sources.attach(bars, events, plan.columns()));
    }

    @Benchmark
    public double stream() {
        SourceStream s = new SourceStream(plan);
        double[] row = new double[3];
        double acc = 0;
        int k = 0;
        for (int i = 0; i < BARS; i++) {
            for (; k < TRADES && trades.time(k) <= time[i]; k++) {
                trades.row(k, row);
                s.event("trades", trades.time(k), row);
            }
            s.update(time[i]);
            acc += s.value();
        }
        return acc;
    }
}
