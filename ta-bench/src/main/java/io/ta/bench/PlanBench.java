package io.ta.bench;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import io.ta.kernels.Ta;
import io.ta.kernels.ma.EmaStream;
import io.ta.kernels.ma.SmaStream;
import io.ta.kernels.momentum.MacdStream;
import io.ta.kernels.momentum.RsiStream;
import io.ta.kernels.momentum.StochasticStream;
import io.ta.kernels.stats.RollingMaxStream;
import io.ta.kernels.trend.AdxStream;
import io.ta.kernels.volatility.AtrStream;
import io.ta.kernels.volatility.BbandsStream;
import io.ta.kernels.volume.ObvStream;
import io.ta.runtime.Bars;
import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.PlanResult;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Plan;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * Plans against the same kernels composed by hand, in one run, over 1M bars (ns per bar). Two plans:
 *
 * <ul>
 *   <li>{@code strategy} — the issue's {@value #STRATEGY} (11 nodes);
 *   <li>{@code wide} — {@value #WIDE} (33 nodes: four columns, nine kernels of which five have several outputs or
 *       state parts, projections, comparisons and arithmetic).
 * </ul>
 *
 * <p>Per plan: {@code Hand} calls the batch kernels into preallocated arrays and combines them in one loop, as a user
 * who skips the DSL would, with {@code &&}; {@code HandSameAnswer} (wide only) combines them into the plan's answer,
 * NaN where an operand is missing, where {@code &&} answers 0; {@code Talib} (strategy only) does what {@code Hand}
 * does over TA-Lib; {@code Fused} is the plan (compiled, default block), which allocates its result column on each
 * run; {@code FusedInto} is the same plan written into a preallocated array ({@code Plan.runInto}), as {@code Hand}
 * writes; {@code Interpreted} runs the same nodes block by block through the generic interfaces;
 * {@code NodeAtATime} interprets with one block of the whole history (a full-length array per node);
 * {@code Stream} feeds the plan stream one bar at a time; {@code StreamNodes} is the sum the plan stream is measured
 * against: the plan's kernels' own typed stream updates, bar by bar, nothing else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
@OperationsPerInvocation(MovingAverageBench.N)
public class PlanBench {
    static final int N = MovingAverageBench.N;
    static final String STRATEGY = "ema(close, 12) > ema(close, 26) and rsi(close, 14) < 70 and close > sma(close, 50)";
    // The wide plan's parts, which PlanPartsCpu times one by one.
    static final String WIDE_MACD = "macd(close, 12, 26, 9).macd > macd(close, 12, 26, 9).signal";
    static final String WIDE_BBANDS = "close < bbands(close, 20, 2).upper and close > bbands(close, 20, 2).lower";
    static final String WIDE_MAX_ATR = "rolling_max(high, 20) - close < atr(high, low, close, 14) * 2";
    static final String WIDE_RSI = "rsi(close, 14) > 30";
    static final String WIDE_STOCHASTIC = "stochastic(high, low, close, 14, 3, 3).k > stochastic(high, low, close, 14, 3, 3).d";
    static final String WIDE_ADX = "adx(high, low, close, 14).adx > 20";
    static final String WIDE_OBV = "obv(close, volume) > sma(obv(close, volume), 20)";
    static final String WIDE = WIDE_MACD + " and " + WIDE_BBANDS + " and " + WIDE_MAX_ATR + " and " + WIDE_RSI + " and "
            + WIDE_STOCHASTIC + " and " + WIDE_ADX + " and " + WIDE_OBV;

    BenchData data;
    Bars bars;
    Plan strategy;
    Plan wide;
    final Core core = new Core();
    final MInteger begin = new MInteger();
    final MInteger count = new MInteger();
    final double[][] tmp = new double[14][];
    double[] out;
    /** Streams are stored here so they escape, as a live stream does: a stream the JIT can keep in registers is not one. */
    Object[] live = new Object[9];

    @Setup
    public void setup() {
        data = new BenchData(N);
        bars = data.bars();
        strategy = Plan.compile(STRATEGY);
        wide = Plan.compile(WIDE);
        for (int i = 0; i < tmp.length; i++) {
            tmp[i] = new double[N];
        }
        out = new double[N];
    }

    // ---- strategy ----

    @Benchmark
    public double[] strategyHand() {
        return strategyHand(data.close, tmp, out);
    }

    /**
     * The strategy by hand: its four kernels into {@code t[0..3]}, combined with {@code &&} into {@code out}. Also the
     * first calls' yardstick ({@code FirstCalls strategyHand}).
     */
    static double[] strategyHand(double[] close, double[][] t, double[] out) {
        double[] fast = t[0];
        double[] slow = t[1];
        double[] rsi = t[2];
        double[] sma = t[3];
        Ta.ema(close, 12, fast);
        Ta.ema(close, 26, slow);
        Ta.rsi(close, 14, rsi);
        Ta.sma(close, 50, sma);
        for (int i = 0; i < close.length; i++) {
            out[i] = fast[i] > slow[i] && rsi[i] < 70 && close[i] > sma[i] ? 1.0 : 0.0;
        }
        return out;
    }

