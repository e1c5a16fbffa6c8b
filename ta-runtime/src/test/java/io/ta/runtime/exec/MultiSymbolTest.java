package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.UnknownNameException;
import io.ta.runtime.PlanResult;
import io.ta.testing.RandomBars;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One plan over many symbols in parallel equals running it symbol by symbol. */
class MultiSymbolTest {
    @Test
    void parallelRunEqualsSequentialRunsInOrder() {
        Plan plan = Plan.compile("rolling_max(close, 10) - ema(close, 20) > wma(close, 5) - sma(close, 30)");
        Map<String, Bars> universe = new LinkedHashMap<>();
        for (int s = 0; s < 40; s++) {
            RandomBars gen = new RandomBars(s, s % 3 == 0);
            int n = 50 + s * 37;
            universe.put("SYM" + s, Bars.builder().column("close", gen.walk(n)).build());
        }
        Map<String, PlanResult> all = new BlockExecutor(plan).runAll(universe);
        assertEquals(List.copyOf(universe.keySet()), List.copyOf(all.keySet()));
        for (Map.Entry<String, Bars> e : universe.entrySet()) {
            assertEquals(plan.run(e.getValue()).value(), all.get(e.getKey()).value(), e.getKey());
        }
    }

    @Test
    void aMissingColumnNamesTheColumnAndTheColumnsThereAre() {
        Plan plan = Plan.compile("true_range()");
        Bars closeOnly = Bars.builder().column("close", new double[] {1, 2}).build();
        var e = assertThrows(UnknownNameException.class, () -> plan.run(closeOnly));
        assertEquals("the expression needs column 'high', which the data does not have; columns: close", e.getMessage());
    }
}
