package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A plan is interpreted until it has run over {@link FusedCompiler#COMPILE_FROM} bars, counting the run that compiles
 * it, and gives the same bits either way. Each test plans an expression no other test does, since a compiled plan is
 * shared by every equal plan in the JVM.
 */
class CompileWhenWorthItTest {
    static Bars bars(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] close = new double[n];
        double x = 100;
        for (int i = 0; i < n; i++) {
            x += r.nextDouble(-1, 1);
            close[i] = x;
        }
        return Bars.builder().column("close", close).build();
    }

    @Test
    void shortRunsAreInterpretedUntilTheyAddUpToTheThreshold() {
        Plan plan = Plan.compile("sma(close, 7919) < ema(close, 13) * 1.000123");
        BlockExecutor executor = new BlockExecutor(plan);
        Bars first = bars(1_000, 1);
        double[] interpreted = BlockExecutor.interpreted(plan, 1024).run(first).get(Plan.VALUE).toArray();
        assertArrayEquals(interpreted, executor.run(first).get(Plan.VALUE).toArray());
        assertFalse(FusedCompiler.compiledAlready(plan), "one run over 1,000 bars is interpreted");

        Bars rest = bars(FusedCompiler.COMPILE_FROM - 1_001, 2);
        executor.run(rest);
        assertFalse(FusedCompiler.compiledAlready(plan), "one bar short of the threshold");
        Bars last = bars(1, 3);
        assertArrayEquals(BlockExecutor.interpreted(plan, 1024).run(last).get(Plan.VALUE).toArray(),
                executor.run(last).get(Plan.VALUE).toArray());
        assertTrue(FusedCompiler.compiledAlready(plan), "the run that reaches the threshold compiles");
        assertArrayEquals(interpreted, executor.run(first).get(Plan.VALUE).toArray(), "compiled, the same bits");
    }

    @Test
    void aLongRunCompilesAtOnce() {
        Plan plan = Plan.compile("wma(close, 7907) > close - 0.000321");
        Bars bars = bars(FusedCompiler.COMPILE_FROM, 4);
        double[] values = plan.run(bars).get(Plan.VALUE).toArray();
        assertTrue(FusedCompiler.compiledAlready(plan));
        assertArrayEquals(BlockExecutor.interpreted(plan, 1024).run(bars).get(Plan.VALUE).toArray(), values);
    }

    @Test
    void theCompiledExecutorCompilesOnItsFirstRunAndTheInterpretedOneNever() {
        Plan never = Plan.compile("rsi(close, 7901) > 50.000987");
        Bars bars = bars(FusedCompiler.COMPILE_FROM + 10, 5);
        BlockExecutor.interpreted(never, 512).run(bars);
        assertFalse(FusedCompiler.compiledAlready(never));

        Plan always = Plan.compile("rsi(close, 7883) > 50.000654");
        Bars ten = bars(10, 6);
        BlockExecutor.compiled(always, 512).run(ten);
        assertTrue(FusedCompiler.compiledAlready(always));
    }
}
