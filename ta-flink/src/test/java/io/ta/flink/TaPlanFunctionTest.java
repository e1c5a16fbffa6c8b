package io.ta.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.flink.TaResult.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.junit.jupiter.api.Test;

/**
 * The event-time policy of {@link TaPlanFunction}, one rule per test, in Flink's operator harness: every emitted value
 * is compared bit for bit with the runtime's {@code PlanStream} driven by hand with the bars the policy should commit,
 * revise or preview.
 */
class TaPlanFunctionTest {
    static final Map<String, String> EXPRESSIONS = new LinkedHashMap<>();

    static {
        EXPRESSIONS.put("ema", "ema(close, 3)");
        EXPRESSIONS.put("atr", "atr(period=3)");
        EXPRESSIONS.put("up", "close > sma(close, 4)");
        EXPRESSIONS.put("range", "(high - low) / open");
        EXPRESSIONS.put("vol", "sma(volume, 2)");
    }

    static final PlanSpec SPEC = PlanSpec.of(EXPRESSIONS);
    static final TestMarket M = TestMarket.of(3, 200, 7);

    static Bar bar(int i) {
        return M.bar(0, i);
    }

    static long t(int i) {
        return TestMarket.time(i);
    }

    static void assertResult(TaResult r, Kind kind, Bar bar, double[] expected) {
        assertEquals(bar.symbol(), r.symbol(), "symbol");
        assertEquals(bar.time(), r.time(), "time");
        assertEquals(kind, r.kind(), "kind");
        assertArrayEquals(expected, r.values(), () -> r + " at bar " + TestMarket.index(r.time()));
    }

