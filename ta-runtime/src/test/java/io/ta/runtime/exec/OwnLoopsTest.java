package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.runtime.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which kernels of a compiled plan get a loop of their own: those whose state, as built with the plan's parameters,
 * costs more than O(1) per bar. The declared cost of a kernel covers every parameter, so reading it would put
 * {@code macd} (whose averages are {@code ma}s, always EMAs) in a loop of its own and cost its crossing ~5 ns/bar.
 */
class OwnLoopsTest {
    /** The loops of the plan's block, each as the names of its kernels (operators as "op"). */
    static List<List<String>> loops(String expression) {
        Plan plan = Plan.compile(expression);
        ExecNode[] nodes = ExecNode.of(plan.nodes(), plan.columns());
        return FusedCompiler.loops(nodes).stream()
                .map(loop -> loop.stream().map(n -> n instanceof ExecNode.Kernel k ? k.descriptor().name() : "op").toList())
                .toList();
    }

    @Test
    void macdCrossingIsOneLoop() {
        assertEquals(List.of(List.of("macd", "op")), loops("macd(close).macd > macd(close).signal"));
    }

    @Test
    void anAmortizedWindowKernelRunsAloneAndAnO1MaDoesNot() {
        assertEquals(List.of(List.of("rolling_max"), List.of("op")), loops("close > rolling_max(close, 50)"));
        assertEquals(List.of(List.of("ma"), List.of("op")), loops("close > ma(close, 50, ma_type='kama')"));
        assertEquals(List.of(List.of("ma", "op")), loops("close > ma(close, 50, ma_type='ema')"));
        // sma's and wma's anchored running totals are O(1) on every bar: they share the loop.
        assertEquals(List.of(List.of("sma", "op")), loops("close > sma(close, 50)"));
        assertEquals(List.of(List.of("ma", "op")), loops("close > ma(close, 50, ma_type='wma')"));
    }

    /**
     * An operator goes into an own-loop kernel's loop when it reads nothing but that loop's values and constants; one
     * that reads a column, two such loops, or a kernel of the shared loop runs in the shared loop.
     */
    @Test
    void operatorsOnOneOwnLoopKernelJoinItsLoop() {
        assertEquals(List.of(List.of("bbands", "op", "op")),
                loops("(bbands(close, 20, 2).upper - bbands(close, 20, 2).lower) * 0.5"));
        assertEquals(List.of(List.of("rolling_max", "op")), loops("rolling_max(close, 20) + 1"));
        assertEquals(List.of(List.of("bbands"), List.of("op", "op", "op")),
                loops("close < bbands(close, 20, 2).upper and close > bbands(close, 20, 2).lower"));
        assertEquals(List.of(List.of("rolling_max"), List.of("rolling_min"), List.of("op")),
                loops("rolling_max(close, 20) - rolling_min(close, 20)"));
        assertEquals(List.of(List.of("rolling_max"), List.of("op", "atr", "op", "op")),
                loops("rolling_max(high, 20) - close < atr(high, low, close, 14) * 2"));
        assertEquals(List.of(List.of("op")), loops("close * 2"));
    }
}
