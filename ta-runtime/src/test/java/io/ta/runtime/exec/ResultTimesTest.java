package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.ShapeMismatchException;
import io.ta.error.StreamStateException;
import io.ta.runtime.PlanResult;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.testing.RandomBars;
import io.ta.runtime.Bars;
import io.ta.runtime.Registry;
import io.ta.runtime.Series;
import io.ta.runtime.Plan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Results carry the bars' close times, so a user can print time and value without keeping the input: every root of
 * a {@link PlanResult} (block by block, per symbol), and a {@link PlanStream}'s current values.
 */
class ResultTimesTest {
    static final int N = 300;
    static final double[] CLOSE = new RandomBars(11, false).walk(N);

    static Bars bars(boolean withTime) {
        long[] t = new long[N];
        for (int i = 0; i < N; i++) {
            // irregular: hourly bars with a gap now and then
            t[i] = i == 0 ? 1_704_067_200_000L : t[i - 1] + 3_600_000L * (i % 17 == 0 ? 5 : 1);
        }
        double[] open = new double[N];
        for (int i = 0; i < N; i++) {
            open[i] = i == 0 ? CLOSE[0] : CLOSE[i - 1];
        }
        Bars.Builder b = Bars.builder().column("close", CLOSE).column("open", open);
        return (withTime ? b.time(t) : b).build();
    }

    static Plan plan() {
        Map<String, String> roots = new LinkedHashMap<>();
        roots.put("fast", "sma(close, 5)");
        roots.put("cross", "crossup(close, sma(close, 20))");
        roots.put("daily", "close - close@1d"); // time-aware nodes share the same clock
        return Plan.compile(roots, Registry.standard());
    }

    @Test
    void everyRootCarriesTheBarsTimes() {
        Bars bars = bars(true);
        for (int block : new int[] {1, 7, 64, BlockExecutor.DEFAULT_BLOCK}) {
            PlanResult r = new BlockExecutor(plan(), block).run(bars);
            assertTrue(r.hasTime());
            assertArrayEquals(bars.times(), r.times());
            for (String root : r.names()) {
                Series s = r.get(root);
                assertTrue(s.hasTime(), root);
                assertArrayEquals(bars.times(), s.times(), root);
                for (int i = 0; i < N; i += 13) {
                    assertEquals(bars.time(i), s.time(i), root + " at " + i);
                    assertEquals(bars.time(i), r.time(i), root + " at " + i);
                }
            }
        }
        Plan untimedPlan = Plan.compile("sma(close, 5) - open");
        assertArrayEquals(bars.times(), untimedPlan.run(bars).value().times(), "a plan that never reads time still carries it");
    }

    @Test
    void theTimesAreTheResultsOwn() {
        PlanResult r = plan().run(bars(true));
        long first = r.time(0);
        r.times()[0] = -1;
        r.get("fast").times()[0] = -1;
        assertEquals(first, r.time(0));
        assertEquals(first, r.get("fast").time(0));
    }

    @Test
    void eachSymbolKeepsItsOwnTimes() {
        Bars a = bars(true);
        long[] shifted = a.times();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] += 86_400_000L * 3;
        }
        Bars b = Bars.builder().time(shifted).column("close", a.column("close")).column("open", a.column("open")).build();
        Map<String, Bars> symbols = new LinkedHashMap<>();
        symbols.put("AAA", a);
        symbols.put("BBB", b);
        Map<String, PlanResult> out = new BlockExecutor(plan()).runAll(symbols);
        assertArrayEquals(a.times(), out.get("AAA").get("fast").times());
        assertArrayEquals(shifted, out.get("BBB").get("fast").times());
    }

    @Test
    void barsWithoutTimesGiveResultsWithoutTimes() {
        PlanResult r = Plan.compile("sma(close, 5)").run(bars(false));
        assertFalse(r.hasTime());
        assertNull(r.times());
        assertFalse(r.value().hasTime());
        assertNull(r.value().times());
        assertEquals("plan result: it has no timestamps (the bars it was computed from had none)",
                assertThrows(ShapeMismatchException.class, () -> r.time(0)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> r.value().time(0));
        PlanResult timed = Plan.compile("sma(close, 5)").run(bars(true));
        assertEquals("plan result: bar 300 is outside the result (bars 0 to 299, length 300)",
                assertThrows(ShapeMismatchException.class, () -> timed.time(N)).getMessage());
        assertThrows(ShapeMismatchException.class, () -> timed.time(-1));
    }

    @Test
    void aStreamTellsTheTimeOfItsValues() {
        Bars bars = bars(true);
        Plan plan = plan();
        PlanStream s = plan.stream();
        assertFalse(s.hasTime());
        assertEquals("plan: no bar yet; call update(time, bar) first", assertThrows(StreamStateException.class, s::time).getMessage());
        PlanResult batch = plan.run(bars);
        List<String> columns = s.columns();
        for (int i = 0; i < N; i++) {
            double[] bar = new double[columns.size()];
            for (int c = 0; c < bar.length; c++) {
                bar[c] = bars.column(columns.get(c))[i];
            }
            if (i > 0 && i % 10 == 0) {
                s.preview(bars.time(i), bar);
                assertEquals(bars.time(i), s.time(), "the previewed bar's time");
                s.replaceLast(bar);
                assertEquals(bars.time(i - 1), s.time(), "replaceLast revises the last committed bar, whose time it keeps");
            }
            s.update(bars.time(i), bar);
            assertTrue(s.hasTime());
            assertEquals(batch.time(i), s.time());
        }
        PlanStream restored = plan.stream();
        restored.restore(PlanSnapshot.fromBytes(s.snapshot().toBytes()));
        assertEquals(bars.time(N - 1), restored.time(), "a plan that reads time keeps its clock in the snapshot");
        restored.reset();
        assertFalse(restored.hasTime());
    }

    @Test
    void aStreamFedWithoutTimesHasNone() {
        PlanStream s = Plan.compile("sma(close, 3)").stream();
        s.update(1.0);
        assertFalse(s.hasTime());
        assertEquals("plan: the current values carry no time; give each bar's close time with update(time, bar)",
                assertThrows(StreamStateException.class, s::time).getMessage());
        s.update(5_000L, 2.0);
        assertEquals(5_000L, s.time());
        PlanStream restored = Plan.compile("sma(close, 3)").stream();
        restored.restore(s.snapshot());
        assertFalse(restored.hasTime(), "a plan that does not read time keeps no clock in its snapshot (the format is unchanged)");
        restored.update(6_000L, 3.0);
        assertEquals(6_000L, restored.time());
    }
}