    /** Commits bars from..to-1 of S000 in order, checking each against the reference. */
    static void commit(Harness h, Harness.Reference ref, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            h.send(bar(i));
            h.watermark(t(i));
            List<TaResult> out = h.take();
            assertEquals(1, out.size(), "one result for bar " + i);
            assertResult(out.get(0), Kind.BAR, bar(i), ref.update(bar(i)));
        }
    }

    @Test
    void closedBarsWaitForTheWatermarkThenMatchThePlanStream() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            for (int i = 0; i < 60; i++) {
                h.send(bar(i));
                h.watermark(t(i) - 1);
                assertEquals(List.of(), h.take(), "bar " + i + " is held until the watermark passes it");
                h.watermark(t(i));
                List<TaResult> out = h.take();
                assertEquals(1, out.size());
                assertResult(out.get(0), Kind.BAR, bar(i), ref.update(bar(i)));
            }
            assertEquals(List.of(), h.late());
        }
    }

    @Test
    void outOfOrderBarsAreCommittedInTimestampOrder() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            int[] arrival = {3, 1, 0, 2, 7, 5, 4, 6};
            for (int k = 0; k < 4; k++) {
                h.send(bar(arrival[k]));
            }
            h.watermark(t(3));
            for (int k = 4; k < 8; k++) {
                h.send(bar(arrival[k]));
            }
            h.watermark(t(5));
            h.watermark(t(7));
            List<TaResult> out = h.take();
            assertEquals(8, out.size());
            for (int i = 0; i < 8; i++) {
                assertResult(out.get(i), Kind.BAR, bar(i), ref.update(bar(i)));
            }
        }
    }

    @Test
    void aWaitingBarIsReplacedByALaterArrivalWithTheSameTimestamp() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            h.send(M.wrong(0, 0), bar(1), M.wrong(0, 0), bar(0));
            h.watermark(t(1));
            List<TaResult> out = h.take();
            assertEquals(2, out.size(), "one result per timestamp: the latest arrival");
            assertResult(out.get(0), Kind.BAR, bar(0), ref.update(bar(0)));
            assertResult(out.get(1), Kind.BAR, bar(1), ref.update(bar(1)));
        }
    }

    @Test
    void aClosedBarWithTheLastCommittedTimestampIsARevision() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            commit(h, ref, 0, 5);
            Bar wrong = M.wrong(0, 5);
            h.send(wrong);
            h.watermark(t(5));
            assertResult(h.take().get(0), Kind.BAR, wrong, ref.update(wrong));
            h.send(wrong, bar(5));
            List<TaResult> out = h.take();
            assertEquals(2, out.size(), "every revision is applied and emitted");
            assertResult(out.get(0), Kind.REVISION, wrong, ref.replaceLast(wrong));
            assertResult(out.get(1), Kind.REVISION, bar(5), ref.replaceLast(bar(5)));
            h.send(bar(6));
            h.watermark(t(6));
            Harness.Reference clean = new Harness.Reference(EXPRESSIONS);
            for (int i = 0; i < 6; i++) {
                clean.update(bar(i));
            }
            double[] expected = clean.update(bar(6));
            assertArrayEquals(expected, ref.update(bar(6)), "the revised history equals the corrected one");
            assertResult(h.take().get(0), Kind.BAR, bar(6), expected);
        }
    }

    @Test
    void aBarOlderThanTheLastCommittedOneIsLateAndChangesNothing() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            commit(h, ref, 0, 6);
            Bar late = M.wrong(0, 2);
            Bar lateForming = M.wrong(0, 5).asForming();
            h.send(late, lateForming);
            assertEquals(List.of(), h.take());
            assertEquals(List.of(late, lateForming), h.late(), "a forming bar for a committed period is late too");
            commit(h, ref, 6, 9);
        }
    }

    @Test
    void aBarBehindTheWatermarkButNewerThanTheLastIsCommittedAtOnce() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            h.watermark(t(10));
            h.send(bar(0));
            assertResult(h.take().get(0), Kind.BAR, bar(0), ref.update(bar(0)));
            h.send(bar(2));
            assertResult(h.take().get(0), Kind.BAR, bar(2), ref.update(bar(2)));
            h.send(bar(1));
            assertEquals(List.of(), h.take());
            assertEquals(List.of(bar(1)), h.late(), "never reorders history");
            h.send(bar(12));
            assertEquals(List.of(), h.take(), "ahead of the watermark: waits");
            h.watermark(t(12));
            assertResult(h.take().get(0), Kind.BAR, bar(12), ref.update(bar(12)));
        }
    }

    @Test
    void aFormingBarIsPreviewedAtOnceWhenNoClosedBarWaitsAndNeverCommitted() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            commit(h, ref, 0, 5);
            for (double f : new double[] {0.999, 1.003, 1.0}) {
                Bar tick = new Bar("S000", t(5), bar(5).open(), bar(5).high(), bar(5).low(), bar(5).close() * f, 10, true);
                h.send(tick);
                assertResult(h.take().get(0), Kind.PREVIEW, tick, ref.preview(tick));
            }
            commit(h, ref, 5, 8);
        }
    }

    @Test
    void aFormingBarWaitsForEarlierClosedBarsAndTheNewestTickWins() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            commit(h, ref, 0, 4);
            Bar first = bar(5).asForming();
            Bar newest = M.wrong(0, 5).asForming();
            h.send(bar(4), first, newest);
            assertEquals(List.of(), h.take(), "bar 4 is not committed yet, so a preview would miss it");
            h.watermark(t(4));
            List<TaResult> out = h.take();
            assertEquals(2, out.size());
            assertResult(out.get(0), Kind.BAR, bar(4), ref.update(bar(4)));
            assertResult(out.get(1), Kind.PREVIEW, newest, ref.preview(newest));
            commit(h, ref, 5, 7);
        }
    }

    @Test
    void aHeldFormingBarIsSupersededByTheClosedBarOfItsPeriod() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            commit(h, ref, 0, 4);
            h.send(bar(4), bar(5).asForming(), bar(5));
            h.watermark(t(5));
            List<TaResult> out = h.take();
            assertEquals(2, out.size(), "no preview of a period that has closed");
            assertResult(out.get(0), Kind.BAR, bar(4), ref.update(bar(4)));
            assertResult(out.get(1), Kind.BAR, bar(5), ref.update(bar(5)));
            h.send(bar(7).asForming());
            assertResult(h.take().get(0), Kind.PREVIEW, bar(7), ref.preview(bar(7)));
        }
    }

    @Test
    void aLiveFeedPreviewsEveryTickOfTheFormingBar() throws Exception {
        // The usual live shape: watermark = newest timestamp - 1, closed bars followed by ticks of the next period.
        try (Harness h = new Harness(SPEC)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            long max = Long.MIN_VALUE;
            for (int i = 0; i < 40; i++) {
                List<TaResult> out = new ArrayList<>();
                for (int tick = 0; tick < 3; tick++) {
                    Bar b = new Bar("S000", t(i), bar(i).open(), bar(i).high(), bar(i).low(), bar(i).close() * (1 + tick * 1e-4),
                            tick, true);
                    h.send(b);
                    max = Math.max(max, b.time());
                    h.watermark(max - 1);
                    out.addAll(h.take());
                    if (i > 0 && tick == 0) {
                        assertResult(out.get(0), Kind.BAR, bar(i - 1), ref.update(bar(i - 1)));
                        out.remove(0);
                    }
                    assertEquals(1, out.size(), "tick " + tick + " of bar " + i);
                    assertResult(out.remove(0), Kind.PREVIEW, b, ref.preview(b));
                }
                h.send(bar(i));
                assertEquals(List.of(), h.take());
            }
        }
    }

    @Test
    void arrivalOrderAppliesBarsAsTheyComeWithoutWatermarks() throws Exception {
        try (Harness h = new Harness(SPEC, TaPlanFunction.Ordering.ARRIVAL, null, null)) {
            Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
            for (int i = 0; i < 20; i++) {
                h.send(bar(i));
                assertResult(h.take().get(0), Kind.BAR, bar(i), ref.update(bar(i)));
            }
            h.send(bar(20).asForming());
            assertResult(h.take().get(0), Kind.PREVIEW, bar(20), ref.preview(bar(20)));
            h.send(bar(18));
            assertEquals(List.of(bar(18)), h.late());
            h.send(M.wrong(0, 19));
            assertResult(h.take().get(0), Kind.REVISION, M.wrong(0, 19), ref.replaceLast(M.wrong(0, 19)));
            h.send(bar(19));
            assertResult(h.take().get(0), Kind.REVISION, bar(19), ref.replaceLast(bar(19)));
            h.send(bar(22));
            assertResult(h.take().get(0), Kind.BAR, bar(22), ref.update(bar(22)));
        }
    }

    /**
     * A feed found to be in order switches to {@code ARRIVAL} and resumes from the {@code EVENT_TIME} job's savepoint:
     * the bars that job left waiting for the watermark arrived before anything the new job sees, so they are committed
     * first, in timestamp order, and its held tick previewed on them, as the watermark would have — not behind newer
     * bars (the first watermark used to commit them after the bar that arrived, reordering history; a plan that reads
     * time then failed the task).
     */
    @Test
    void barsAnEventTimeRunLeftWaitingAreCommittedFirstWhenItsStateResumesInArrivalOrder() throws Exception {
        Map<String, String> expressions = new LinkedHashMap<>(EXPRESSIONS);
        expressions.put("hourClose", "close@1h");
        PlanSpec spec = PlanSpec.of(expressions);
        Harness.Reference ref = new Harness.Reference(spec);
        OperatorSubtaskState state;
        try (Harness h = new Harness(spec)) {
            commit(h, ref, 0, 10);
            h.send(bar(11), bar(12).asForming(), bar(10));
            assertEquals(List.of(), h.take(), "bars 10 and 11 wait for the watermark, the tick of 12 for them");
            state = h.snapshot(1);
        }
        try (Harness h = new Harness(spec, TaPlanFunction.Ordering.ARRIVAL, null, state)) {
            h.send(bar(12));
            h.watermark(t(20));
            List<TaResult> out = h.take();
            assertEquals(4, out.size(), out::toString);
            assertResult(out.get(0), Kind.BAR, bar(10), ref.update(bar(10)));
            assertResult(out.get(1), Kind.BAR, bar(11), ref.update(bar(11)));
            assertResult(out.get(2), Kind.PREVIEW, bar(12), ref.preview(bar(12).asForming()));
            assertResult(out.get(3), Kind.BAR, bar(12), ref.update(bar(12)));
            assertEquals(List.of(), h.late());
            h.send(bar(13));
            assertResult(h.take().get(0), Kind.BAR, bar(13), ref.update(bar(13)));
        }
    }

    @Test
    void keysAreIndependent() throws Exception {
        try (Harness h = new Harness(SPEC)) {
            List<Harness.Reference> refs = List.of(new Harness.Reference(EXPRESSIONS), new Harness.Reference(EXPRESSIONS),
                    new Harness.Reference(EXPRESSIONS));
            for (int i = 0; i < 50; i += 2) {
                h.send(M.bar(2, i + 1), M.bar(0, i), M.bar(1, i + 1), M.bar(2, i), M.bar(1, i), M.bar(0, i + 1));
                h.watermark(t(i + 1));
                List<TaResult> out = h.take();
                assertEquals(6, out.size());
                int[] seen = new int[3];
                for (TaResult r : out) {
                    int s = TestMarket.symbolIndex(r.symbol());
                    int idx = i + seen[s]++;
                    assertResult(r, Kind.BAR, M.bar(s, idx), refs.get(s).update(M.bar(s, idx)));
                }
            }
        }
    }

    @Test
    void aTimeAwarePlanGetsEachBarsOwnTimeInCommitsAndPreviews() throws Exception {
        Map<String, String> time = new LinkedHashMap<>();
        time.put("hourClose", "close@1h");
        time.put("dayHigh", "session_high('1d')");
        time.put("chg5m", "change(close, '5m')");
        PlanSpec spec = PlanSpec.of(time);
        // Bar 29 closes at 15:00 UTC, the end of the 14:00-15:00 hour: bars 0..28 are its forming part.
        assertEquals(0, t(29) % 3_600_000L);
        try (Harness h = new Harness(spec)) {
            Harness.Reference ref = new Harness.Reference(spec);
            commit(h, ref, 0, 29);
            Bar closing = bar(29).asForming();
            h.send(closing);
            List<TaResult> out = h.take();
            assertEquals(1, out.size());
            assertResult(out.get(0), Kind.PREVIEW, closing, ref.preview(closing));
            assertEquals(closing.close(), out.get(0).value(0), "a tick stamped at the hour's end shows that hour, closed by it");
            commit(h, ref, 29, 31);
            Bar next = bar(31).asForming();
            h.send(next);
            out = h.take();
            assertResult(out.get(0), Kind.PREVIEW, next, ref.preview(next));
            assertEquals(bar(29).close(), out.get(0).value(0), "the forming 15:00-16:00 hour is not shown");
        }
    }

    /**
     * On the heap backend the key's state is the live stream, previews included, and a checkpoint may come between
     * a tick and the next commit. A tick stamped at the end of an hour closes that hour in its preview; a checkpoint
     * taken then could not be read back ("Failed when trying to restore heap backend": "timeframe: corrupt snapshot
     * (shows 667.93…, its closed periods give 650.86…)"), nor copied, so the job could not recover from it. The
     * restored operator goes on as the uninterrupted one.
     */
    @Test
    void aCheckpointTakenAfterATickThatClosesAnHourRestores() throws Exception {
        Map<String, String> time = new LinkedHashMap<>();
        time.put("hourClose", "close@1h");
        time.put("hourSma", "sma(close, 2)@1h");
        time.put("ema", "ema(close, 3)");
        PlanSpec spec = PlanSpec.of(time);
        // Bars 29 and 89 close hours: the first hour is closed, the tick closes the second.
        assertEquals(0, t(89) % 3_600_000L);
        Harness.Reference ref = new Harness.Reference(spec);
        OperatorSubtaskState state;
        try (Harness h = new Harness(spec, TaPlanFunction.Ordering.EVENT_TIME, new HashMapStateBackend(), null)) {
            commit(h, ref, 0, 89);
            for (Bar tick : List.of(bar(89).asForming(), M.wrong(0, 89).asForming())) {
                h.send(tick);
                assertResult(h.take().get(0), Kind.PREVIEW, tick, ref.preview(tick));
            }
            state = h.snapshot(1);
        }
        try (Harness h = new Harness(spec, TaPlanFunction.Ordering.EVENT_TIME, new HashMapStateBackend(), state)) {
            commit(h, ref, 89, 155);
        }
    }

    /**
     * Times the plan refuses — a session or hour that would end past the range of a long — go to the refused output,
     * committed (at once, or when the watermark passes them) or previewed, and the key goes on as if they had never
     * come. Thrown, the error failed the task, and a restart replaying the bar failed it again.
     */
    @Test
    void barsWhoseTimeThePlanRefusesGoToTheRefusedOutputAndChangeNothing() throws Exception {
        Map<String, String> time = new LinkedHashMap<>();
        time.put("hourClose", "close@1h");
        time.put("dayHigh", "session_high('1d')");
        PlanSpec spec = PlanSpec.of(time);
        for (TaPlanFunction.Ordering ordering : TaPlanFunction.Ordering.values()) {
            try (Harness h = new Harness(spec, ordering, null, null)) {
                Harness.Reference ref = new Harness.Reference(spec);
                commit(h, ref, 0, 5);
                h.send(bar(5).asForming());
                assertResult(h.take().get(0), Kind.PREVIEW, bar(5), ref.preview(bar(5)));
                Bar sentinel = new Bar("S000", Long.MAX_VALUE - 1, 1, 2, 0.5, 1.5, 10, false);
                h.send(sentinel);
                commit(h, ref, 5, 8);
                h.send(sentinel.asForming());
                h.watermark(Long.MAX_VALUE);
                assertEquals(List.of(), h.take(), ordering.toString());
                assertEquals(List.of(sentinel, sentinel.asForming()), h.sideOutput(TaFlink.REFUSED),
                        ordering.toString());
                assertEquals(List.of(), h.late());
            }
        }
    }

    @Test
    void resultsNameTheirRootsThroughTheSpec() {
        assertEquals(List.of("ema", "atr", "up", "range", "vol"), SPEC.names());
        assertEquals(2, SPEC.indexOf("up"));
        assertTrue(SPEC.lookback() >= 3, SPEC.explain());
    }
}
