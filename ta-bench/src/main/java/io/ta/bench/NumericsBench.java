package io.ta.bench;

import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelLoader;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import java.util.ArrayList;
import java.util.List;
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
 * bars: the batch, the stream's range loop and a live stream ({@code update} per bar). Written against the registry
 * API only, so the same source runs against the build before the change and after it; {@code numerics-bench.sh}
 * alternates the two builds fork by fork and reports after/before ratios (docs/performance.md, "Exact numerics").
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
            "avgdev", "cci", "rolling_median", "kama", "mfi", "cmf", "ultosc", "rsi", "obv", "ad", "adosc", "vwap",
            "cumsum", "ht_dcperiod", "mama", "natr", "bop", "dx", "stochf"})
    String kernel;

    double[][] inputs;
    double[][] outputs;
    KernelDescriptor descriptor;
    ParamValues params;
    KernelStream live;
    double[] bar;
    double[] out;
    int at;


    @Setup
    public void setup() {
        for (KernelDescriptor d : KernelLoader.load(Thread.currentThread().getContextClassLoader()).kernels()) {
            if (d.name().equals(kernel)) {
                descriptor = d;
            }
        }
        if (descriptor == null) {
            throw new IllegalArgumentException("no kernel named '" + kernel + "' is registered");
        }
        params = ParamValues.defaults(descriptor);
        BenchData data = new BenchData(N);
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

    /** The generated batch ({@code Name_Descriptor.batch} through the descriptor: the kernel lives in registers). */
    @Benchmark
    public double[][] batch() {
        return descriptor.batch(params, inputs);
    }

    /** The generated range loop of a stream, as the plan executor drives it (the kernel lives on the heap). */
    @Benchmark
    public double[][] updateRange() {
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
