package io.ta.bench;

import io.ta.kernels.Ta;
import io.ta.kernels.momentum.MacdStream;
import io.ta.kernels.momentum.RsiStream;
import io.ta.kernels.momentum.StochasticStream;
import io.ta.kernels.trend.AdxStream;
import io.ta.kernels.volatility.AtrStream;
import io.ta.kernels.volatility.BbandsStream;
import io.ta.kernels.volume.ObvStream;
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
 * Streaming {@code update} cost per bar for the {@link ClassicIndicatorBench} kernels, same bars and parameters, reading every
 * output after each update as a live consumer would; the ratio to the batch per-bar cost is what
 * docs/performance.md reports. The streams are warmed over the whole series first so every measured bar is past
 * warm-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@OperationsPerInvocation(MovingAverageBench.N)
public class ClassicIndicatorStreamBench {
    double[] high;
    double[] low;
    double[] close;
    double[] volume;
    RsiStream rsi;
    MacdStream macd;
    AtrStream atr;
    BbandsStream bbands;
    StochasticStream stochastic;
    AdxStream adx;
    ObvStream obv;

    @Setup
    public void setup() {
        BenchData data = new BenchData(MovingAverageBench.N);
        high = data.high;
        low = data.low;
        close = data.close;
        volume = data.volume;
        rsi = Ta.rsiStream(14);
        macd = Ta.macdStream(12, 26, 9);
        atr = Ta.atrStream(14);
        bbands = Ta.bbandsStream(20, 2.0);
        stochastic = Ta.stochasticStream(14, 3, 1);
        adx = Ta.adxStream(14);
        obv = Ta.obvStream();
        rsiUpdate();
        macdUpdate();
        atrUpdate();
        bbandsUpdate();
        stochasticUpdate();
        adxUpdate();
        obvUpdate();
    }

    @Benchmark
    public double rsiUpdate() {
        double acc = 0;
        for (double x : close) {
            acc += rsi.update(x);
        }
        return acc;
    }

    @Benchmark
    public double macdUpdate() {
        double acc = 0;
        for (double x : close) {
            macd.update(x);
            acc += macd.macd() + macd.signal() + macd.histogram();
        }
        return acc;
    }

    @Benchmark
    public double atrUpdate() {
        double acc = 0;
        for (int i = 0; i < high.length; i++) {
            acc += atr.update(high[i], low[i], close[i]);
        }
        return acc;
    }

    @Benchmark
    public double bbandsUpdate() {
        double acc = 0;
        for (double x : close) {
            bbands.update(x);
            acc += bbands.upper() + bbands.middle() + bbands.lower();
        }
        return acc;
    }

    @Benchmark
    public double stochasticUpdate() {
        double acc = 0;
        for (int i = 0; i < high.length; i++) {
            stochastic.update(high[i], low[i], close[i]);
            acc += stochastic.slowK() + stochastic.slowD();
        }
        return acc;
    }

    @Benchmark
    public double adxUpdate() {
        double acc = 0;
        for (int i = 0; i < high.length; i++) {
            adx.update(high[i], low[i], close[i]);
            acc += adx.adx() + adx.plusDi() + adx.minusDi();
        }
        return acc;
    }

    @Benchmark
    public double obvUpdate() {
        double acc = 0;
        for (int i = 0; i < close.length; i++) {
            acc += obv.update(close[i], volume[i]);
        }
        return acc;
    }
}
