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
     * A measured ratio may be at most this factor above its committed baseline. Wide enough that scheduling noise on a
     * loaded 2-core machine does not trip it (see docs/performance.md for the clean runs counted), narrow enough that
     * a 2× slowdown of any one gated benchmark does.
     */
    static final double BUDGET = 1.5;

    /** Ratio name → {numerator benchmark, denominator benchmark} (methods of {@link GateBench}). */
    static final Map<String, String[]> PAIRS = new LinkedHashMap<>();

    static {
        for (String k : List.of("sma", "ema", "wma", "max", "rsi", "macd", "atr", "bbands", "obv")) {
            PAIRS.put(k + " / TA-Lib", new String[] {k + "Ta", k + "Talib"});
        }
        PAIRS.put("plan fused / hand composition", new String[] {"planFused", "planHand"});
        PAIRS.put("sma stream update / batch", new String[] {"smaStream", "smaTa"});
        PAIRS.put("rsi stream update / batch", new String[] {"rsiStream", "rsiTa"});
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

    /** The regressions: one line per ratio above {@code baseline × BUDGET}, or without a baseline. */
    static List<String> regressions(Map<String, Double> measured, Map<String, Double> baseline) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> m : measured.entrySet()) {
            Double base = baseline.get(m.getKey());
            if (base == null) {
                out.add(m.getKey() + ": no committed baseline");
            } else if (m.getValue() > base * BUDGET) {
                out.add(String.format(java.util.Locale.ROOT, "%s: %.3f, baseline %.3f, budget %.3f (%.2f× the baseline)",
                        m.getKey(), m.getValue(), base, base * BUDGET, m.getValue() / base));
            }
        }
        return out;
    }
}
