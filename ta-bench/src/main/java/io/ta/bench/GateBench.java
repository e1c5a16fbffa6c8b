package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
import io.ta.kernels.ma.EmaStream;
import io.ta.kernels.ma.SmaStream;
import io.ta.kernels.momentum.MacdStream;
import io.ta.kernels.momentum.RsiStream;
import io.ta.kernels.stats.RollingMaxStream;
import io.ta.kernels.volatility.BbandsStream;
import io.ta.runtime.Bars;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.PlanResult;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmarks of the performance gate ({@code PerfGateTest}, run by {@code mvn verify}): short, over 100,000 bars,
 * in pairs whose <em>ratio</em> is what the gate checks — ta ÷ TA-Lib for nine kernels, the strategy's fused plan
 * and the 33-node plan each ÷ the same kernels composed by hand, a plan's coin-flip comparison ÷ the same plan with
 * arithmetic, stream updates ÷ batch, and the strategy's plan stream ÷ its four kernels' own stream updates. The gate
 * times these methods itself (thread CPU time); {@code java -jar benchmarks.jar GateBench} runs them under JMH.
 *
 * <p>{@code -Dta.gate.slow=<benchmark>} makes that benchmark do its work twice: the injected 2× regression the gate
 * must catch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(GateBench.N)
public class GateBench {
    static final int N = 100_000;
    private static final String SLOW = System.getProperty("ta.gate.slow", "");

    BenchData d;
    Bars bars;
    Plan strategy;
    Bars candles;
    Plan comparison;
    Plan arithmetic;
    Bars wideBars;
    Plan wide;
    final double[][] wideTmp = new double[14][];
    double[] wideOut;
    final Core core = new Core();
    final MInteger begin = new MInteger();
    final MInteger count = new MInteger();
    double[] o1;
    double[] o2;
    double[] o3;
    double[] o4;
    Object keep;

    @Setup
    public void setup() {
        d = new BenchData(N);
        bars = Bars.builder().column("close", d.close).build();
        strategy = Plan.compile(PlanBench.STRATEGY);
        candles = Bars.builder().column("open", d.open).column("close", d.close).build();
        comparison = Plan.compile("close > open");
        arithmetic = Plan.compile("close + open");
        o1 = new double[N];
        o2 = new double[N];
        o3 = new double[N];
        o4 = new double[N];
        wideBars = d.bars();
        wide = Plan.compile(PlanBench.WIDE);
        for (int i = 0; i < wideTmp.length; i++) {
            wideTmp[i] = new double[N];
        }
        wideOut = new double[N];
    }

    private static int times(String benchmark) {
        return SLOW.equals(benchmark) ? 2 : 1;
    }

    @Benchmark
    public double[] smaTa() {
        for (int r = times("smaTa"); r > 0; r--) {
            Ta.sma(d.close, 20, o1);
        }
        return o1;
    }

    @Benchmark
    public double[] smaTalib() {
        core.sma(0, N - 1, d.close, 20, begin, count, o1);
        return o1;
    }

    @Benchmark
    public double[] emaTa() {
        for (int r = times("emaTa"); r > 0; r--) {
            Ta.ema(d.close, 20, o1);
        }
        return o1;
    }

    @Benchmark
    public double[] emaTalib() {
        core.ema(0, N - 1, d.close, 20, begin, count, o1);
        return o1;
    }

    @Benchmark
    public double[] wmaTa() {
        for (int r = times("wmaTa"); r > 0; r--) {
            Ta.wma(d.close, 20, o1);
        }
        return o1;
    }

    @Benchmark
    public double[] wmaTalib() {
        core.wma(0, N - 1, d.close, 20, begin, count, o1);
        return o1;
    }

    @Benchmark
    public double[] maxTa() {
        for (int r = times("maxTa"); r > 0; r--) {
            Ta.rollingMax(d.close, 20, o1);
        }
        return o1;
    }

    @Benchmark
    public double[] maxTalib() {
        core.max(0, N - 1, d.close, 20, begin, count, o1);
        return o1;
    }

    @Benchmark
    public double[] rsiTa() {
        for (int r = times("rsiTa"); r > 0; r--) {
            Ta.rsi(d.close, 14, o1);
        }
        return o1;
    }

    @Benchmark
    public double[] rsiTalib() {
        core.rsi(0, N - 1, d.close, 14, begin, count, o1);
        return o1;
    }

    @Benchmark
    public double[] macdTa() {
        for (int r = times("macdTa"); r > 0; r--) {
            Ta.macd(d.close, 12, 26, 9, o1, o2, o3);
        }
        return o1;
    }

    @Benchmark
    public double[] macdTalib() {
        core.macd(0, N - 1, d.close, 12, 26, 9, begin, count, o1, o2, o3);
        return o1;
    }

    @Benchmark
    public double[] atrTa() {
        for (int r = times("atrTa"); r > 0; r--) {
            Ta.atr(d.high, d.low, d.close, 14, o1);
        }
        return o1;
    }

    @Benchmark
    public double[] atrTalib() {
        core.atr(0, N - 1, d.high, d.low, d.close, 14, begin, count, o1);
        return o1;
    }

    @Benchmark
    public double[] bbandsTa() {
        for (int r = times("bbandsTa"); r > 0; r--) {
            Ta.bbands(d.close, 20, 2, o1, o2, o3);
        }
        return o1;
    }

