package io.ta.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.runtime.Series;
import org.junit.jupiter.api.Test;

/** The yardsticks the wide plan is measured against compute what they say they compute. */
class PlanBenchTest {
    @Test
    void handCompositionsAnswerAsThePlanDoes() {
        PlanBench bench = new PlanBench();
        bench.setup();
        Series plan = bench.wideFused().get(bench.wide.roots().keySet().iterator().next());
        Series into = bench.wideFusedInto().value();
        for (int i = 0; i < PlanBench.N; i++) {
            assertEquals(0, Double.compare(plan.get(i), into.get(i)), "into the caller's array, bar " + i);
        }
        double[] same = bench.wideHandSameAnswer().clone();
        double[] and = bench.wideHand().clone();
        int missing = 0;
        for (int i = 0; i < PlanBench.N; i++) {
            assertEquals(0, Double.compare(plan.get(i), same[i]), "the same answer at bar " + i);
            if (Double.isNaN(plan.get(i))) {
                missing++;
                assertEquals(0.0, and[i], "&& answers 0 where the plan's answer is missing, at bar " + i);
            } else {
                assertEquals(0, Double.compare(plan.get(i), and[i]), "&& agrees on every other bar, bar " + i);
            }
        }
        // The longest warm-up, macd(12, 26, 9)'s: its first 33 bars.
        assertEquals(33, missing);
    }
}
