package io.ta.bench;

import io.ta.kernels.Ta;
import io.ta.kernels.ma.EmaStream;
import io.ta.kernels.ma.SmaStream;
import io.ta.kernels.ma.WmaStream;
import io.ta.kernels.stats.RollingMaxStream;
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
 * Streaming cost per bar: {@code update} (commit, with the replace-last checkpoint) and {@code preview} (checkpoint,
 * step, rewind) over the same 1M bars as {@link MovingAverageBench}, so the ratio to the batch per-bar cost is meaningful.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@OperationsPerInvocation(MovingAverageBench.N)
public class StreamBench {
    double[] close;
    SmaStream sma;
    EmaStream ema;
    WmaStream wma;
    RollingMaxStream max;

    @Setup
    public void setup() {
        close = new BenchData(MovingAverageBench.N).close;
        sma = Ta.smaStream(MovingAverageBench.PERIOD);
        ema = Ta.emaStream(MovingAverageBench.PERIOD);
        wma = Ta.wmaStream(MovingAverageBench.PERIOD);
        max = Ta.rollingMaxStream(MovingAverageBench.PERIOD);
        for (double x : close) { // warm state: previews then run on a full window
            sma.update(x);
            ema.update(x);
            wma.update(x);
            max.update(x);
        }
    }

    @Benchmark
    public double smaUpdate() {
        double acc = 0;
        for (double x : close) {
            acc += sma.update(x);
        }
        return acc;
    }

    @Benchmark
    public double smaPreview() {
        double acc = 0;
        for (double x : close) {
            acc += sma.preview(x);
        }
        return acc;
    }

    @Benchmark
    public double emaUpdate() {
        double acc = 0;
        for (double x : close) {
            acc += ema.update(x);
        }
        return acc;
    }

    @Benchmark
    public double emaPreview() {
        double acc = 0;
        for (double x : close) {
            acc += ema.preview(x);
        }
        return acc;
    }

    @Benchmark
    public double wmaUpdate() {
        double acc = 0;
        for (double x : close) {
            acc += wma.update(x);
        }
        return acc;
    }

    @Benchmark
    public double wmaPreview() {
        double acc = 0;
        for (double x : close) {
            acc += wma.preview(x);
        }
        return acc;
    }

    @Benchmark
    public double maxUpdate() {
        double acc = 0;
        for (double x : close) {
            acc += max.update(x);
        }
        return acc;
    }

    @Benchmark
    public double maxPreview() {
        double acc = 0;
        for (double x : close) {
            acc += max.preview(x);
        }
        return acc;
    }
}
