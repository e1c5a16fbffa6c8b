package io.ta.bench;

import io.ta.kernels.Ta;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import io.ta.runtime.exec.BlockExecutor;
import java.util.Locale;
import java.util.Map;

/**
 * One part of {@link PlanBench}'s wide plan, or a one-kernel plan, fused against its hand composition in one JVM, in
 * thread CPU time. By hand, a part's kernels write into preallocated arrays and a combining loop into a fresh array; a
 * one-kernel plan ({@code macdLine}, {@code ema}, …) is the allocating {@code Ta} call. Either way the result is a
 * fresh array, as a plan's is: the same 1M bars, 1.5 s of warm-up each, then the fastest of 10 interleaved rounds. Finds
 * which part of a plan costs more fused than by hand.
 *
 * <p>Usage, one part per JVM as JMH forks do: {@code for p in macd macdLine rsi sma bbandsUpper ...; do java
 * -XX:+UseSerialGC -cp ta-bench/target/benchmarks.jar io.ta.bench.PlanPartsCpu $p; done}. The parts: {@link #PARTS}.
 */
public final class PlanPartsCpu {
    private static final int N = PlanBench.N;
    /** Each part's expression. */
    static final Map<String, String> PARTS = Map.ofEntries(
            Map.entry("macd", PlanBench.WIDE_MACD),
            Map.entry("macdLine", "macd(close, 12, 26, 9).macd"),
            Map.entry("bbands", PlanBench.WIDE_BBANDS),
            Map.entry("bbandsUpper", "bbands(close, 20, 2).upper"),
            Map.entry("maxAtr", PlanBench.WIDE_MAX_ATR),
            Map.entry("maxLine", "rolling_max(high, 20)"),
            Map.entry("atrLine", "atr(high, low, close, 14)"),
            Map.entry("rsi", PlanBench.WIDE_RSI),
            Map.entry("rsiLine", "rsi(close, 14)"),
            Map.entry("ema", "ema(close, 12)"),
            Map.entry("sma", "sma(close, 20)"),
            Map.entry("stochastic", PlanBench.WIDE_STOCHASTIC),
            Map.entry("adx", PlanBench.WIDE_ADX),
            Map.entry("obv", PlanBench.WIDE_OBV));

    private PlanPartsCpu() {}

    public static void main(String[] args) {
        String part = args[0];
        BenchData d = new BenchData(N);
        Bars bars = d.bars();
        double[][] t = new double[3][N];
        double[] c = d.close;
        Runnable hand = switch (part) {
            case "macd" -> () -> {
                Ta.macd(c, 12, 26, 9, t[0], t[1], t[2]);
                combine(i -> t[0][i] > t[1][i]);
            };
            case "macdLine" -> () -> Ta.macd(c, 12, 26, 9);
            case "bbands" -> () -> {
                Ta.bbands(c, 20, 2, t[0], t[1], t[2]);
                combine(i -> c[i] < t[0][i] && c[i] > t[2][i]);
            };
            case "bbandsUpper" -> () -> Ta.bbands(c, 20, 2);
            case "maxAtr" -> () -> {
                Ta.rollingMax(d.high, 20, t[0]);
                Ta.atr(d.high, d.low, c, 14, t[1]);
                combine(i -> t[0][i] - c[i] < t[1][i] * 2);
            };
            case "maxLine" -> () -> Ta.rollingMax(d.high, 20);
            case "atrLine" -> () -> Ta.atr(d.high, d.low, c, 14);
            case "rsi" -> () -> {
                Ta.rsi(c, 14, t[0]);
                combine(i -> t[0][i] > 30);
            };
            case "rsiLine" -> () -> Ta.rsi(c, 14);
            case "ema" -> () -> Ta.ema(c, 12);
            case "sma" -> () -> Ta.sma(c, 20);
            case "stochastic" -> () -> {
                Ta.stochastic(d.high, d.low, c, 14, 3, 3, t[0], t[1]);
                combine(i -> t[0][i] > t[1][i]);
            };
            case "adx" -> () -> {
                Ta.adx(d.high, d.low, c, 14, t[0], t[1], t[2]);
                combine(i -> t[0][i] > 20);
            };
            case "obv" -> () -> {
                Ta.obv(c, d.volume, t[0]);
                Ta.sma(t[0], 20, t[1]);
                combine(i -> t[0][i] > t[1][i]);
            };
            default -> throw new IllegalArgumentException("unknown part " + part + "; parts: " + PARTS.keySet());
        };
        Plan plan = Plan.compile(PARTS.get(part));
        Runnable fused = () -> new BlockExecutor(plan).run(bars);
        double[] best = CpuTime.fastestInterleaved(new Runnable[] {fused, hand}, 10, N);
        System.out.printf(Locale.ROOT, "%s: fused %.2f / hand %.2f ns/bar = %.3f%n", part, best[0], best[1], best[0] / best[1]);
    }

    /** The hand composition's combining loop, into a fresh array like a plan's result. */
    private static double[] combine(java.util.function.IntPredicate condition) {
        double[] out = new double[N];
        for (int i = 0; i < N; i++) {
            out[i] = condition.test(i) ? 1.0 : 0.0;
        }
        return out;
    }
}
