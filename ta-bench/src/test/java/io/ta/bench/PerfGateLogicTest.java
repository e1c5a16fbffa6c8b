package io.ta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate's arithmetic: a doubled benchmark is a regression, noise inside the budget is not. */
class PerfGateLogicTest {
    private static Map<String, Double> scores(double factorOnSma) {
        Map<String, Double> s = new LinkedHashMap<>();
        for (String[] pair : PerfGate.PAIRS.values()) {
            s.put(pair[0], 3.0);
            s.put(pair[1], 2.0);
        }
        s.put("smaTa", 3.0 * factorOnSma);
        return s;
    }

    @Test
    void aDoubledKernelFailsAndOnlyTheRatiosItIsPartOfFail() {
        Map<String, Double> baseline = PerfGate.ratios(scores(1.0));
        List<String> r = PerfGate.regressions(PerfGate.ratios(scores(2.0)), baseline);
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.get(0).startsWith("sma / TA-Lib: 3.000, baseline 1.500"), r.get(0));
    }

    @Test
    void noiseWithinTheBudgetPasses() {
        Map<String, Double> baseline = PerfGate.ratios(scores(1.0));
        assertEquals(List.of(), PerfGate.regressions(PerfGate.ratios(scores(1.45)), baseline));
    }

    @Test
    void theLowestOverForksIgnoresOneSlowForkButNotASlowdownInAll() {
        Map<String, Double> baseline = PerfGate.ratios(scores(1.0));
        Map<String, Double> oneSlowFork = PerfGate.lowest(List.of(PerfGate.ratios(scores(1.0)), PerfGate.ratios(scores(2.5)),
                PerfGate.ratios(scores(1.1))));
        assertEquals(List.of(), PerfGate.regressions(oneSlowFork, baseline));
        Map<String, Double> slowInAll = PerfGate.lowest(List.of(PerfGate.ratios(scores(2.0)), PerfGate.ratios(scores(2.5)),
                PerfGate.ratios(scores(2.1))));
        assertEquals(1, PerfGate.regressions(slowInAll, baseline).size());
    }

    @Test
    void threeSlowForksAreOutvotedByACleanConfirmingForkButASlowdownIsNot() {
        Map<String, Double> baseline = PerfGate.ratios(scores(1.0));
        List<Map<String, Double>> forks = new ArrayList<>();
        for (int f = 0; f < PerfGateTest.FORKS; f++) {
            forks.add(PerfGate.ratios(scores(2.2)));
        }
        assertEquals(1, PerfGate.regressions(PerfGate.lowest(forks), baseline).size());
        List<Map<String, Double>> confirmed = new ArrayList<>(forks);
        confirmed.add(PerfGate.ratios(scores(1.05)));
        assertEquals(List.of(), PerfGate.regressions(PerfGate.lowest(confirmed), baseline));
        List<Map<String, Double>> slowInAll = new ArrayList<>(forks);
        for (int f = 0; f < PerfGateTest.CONFIRM_FORKS; f++) {
            slowInAll.add(PerfGate.ratios(scores(1.9)));
        }
        assertEquals(1, PerfGate.regressions(PerfGate.lowest(slowInAll), baseline).size());
    }

    @Test
    void aSlowerStreamFailsEvenWhereTheBatchItIsDividedByRanSlowInMostForks() {
        Map<String, Double> baseline = PerfGate.gated(List.of(scores(1.0)));
        assertEquals(1.0, baseline.get("sma stream update / batch"));
        // The stream twice as slow in every fork, the batch slowed 2x by a slow window in two forks of three: the lowest
        // ratio over the forks (6 / 6) would pass it.
        List<Map<String, Double>> forks = new ArrayList<>();
        for (double batch : new double[] {1.0, 2.0, 2.0}) {
            Map<String, Double> s = scores(batch);
            s.put("smaStream", 6.0);
            forks.add(s);
        }
        List<Map<String, Double>> perFork = new ArrayList<>();
        for (Map<String, Double> s : forks) {
            perFork.add(PerfGate.ratios(s));
        }
        assertEquals(1.0, PerfGate.lowest(perFork).get("sma stream update / batch"));
        List<String> r = PerfGate.regressions(PerfGate.gated(forks), baseline);
        assertEquals(1, r.size(), r.toString());
        assertTrue(r.get(0).startsWith("sma stream update / batch: 2.000, baseline 1.000"), r.get(0));
        // The same slow batches under an unchanged stream pass.
        for (Map<String, Double> s : forks) {
            s.put("smaStream", 3.0);
        }
        assertEquals(List.of(), PerfGate.regressions(PerfGate.gated(forks), baseline));
    }

    @Test
    void theStreamRatiosAreGatedFastestOverFastest() {
        for (String r : PerfGate.FASTEST_OVER_FASTEST) {
            assertTrue(PerfGate.PAIRS.containsKey(r), r);
            assertTrue(r.contains(" stream update / batch") || r.startsWith("plan stream / "), r);
        }
        assertEquals(6, PerfGate.FASTEST_OVER_FASTEST.size());
    }

    @Test
    void theNoisyRatiosExistAndGetTheWiderBudget() {
        for (String r : PerfGate.NOISY) {
            assertTrue(PerfGate.PAIRS.containsKey(r), r);
            assertEquals(PerfGate.NOISY_BUDGET, PerfGate.budget(r));
        }
        assertEquals(PerfGate.BUDGET, PerfGate.budget("wma / TA-Lib"));
    }

    @Test
    void aRatioWithoutBaselineAndAMissingScoreAreErrors() {
        Map<String, Double> measured = PerfGate.ratios(scores(1.0));
        assertEquals(PerfGate.PAIRS.size(), PerfGate.regressions(measured, Map.of()).size());
        assertEquals(List.copyOf(PerfGate.PAIRS.keySet()), PerfGate.missingBaselines(Map.of()));
        Map<String, Double> all = new HashMap<>(measured);
        assertEquals(List.of(), PerfGate.missingBaselines(all));
        all.remove("macd stream update / batch");
        assertEquals(List.of("macd stream update / batch"), PerfGate.missingBaselines(all));
        Map<String, Double> s = scores(1.0);
        s.remove("planHand");
        assertThrows(IllegalStateException.class, () -> PerfGate.ratios(s));
    }
}
