package io.ta.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.runtime.exec.BlockExecutor;
import io.ta.runtime.exec.Program;
import io.ta.testing.ChildJvm;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Compiled plans give the same bits on a JVM without a fused multiply-add. A compiled comparison makes a missing
 * operand missing with one fused multiply-add per operand where the processor has the instruction, and with a
 * multiplication and an addition where it does not (FusedCompiler's comparison). A JVM started with
 * {@code -XX:-UseFMA} runs the same random plans over the same dirty bars (NaN, ±Infinity, extreme magnitudes) as this
 * one, and each plan's results must hash to the same value in both, its compiled or interpreted execution named in its
 * key (NaNs as one).
 */
class PlansWithoutFmaTest {
    static final int CASES = 300;

    @Test
    void compiledPlansGiveTheSameBitsWithoutAFusedMultiplyAdd() throws Exception {
        Map<String, Long> here = hashes();
        assertTrue(here.keySet().stream().filter(k -> k.endsWith("fused")).count() > CASES,
                "most plans compile: " + here.keySet());
        Map<String, Long> there = ChildJvm.hashes(PlansWithoutFmaTest.class, "-XX:-UseFMA");
        assertEquals(here, there);
    }

    /** Prints each plan's hash, for the test's child JVM. */
    public static void main(String[] args) {
        hashes().forEach((key, hash) -> System.out.println("hash " + key + " " + hash));
    }

    /**
     * {@link PlanPropertiesTest}'s random plans and its kernels under comparisons with numbers, {@link #CASES} of each
     * from fixed seeds: a hash of their batch results' bits, keyed by case and by whether the plan compiled.
     */
    static Map<String, Long> hashes() {
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < 2 * CASES; i++) {
            PlanPropertiesTest.Case c = i < CASES ? PlanPropertiesTest.randomCase(0xF3A0L + i)
                    : PlanPropertiesTest.kernelWithOperatorsCase(0xF3A0L + i);
            Plan plan = Plan.of(c.roots(), Registry.standard());
            PlanResult result = BlockExecutor.compiled(plan, BlockExecutor.DEFAULT_BLOCK).run(c.bars());
            long h = 1;
            for (String root : c.roots().keySet()) {
                for (int t = 0; t < c.bars().length(); t++) {
                    h = 31 * h + Double.doubleToLongBits(result.get(root).get(t));
                }
            }
            out.put(i + "-" + (Program.of(plan, true).fused() ? "fused" : "interpreted"), h);
        }
        return out;
    }
}