    @Benchmark
    public double[] strategyTalib() {
        double[] close = data.close;
        double[] fast = tmp[0];
        double[] slow = tmp[1];
        double[] rsi = tmp[2];
        double[] sma = tmp[3];
        // TA-Lib writes from index 0 (the first valid bar); the offsets realign each output with the bars.
        core.ema(0, N - 1, close, 12, begin, count, fast);
        int bFast = begin.value;
        core.ema(0, N - 1, close, 26, begin, count, slow);
        int bSlow = begin.value;
        core.rsi(0, N - 1, close, 14, begin, count, rsi);
        int bRsi = begin.value;
        core.sma(0, N - 1, close, 50, begin, count, sma);
        int bSma = begin.value;
        int start = Math.max(Math.max(bFast, bSlow), Math.max(bRsi, bSma));
        for (int i = start; i < N; i++) {
            out[i] = fast[i - bFast] > slow[i - bSlow] && rsi[i - bRsi] < 70 && close[i] > sma[i - bSma] ? 1.0 : 0.0;
        }
        return out;
    }

    @Benchmark
    public PlanResult strategyFused() {
        return new BlockExecutor(strategy).run(bars);
    }

    @Benchmark
    public PlanResult strategyFusedInto() {
        return strategy.runInto(bars, out);
    }

    @Benchmark
    public PlanResult strategyInterpreted() {
        return BlockExecutor.interpreted(strategy, BlockExecutor.DEFAULT_BLOCK).run(bars);
    }

    @Benchmark
    public PlanResult strategyNodeAtATime() {
        return BlockExecutor.interpreted(strategy, N).run(bars);
    }

    @Benchmark
    public double strategyStream() {
        PlanStream s = new PlanStream(strategy);
        live[0] = s;
        double acc = 0;
        double[] bar = new double[1];
        for (double x : data.close) {
            bar[0] = x;
            s.update(bar);
            acc += s.value();
        }
        return acc;
    }

    /**
     * What a live feed written by hand pays per tick: the same four typed stream updates and the strategy's
     * comparisons, in a handler the feed calls once per bar (kept out of line, as a callback from a socket or a queue
     * is). {@link #strategyStreamNodes} runs the updates in the benchmark's own loop, where the JIT keeps the streams'
     * fields in registers from one bar to the next; neither a plan stream nor a per-tick handler can.
     */
    @Benchmark
    public double strategyStreamHandPerBar() {
        HandStrategy h = new HandStrategy();
        live[0] = h;
        double acc = 0;
        for (double x : data.close) {
            acc += h.onBar(x);
        }
        return acc;
    }

    static final class HandStrategy {
        final EmaStream fast = Ta.emaStream(12);
        final EmaStream slow = Ta.emaStream(26);
        final RsiStream rsi = Ta.rsiStream(14);
        final SmaStream sma = Ta.smaStream(50);

        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        double onBar(double x) {
            double f = fast.update(x);
            double s = slow.update(x);
            double r = rsi.update(x);
            double m = sma.update(x);
            return f > s && r < 70 && x > m ? 1.0 : 0.0;
        }
    }

    @Benchmark
    public double strategyStreamNodes() {
        EmaStream fast = Ta.emaStream(12);
        EmaStream slow = Ta.emaStream(26);
        RsiStream rsi = Ta.rsiStream(14);
        SmaStream sma = Ta.smaStream(50);
        live[0] = fast;
        live[1] = slow;
        live[2] = rsi;
        live[3] = sma;
        double acc = 0;
        for (double x : data.close) {
            acc += fast.update(x) + slow.update(x) + rsi.update(x) + sma.update(x);
        }
        return acc;
    }

    // ---- wide ----

    /**
     * The wide plan's kernels by hand, into {@code t}: macd 0–2 (its histogram's array then reused for obv), bbands
     * 3–5 (its middle's then for the sma of obv), rolling max 6, atr 7, rsi 8, stochastic 9–10, adx 11–13.
     */
    static double[][] wideKernels(BenchData d, double[][] t) {
        Ta.macd(d.close, 12, 26, 9, t[0], t[1], t[2]);
        Ta.bbands(d.close, 20, 2, t[3], t[4], t[5]);
        Ta.rollingMax(d.high, 20, t[6]);
        Ta.atr(d.high, d.low, d.close, 14, t[7]);
        Ta.rsi(d.close, 14, t[8]);
        Ta.stochastic(d.high, d.low, d.close, 14, 3, 3, t[9], t[10]);
        Ta.adx(d.high, d.low, d.close, 14, t[11], t[12], t[13]);
        Ta.obv(d.close, d.volume, t[2]);
        Ta.sma(t[2], 20, t[4]);
        return t;
    }