    @Benchmark
    public double[] bbandsTalib() {
        core.bbands(0, N - 1, d.close, 20, 2.0, 2.0, MAType.Sma, begin, count, o1, o2, o3);
        return o1;
    }

    @Benchmark
    public double[] obvTa() {
        for (int r = times("obvTa"); r > 0; r--) {
            Ta.obv(d.close, d.volume, o1);
        }
        return o1;
    }

    @Benchmark
    public double[] obvTalib() {
        core.obv(0, N - 1, d.close, d.volume, begin, count, o1);
        return o1;
    }

    @Benchmark
    public PlanResult planFused() {
        PlanResult r = null;
        for (int t = times("planFused"); t > 0; t--) {
            r = new BlockExecutor(strategy).run(bars);
        }
        return r;
    }

    @Benchmark
    public double[] planHand() {
        double[] close = d.close;
        Ta.ema(close, 12, o1);
        Ta.ema(close, 26, o2);
        Ta.rsi(close, 14, o3);
        Ta.sma(close, 50, o4);
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            out[i] = o1[i] > o2[i] && o3[i] < 70 && close[i] > o4[i] ? 1.0 : 0.0;
        }
        return out;
    }

    /** A comparison that flips on every other bar: a branch on it mispredicts half the time. */
    @Benchmark
    public PlanResult planComparison() {
        PlanResult r = null;
        for (int t = times("planComparison"); t > 0; t--) {
            r = new BlockExecutor(comparison).run(candles);
        }
        return r;
    }

    /** The same plan shape with an operator no choice is made in: the yardstick of {@link #planComparison}. */
    @Benchmark
    public PlanResult planArithmetic() {
        return new BlockExecutor(arithmetic).run(candles);
    }

    /**
     * The 33-node plan ({@link PlanBench#WIDE}: nine kernels, five with several outputs, eight comparisons) run into
     * the caller's array: the plan compiled in stages, where the strategy is one loop.
     */
    @Benchmark
    public PlanResult wideInto() {
        PlanResult r = null;
        for (int t = times("wideInto"); t > 0; t--) {
            r = wide.runInto(wideBars, wideOut);
        }
        return r;
    }

    /** {@link #wideInto}'s yardstick: its kernels into preallocated arrays, combined with {@code &&}. */
    @Benchmark
    public double[] wideHand() {
        return PlanBench.wideHand(d, wideTmp, wideOut);
    }

    @Benchmark
    public double smaStream() {
        double acc = 0;
        for (int t = times("smaStream"); t > 0; t--) {
            SmaStream s = Ta.smaStream(20);
            keep = s;
            for (double x : d.close) {
                acc += s.update(x);
            }
        }
        return acc;
    }

    @Benchmark
    public double macdStream() {
        double acc = 0;
        for (int t = times("macdStream"); t > 0; t--) {
            MacdStream s = Ta.macdStream(12, 26, 9);
            keep = s;
            for (double x : d.close) {
                s.update(x);
                acc += s.macd() + s.signal() + s.histogram();
            }
        }
        return acc;
    }

    @Benchmark
    public double maxStream() {
        double acc = 0;
        for (int t = times("maxStream"); t > 0; t--) {
            RollingMaxStream s = Ta.rollingMaxStream(20);
            keep = s;
            for (double x : d.close) {
                acc += s.update(x);
            }
        }
        return acc;
    }

    @Benchmark
    public double bbandsStream() {
        double acc = 0;
        for (int t = times("bbandsStream"); t > 0; t--) {
            BbandsStream s = Ta.bbandsStream(20, 2);
            keep = s;
            for (double x : d.close) {
                s.update(x);
                acc += s.upper() + s.middle() + s.lower();
            }
        }
        return acc;
    }

    @Benchmark
    public double rsiStream() {
        double acc = 0;
        for (int t = times("rsiStream"); t > 0; t--) {
            RsiStream s = Ta.rsiStream(14);
            keep = s;
            for (double x : d.close) {
                acc += s.update(x);
            }
        }
        return acc;
    }

    /** The strategy plan streamed a bar at a time, as a live feed drives it. */
    @Benchmark
    public double planStream() {
        double acc = 0;
        for (int t = times("planStream"); t > 0; t--) {
            PlanStream s = new PlanStream(strategy);
            keep = s;
            double[] bar = new double[1];
            for (double x : d.close) {
                bar[0] = x;
                s.update(bar);
                acc += s.value();
            }
        }
        return acc;
    }

    /**
     * The yardstick of {@link #planStream} (issue 10: at most 1.5 times it): the strategy's four kernel streams, each
     * updated over the bars in a loop of its own, as the per-kernel stream rows of the JMH table add up.
     */
    @Benchmark
    public double planStreamKernels() {
        double acc = 0;
        EmaStream fast = Ta.emaStream(12);
        keep = fast; // each stream escapes, as a live one does: none is scalar-replaced
        for (double x : d.close) {
            acc += fast.update(x);
        }
        EmaStream slow = Ta.emaStream(26);
        keep = slow;
        for (double x : d.close) {
            acc += slow.update(x);
        }
        RsiStream rsi = Ta.rsiStream(14);
        keep = rsi;
        for (double x : d.close) {
            acc += rsi.update(x);
        }
        SmaStream sma = Ta.smaStream(50);
        keep = sma;
        for (double x : d.close) {
            acc += sma.update(x);
        }
        return acc;
    }
}
