package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.ShapeMismatchException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanResult;
import io.ta.runtime.Registry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Plan#runInto}: the caller's arrays receive exactly {@link Plan#run}'s values, whatever they held before, run
 * after run; and every way of handing over the wrong arrays is a {@link ShapeMismatchException} naming the root.
 */
class RunIntoTest {
    private static final Plan THREE = Plan.compile(Map.of(
            "a", "rsi(close, 14) < 30 and close > sma(close, 20)",
            "b", "bbands(close, 20, 2).upper - close",
            "c", "close"), Registry.standard());

    /** A staged plan (the 33-node plan twice over) and a small one, fused and interpreted, into arrays of garbage. */
    @Test
    void everyElementIsWrittenRunAfterRun() {
        Plan staged = Plan.compile(StagesTest.wide(12, 26, 20, 3) + " and " + StagesTest.wide(8, 21, 30, 5));
        SplittableRandom r = new SplittableRandom(0x1470);
        for (Plan plan : List.of(staged, THREE)) {
            double[][] into = new double[plan.roots().size()][700];
            for (int run = 0; run < 3; run++) {
                for (double[] a : into) {
                    for (int t = 0; t < a.length; t++) {
                        a[t] = r.nextInt(4) == 0 ? Double.NaN : r.nextDouble(-1e12, 1e12);
                    }
                }
                Bars bars = StagesTest.bars(r.nextLong(), true, 700);
                BlockExecutor executor = run == 2 ? BlockExecutor.interpreted(plan, 128)
                        : BlockExecutor.compiled(plan, 128);
                PlanResult expected = BlockExecutor.compiled(plan, 128).run(bars);
                PlanResult result = executor.runInto(bars, into);
                int k = 0;
                for (String root : plan.roots().keySet()) {
                    assertArrayEquals(expected.get(root).toArray(), into[k++], root + ", run " + run);
                    assertArrayEquals(expected.get(root).toArray(), result.get(root).toArray(), root + ", run " + run);
                    assertEquals(expected.lookback(root), result.lookback(root));
                }
            }
        }
    }

    @Test
    void theResultKeepsTheBarsTimes() {
        long[] time = new long[50];
        double[] close = new double[50];
        for (int t = 0; t < 50; t++) {
            time[t] = 1_700_000_000_000L + 60_000L * t;
            close[t] = 100 + Math.sin(t);
        }
        Bars bars = Bars.builder().time(time).column("close", close).build();
        Plan plan = Plan.compile("sma(close, 5)");
        PlanResult result = plan.runInto(bars, new double[50]);
        assertTrue(result.hasTime());
        assertArrayEquals(time, result.times());
        assertArrayEquals(plan.run(bars).value().toArray(), result.value().toArray());
    }

    /** A column given back as a root's array is read before it is overwritten, as {@code Ta.sma(x, n, x)} does. */
    @Test
    void anArrayThatIsAlsoAColumnIsReadFirst() {
        Bars bars = StagesTest.bars(5, true, 400);
        double[] close = bars.column("close");
        double[] original = close.clone();
        Plan plan = Plan.compile("close - sma(close, 20)");
        double[] expected = plan.run(bars).value().toArray();
        plan.runInto(bars, close);
        assertArrayEquals(expected, close);
        Bars again = Bars.builder().column("close", original).build();
        assertArrayEquals(expected, plan.run(again).value().toArray(), "the plan read the column as it was");
    }

    @Test
    void wrongArraysAreShapeErrorsNamingTheRoot() {
        Bars bars = StagesTest.bars(9, true, 30);
        String count = assertThrows(ShapeMismatchException.class,
                () -> THREE.runInto(bars, new double[30], new double[30])).getMessage();
        assertTrue(count.contains("expected 3 arrays") && count.contains("got 2"), count);
        String nullArray = assertThrows(ShapeMismatchException.class,
                () -> THREE.runInto(bars, new double[30], null, new double[30])).getMessage();
        assertTrue(nullArray.contains("'" + root(1) + "' is null"), nullArray);
        String length = assertThrows(ShapeMismatchException.class,
                () -> THREE.runInto(bars, new double[30], new double[30], new double[29])).getMessage();
        assertTrue(length.contains("'" + root(2) + "' has length 29, the bars have 30"), length);
        double[] shared = new double[30];
        String same = assertThrows(ShapeMismatchException.class,
                () -> THREE.runInto(bars, shared, new double[30], shared)).getMessage();
        assertTrue(same.contains("'" + root(0) + "' and '" + root(2) + "' are given the same array"), same);
        assertThrows(ShapeMismatchException.class, () -> THREE.runInto(bars, (double[][]) null));
        assertThrows(ShapeMismatchException.class,
                () -> THREE.runInto(null, new double[0], new double[0], new double[0]));
        Bars noClose = Bars.builder().column("open", new double[30]).build();
        assertThrows(UnknownNameException.class, () -> THREE.runInto(noClose, new double[30], new double[30],
                new double[30]));
        double[] untouched = new double[30];
        Arrays.fill(untouched, 7);
        assertThrows(ShapeMismatchException.class, () -> THREE.runInto(bars, untouched, new double[30]));
        assertEquals(7, untouched[0], "nothing is written when the arrays are refused");
    }

    private static String root(int k) {
        return List.copyOf(THREE.roots().keySet()).get(k);
    }
}
