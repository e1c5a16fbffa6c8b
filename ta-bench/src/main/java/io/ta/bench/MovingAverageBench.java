package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
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
 * The moving averages (sma, ema, wma) and the rolling maximum, batch over 1M bars, in ns per bar: ta's allocation-free
 * batch ({@code Ta.x(in, params, out)}), TA-Lib's Java port on the same arrays into a preallocated output, and
 * {@code System.arraycopy} of the same data as the memory floor. Ratios, not absolute times, are what docs/performance.md reports.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@OperationsPerInvocation(MovingAverageBench.N)
public class MovingAverageBench {
    static final int N = 1_000_000;
    static final int PERIOD = 20;

    static final int LONG_PERIOD = 200;

    double[] close;
    /** A steadily falling series: the window's maximum leaves it on every bar. */
    double[] falling;
    double[] out;
    final Core core = new Core();
    final MInteger begin = new MInteger();
    final MInteger count = new MInteger();

    @Setup
    public void setup() {
        close = new BenchData(N).close;
        falling = new double[N];
        for (int i = 0; i < N; i++) {
            falling[i] = 1e6 - 0.01 * i;
        }
        out = new double[N];
    }

    @Benchmark
    public double[] copyFloor() {
        System.arraycopy(close, 0, out, 0, N);
        return out;
    }

    @Benchmark
    public double[] smaTa() {
        Ta.sma(close, PERIOD, out);
        return out;
    }

    @Benchmark
    public double[] smaTalib() {
        core.sma(0, N - 1, close, PERIOD, begin, count, out);
        return out;
    }

    @Benchmark
    public double[] emaTa() {
        Ta.ema(close, PERIOD, out);
        return out;
    }

    @Benchmark
    public double[] emaTalib() {
        core.ema(0, N - 1, close, PERIOD, begin, count, out);
        return out;
    }

    @Benchmark
    public double[] wmaTa() {
        Ta.wma(close, PERIOD, out);
        return out;
    }

    @Benchmark
    public double[] wmaTalib() {
        core.wma(0, N - 1, close, PERIOD, begin, count, out);
        return out;
    }

    @Benchmark
    public double[] maxTa() {
        Ta.rollingMax(close, PERIOD, out);
        return out;
    }

    @Benchmark
    public double[] maxTalib() {
        core.max(0, N - 1, close, PERIOD, begin, count, out);
        return out;
    }

    // A falling market: TA-Lib's MAX rescans its window whenever the maximum leaves it, which here is every bar
    // (O(period) per bar); SlidingExtreme stays O(1) amortized. Two periods show which cost grows.

    @Benchmark
    public double[] maxFallingTa() {
        Ta.rollingMax(falling, PERIOD, out);
        return out;
    }

    @Benchmark
    public double[] maxFallingTalib() {
        core.max(0, N - 1, falling, PERIOD, begin, count, out);
        return out;
    }

    @Benchmark
    public double[] maxFalling200Ta() {
        Ta.rollingMax(falling, LONG_PERIOD, out);
        return out;
    }

    @Benchmark
    public double[] maxFalling200Talib() {
        core.max(0, N - 1, falling, LONG_PERIOD, begin, count, out);
        return out;
    }
}