    @Benchmark
    public double[] wideHand() {
        return wideHand(data, tmp, out);
    }

    /**
     * The wide plan by hand, as a user who skips the DSL would write it: its kernels into {@code t}, combined with
     * {@code &&} into {@code out}. The performance gate's yardstick for the plan too ({@code GateBench.wideHand}).
     */
    static double[] wideHand(BenchData d, double[][] t, double[] out) {
        wideKernels(d, t);
        double[] c = d.close;
        for (int i = 0; i < c.length; i++) {
            out[i] = t[0][i] > t[1][i] && c[i] < t[3][i] && c[i] > t[5][i] && t[6][i] - c[i] < t[7][i] * 2
                    && t[8][i] > 30 && t[9][i] > t[10][i] && t[11][i] > 20 && t[2][i] > t[4][i] ? 1.0 : 0.0;
        }
        return out;
    }

    /**
     * {@link #wideHand} computing the plan's answer, bit for bit ({@code PlanBenchTest}): a comparison with a missing
     * operand (a kernel's warm-up NaN) is missing, and {@code and} of conditions is their product, as {@code Ops}
     * defines them. {@link #wideHand}'s {@code &&} stops at the first false test, so it skips most of its comparisons'
     * loads, and answers 0 on every bar where the plan answers NaN.
     */
    @Benchmark
    public double[] wideHandSameAnswer() {
        double[][] t = wideKernels(data, tmp);
        double[] c = data.close;
        for (int i = 0; i < N; i++) {
            out[i] = greater(t[0][i], t[1][i]) * greater(t[3][i], c[i]) * greater(c[i], t[5][i])
                    * greater(t[7][i] * 2, t[6][i] - c[i]) * greater(t[8][i], 30) * greater(t[9][i], t[10][i])
                    * greater(t[11][i], 20) * greater(t[2][i], t[4][i]);
        }
        return out;
    }

    /** {@code a > b} as 1 or 0, NaN when either is missing: {@code Ops.gt} for finite and missing operands. */
    private static double greater(double a, double b) {
        return (a > b ? 1.0 : 0.0) + (a - a) + (b - b);
    }

    @Benchmark
    public PlanResult wideFused() {
        return new BlockExecutor(wide).run(bars);
    }

    @Benchmark
    public PlanResult wideFusedInto() {
        return wide.runInto(bars, out);
    }

    @Benchmark
    public PlanResult wideInterpreted() {
        return BlockExecutor.interpreted(wide, BlockExecutor.DEFAULT_BLOCK).run(bars);
    }

    @Benchmark
    public double wideStream() {
        PlanStream s = new PlanStream(wide);
        live[0] = s;
        BenchData d = data;
        double acc = 0;
        double[] bar = new double[4];
        java.util.List<String> cols = s.columns();
        double[][] src = new double[cols.size()][];
        for (int c = 0; c < src.length; c++) {
            src[c] = bars.column(cols.get(c));
        }
        for (int i = 0; i < N; i++) {
            for (int c = 0; c < src.length; c++) {
                bar[c] = src[c][i];
            }
            s.update(bar);
            acc += s.value();
        }
        return acc + d.close[0];
    }

    @Benchmark
    public double wideStreamNodes() {
        BenchData d = data;
        MacdStream macd = Ta.macdStream(12, 26, 9);
        BbandsStream bb = Ta.bbandsStream(20, 2);
        RollingMaxStream max = Ta.rollingMaxStream(20);
        AtrStream atr = Ta.atrStream(14);
        RsiStream rsi = Ta.rsiStream(14);
        StochasticStream st = Ta.stochasticStream(14, 3, 3);
        AdxStream adx = Ta.adxStream(14);
        ObvStream obv = Ta.obvStream();
        SmaStream sma = Ta.smaStream(20);
        Object[] keep = live;
        keep[0] = macd;
        keep[1] = bb;
        keep[2] = max;
        keep[3] = atr;
        keep[4] = rsi;
        keep[5] = st;
        keep[6] = adx;
        keep[7] = obv;
        keep[8] = sma;
        double acc = 0;
        for (int i = 0; i < N; i++) {
            double h = d.high[i];
            double l = d.low[i];
            double c = d.close[i];
            macd.update(c);
            bb.update(c);
            st.update(h, l, c);
            adx.update(h, l, c);
            acc += macd.macd() + bb.upper() + max.update(h) + atr.update(h, l, c) + rsi.update(c) + st.slowK() + adx.adx()
                    + sma.update(obv.update(c, d.volume[i]));
        }
        return acc;
    }
}
