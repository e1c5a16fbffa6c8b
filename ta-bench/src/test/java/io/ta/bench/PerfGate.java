package io.ta.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the performance gate, apart from running benchmarks: which benchmark pairs make a ratio, and when a
 * measured ratio is a regression. Absolute times never gate (machines differ); only ratios measured in one run do.
 */
final class PerfGate {
    /**
     * A gated ratio may be at most this factor above its committed baseline. Measured noise (docs/performance.md, single
     * forks at load 15-25): these ratios' clean values stay within 1.3× of the baseline in any single fork,
     * so even three unlucky forks leave a margin of 1.27× against a false alarm; and a 2× slowdown of a gated
     * benchmark exceeds it even on a machine where the ratio runs 20% lower than where the baseline was recorded.
     */
    static final double BUDGET = 1.6;

    /**
     * The budget of the ratios HotSpot compiles in one of two ways from one JVM to the next ({@link #NOISY}): single
     * forks reached 1.58× (macd) and 1.7× (sma batch on its anchored total, its step inlined into the loop or not) of
     * the baseline. With this budget no single fork observed would fail; a 2× slowdown still exceeds it on a machine
     * where the ratio runs no more than 10% lower than where the baseline was recorded.
     */
    static final double NOISY_BUDGET = 1.8;

    /** The ratios gated with {@link #NOISY_BUDGET}. */
    static final List<String> NOISY = List.of("macd / TA-Lib", "sma / TA-Lib");

    /** The ratios gated as the fastest numerator over the fastest denominator ({@link #gated}). */
    static final List<String> FASTEST_OVER_FASTEST =
            List.of("sma stream update / batch", "rsi stream update / batch", "macd stream update / batch",
                    "max stream update / batch", "bbands stream update / batch", "plan stream / its kernels' updates");

    /** Ratio name → {numerator benchmark, denominator benchmark} (methods of {@link GateBench}). */
    static final Map<String, String[]> PAIRS = new LinkedHashMap<>();

    static {
        for (String k : List.of("sma", "ema", "wma", "max", "rsi", "macd", "atr", "bbands", "obv")) {
            PAIRS.put(k + " / TA-Lib", new String[] {k + "Ta", k + "Talib"});
        }
        PAIRS.put("plan fused / hand composition", new String[] {"planFused", "planHand"});
        PAIRS.put("wide plan into / hand composition", new String[] {"wideInto", "wideHand"});
        PAIRS.put("plan comparison / plan arithmetic", new String[] {"planComparison", "planArithmetic"});
        PAIRS.put("sma stream update / batch", new String[] {"smaStream", "smaTa"});
        PAIRS.put("rsi stream update / batch", new String[] {"rsiStream", "rsiTa"});
        PAIRS.put("macd stream update / batch", new String[] {"macdStream", "macdTa"});
        PAIRS.put("max stream update / batch", new String[] {"maxStream", "maxTa"});
        PAIRS.put("bbands stream update / batch", new String[] {"bbandsStream", "bbandsTa"});
        PAIRS.put("plan stream / its kernels' updates", new String[] {"planStream", "planStreamKernels"});
    }

    private PerfGate() {}

    /** Every ratio from per-benchmark scores (ns per bar); a missing benchmark is an error. */
    static Map<String, Double> ratios(Map<String, Double> scores) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> p : PAIRS.entrySet()) {
            Double a = scores.get(p.getValue()[0]);
            Double b = scores.get(p.getValue()[1]);
            if (a == null || b == null) {
                throw new IllegalStateException("perf gate: no score for " + String.join(" or ", p.getValue()));
            }
            out.put(p.getKey(), a / b);
        }
        return out;
    }

    /**
     * The lowest of every ratio over several forks, the gated value of most ratios ({@link #gated}). A regression slows
     * a benchmark in every JVM, so it raises the lowest ratio too; noise and an unlucky JIT decision raise it in some
     * forks only.
     */
    static Map<String, Double> lowest(List<Map<String, Double>> forks) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map<String, Double> f : forks) {
            for (Map.Entry<String, Double> e : f.entrySet()) {
                out.merge(e.getKey(), e.getValue(), Math::min);
            }
        }
        return out;
    }

    /**
     * The gated value of every ratio over several forks, from each fork's scores. Most ratios: their {@link #lowest}.
     * The stream ÷ batch ratios ({@link #FASTEST_OVER_FASTEST}): the fastest stream over the fastest batch. Their
     * denominator is one of our own batches, which runs at up to twice its time while the machine is slow
     * (docs/performance.md, "Slow windows"), and a fork whose batch ran slow has the lowest ratio, so the lowest hides a
     * slower stream: a 2× slowdown of the sma stream, injected, passed at 1.41× its baseline because two of three forks
     * had a slow batch. A regression raises the fastest score of its side; a slow window does not. The plan stream's
     * denominator, its kernels' streams, is ours too, and ran at 21.6 ns/bar in one fork of six against 16.3–16.8.
     */
    static Map<String, Double> gated(List<Map<String, Double>> scores) {
        List<Map<String, Double>> perFork = new ArrayList<>();
        for (Map<String, Double> s : scores) {
            perFork.add(ratios(s));
        }
        Map<String, Double> out = lowest(perFork);
        for (String ratio : FASTEST_OVER_FASTEST) {
            String[] pair = PAIRS.get(ratio);
            out.put(ratio, fastest(scores, pair[0]) / fastest(scores, pair[1]));
        }
        return out;
    }

    private static double fastest(List<Map<String, Double>> scores, String benchmark) {
        double min = Double.POSITIVE_INFINITY;
        for (Map<String, Double> s : scores) {
            min = Math.min(min, s.get(benchmark));
        }
        return min;
    }

    /** The budget of one ratio: {@link #NOISY_BUDGET} for the {@link #NOISY} ones, {@link #BUDGET} for the others. */
    static double budget(String ratio) {
        return NOISY.contains(ratio) ? NOISY_BUDGET : BUDGET;
    }

    /**
     * The gated ratios {@code baseline} has no value for. The gate checks them before it runs a fork: no measurement
     * can make up for a missing baseline, so such a setup fails at once instead of after every fork.
     */
    static List<String> missingBaselines(Map<String, Double> baseline) {
        List<String> out = new ArrayList<>();
        for (String ratio : PAIRS.keySet()) {
            if (!baseline.containsKey(ratio)) {
                out.add(ratio);
            }
        }
        return out;
    }

    /** The regressions: one line per ratio above {@code baseline × budget(ratio)}, or without a baseline. */
    static List<String> regressions(Map<String, Double> measured, Map<String, Double> baseline) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> m : measured.entrySet()) {
            Double base = baseline.get(m.getKey());
            if (base == null) {
                out.add(m.getKey() + ": no committed baseline");
            } else if (m.getValue() > base * budget(m.getKey())) {
                out.add(String.format(java.util.Locale.ROOT, "%s: %.3f, baseline %.3f, budget %.3f (%.2f× the baseline)",
                        m.getKey(), m.getValue(), base, base * budget(m.getKey()), m.getValue() / base));
            }
        }
        return out;
    }
}
