package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * Every kernel the numerics work (issue 8) changed, through the registry at its default parameters, over 200,000
 * bars: the batch ({@code updateRange} of a fresh stream) and a live stream ({@code update} per bar). The same
 * benchmark runs against the build before and after the change; each run also measures TA-Lib's SMA on the same
 * close as a fixed yardstick, so before/after are compared as ratios to it (docs/performance.md, "Exact numerics").
 * Written against the registry API only, so it compiles unchanged against both builds.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@OperationsPerInvocation(NumericsBench.N)
public class NumericsBench {
    static final int N = 200_000;

    @Param({"rolling_sum", "sma", "var", "rolling_std", "bbands", "correl", "beta", "wma", "trima", "linearreg",
            "linearreg_slope", "tsf", "avgdev", "cci", "rolling_median", "kama", "mfi", "cmf", "ultosc", "rsi", "obv",
            "ad", "adosc", "vwap", "cumsum", "ht_dcperiod", "natr", "ppo", "bop", "dx"})
    String kernel;

    double[][] inputs;
    double[][] outputs;
    KernelDescriptor descriptor;
    ParamValues params;
    KernelStream live;
    double[] bar;
    double[] out;
    int at;

    final Core core = new Core();
    final MInteger begin = new MInteger();
    final MInteger count = new MInteger();
    double[] close;
    double[] yardstick;

    @Setup
    public void setup() {
        for (KernelDescriptor d : ServiceLoader.load(KernelDescriptor.class)) {
            if (d.name().equals(kernel)) {
                descriptor = d;
            }
        }
        params = ParamValues.defaults(descriptor);
        BenchData data = new BenchData(N);
        close = data.close;
        yardstick = new double[N];
        List<double[]> in = new ArrayList<>();
        for (String name : descriptor.inputs()) {
            in.add(switch (name) {
                case "open" -> data.open;
                case "high" -> data.high;
                case "low" -> data.low;
                case "volume" -> data.volume;
                case "y" -> data.open;
                default -> data.close;
            });
        }
        inputs = in.toArray(new double[0][]);
        outputs = new double[descriptor.outputs().size()][N];
        bar = new double[inputs.length];
        out = new double[outputs.length];
    }

    @Setup(Level.Iteration)
    public void freshStream() {
        live = descriptor.newStream(params);
        at = 0;
    }

    /** TA-Lib SMA(20) on the same close: the fixed yardstick both builds are normalised by. */
    @Benchmark
    public double[] yardstickTalibSma() {
        core.sma(0, N - 1, close, 20, begin, count, yardstick);
        return yardstick;
    }

    @Benchmark
    public double[][] batch() {
        descriptor.newStream(params).updateRange(inputs, outputs, 0, N);
        return outputs;
    }

    @Benchmark
    public double[] streamUpdate() {
        KernelStream s = live;
        double[] b = bar;
        double[] o = out;
        double[][] in = inputs;
        for (int i = 0; i < N; i++) {
            int t = at;
            for (int k = 0; k < b.length; k++) {
                b[k] = in[k][t];
            }
            s.update(b, o);
            at = t + 1 == N ? 0 : t + 1;
        }
        return o;
    }
}
