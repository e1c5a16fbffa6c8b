package io.ta.runtime.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.error.StreamStateException;
import io.ta.runtime.Bars;
import io.ta.runtime.Plan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An event stream refuses what would make it differ from the batch (a bar before one of its events, bar times that do
 * not ascend) and, when it refuses, keeps the open bar's events; its snapshots restore exactly over every time and are
 * refused whole.
 */
class SourceStreamRefusalTest {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    /** A bar the stream or its plan refuses used to close the open bar's aggregates anyway: the trade was lost. */
    @Test
    void aRefusedBarKeepsItsEvents() {
        Plan plan = Plan.compile("trades.sum(amount) + close@1h");
        SourceStream s = new SourceStream(plan);
        s.update(HOUR, 1.0);
        s.event("trades", HOUR + 500, 10.0, 5.0, 0);
        assertThrows(StreamStateException.class, () -> s.update(HOUR, 2.0)); // not after the last bar
        s.update(2 * HOUR, 2.0);
        assertEquals(5.0 + 2.0, s.value());

        SourceStream t = new SourceStream(Plan.compile("trades.sum(amount) + close@1d"));
        t.update(Long.MAX_VALUE - 5 * DAY, 1.0);
        t.event("trades", Long.MAX_VALUE - 1_000, 10.0, 5.0, 0);
        SourceStream.Snapshot before = t.snapshot();
        // The plan refuses this bar (its day ends past the largest timestamp); the trade stays in the open bar.
        assertThrows(ShapeMismatchException.class, () -> t.update(Long.MAX_VALUE - 1_000, 2.0));
        SourceStream.Snapshot after = t.snapshot();
        assertEquals(true, java.util.Arrays.deepEquals(before.accumulators(), after.accumulators()));
        assertArrayEquals(before.plan().toBytes(), after.plan().toBytes());
        assertEquals(before.last(), after.last());
    }

    /**
     * ETH's bar closing at 150 arrived before the primary bar at 100 closed: the stream showed it at 100 (20 where the
     * batch has 10). A bar closing before one of its events is refused, and closing it after the event is the batch.
     */
    @Test
    void aBarBeforeOneOfItsEventsIsRefused() {
        Plan plan = Plan.compile("ETH.close");
        SourceStream s = new SourceStream(plan);
        s.event("ETH.bars", 90, 1, 1, 1, 10.0, 1);
        s.event("ETH.bars", 150, 1, 1, 1, 20.0, 1);
        StreamStateException e = assertThrows(StreamStateException.class, () -> s.update(100));
        assertEquals(true, e.getMessage().contains("event at 150"), e.getMessage());
        s.update(150);
        s.update(200);
        Events bars = Events.builder(SourceType.BARS).add(90, 1, 1, 1, 10.0, 1).add(150, 1, 1, 1, 20.0, 1).build();
        Bars b = Sources.attach(Bars.builder().time(new long[] {150, 200}).build(), Map.of("ETH.bars", bars),
                plan.columns());
        assertArrayEquals(new double[] {20, 20}, plan.run(b).value().toArray());
        assertEquals(20.0, s.value());
    }

    /** Bar times that go back were accepted by a plan that reads no time, and events went into closed bars. */
    @Test
    void barTimesAscendWhateverThePlanReads() {
        SourceStream s = new SourceStream(Plan.compile("trades.count"));
        s.update(1_000);
        assertThrows(StreamStateException.class, () -> s.update(500));
        assertThrows(StreamStateException.class, () -> s.update(1_000));
        assertThrows(StreamStateException.class, () -> s.event("trades", 700, 1, 1, 0));
        s.event("trades", 1_200, 1, 1, 0);
        s.update(1_300);
        assertEquals(1.0, s.value());
    }

    /** A time above 2⁵³ ms was kept as a double in the snapshot: restored, the stream took a later event for first. */
    @Test
    void snapshotsKeepEveryTimeExactly() {
        for (long base : new long[] {1L << 53, Long.MAX_VALUE - 100, Long.MIN_VALUE + 20, -12_345_678_901L}) {
            Plan plan = Plan.compile("trades.last(price) * 1000 + trades.first(price)");
            SourceStream s = new SourceStream(plan);
            s.update(base - 10);
            s.event("trades", base + 1, 111.0, 1.0, 0);
            SourceStream.Snapshot snap = s.snapshot();
            s.event("trades", base, 222.0, 1.0, 0);
            s.update(base + 10);
            SourceStream r = new SourceStream(plan);
            r.restore(snap);
            r.event("trades", base, 222.0, 1.0, 0);
            r.update(base + 10);
            assertEquals(111_000.0 + 222.0, s.value(), "at " + base);
            assertEquals(s.value(), r.value(), "restored, at " + base);
        }
    }

    /**
     * An event at either end of the range of times is an event: the only trade of a bar at {@code Long.MAX_VALUE} was
     * never its first (first(price) read NaN, in batch and stream, where last read it), as the search for the earliest
     * started from that time.
     */
    @Test
    void eventsAtTheEndsOfTheRangeOfTimesAreFirstAndLast() {
        Plan plan = Plan.compile(Map.of("first", "trades.first(price)", "last", "trades.last(price)"),
                io.ta.runtime.Registry.standard());
        long[] times = {Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        Events events = Events.builder(SourceType.TRADES).add(Long.MIN_VALUE, 5.0, 1.0, 0)
                .add(Long.MAX_VALUE - 1, 6.0, 1.0, 0).add(Long.MAX_VALUE, 7.0, 1.0, 0).build();
        Bars bars = Bars.builder().time(times).column("close", new double[] {1, 2, 3})
                .build();
        io.ta.runtime.PlanResult batch = plan.run(Sources.attach(bars, Map.of("trades", events),
                plan.columns()));
        assertArrayEquals(new double[] {5, 6, 7}, batch.get("first").toArray());
        assertArrayEquals(new double[] {5, 6, 7}, batch.get("last").toArray());
        SourceStream s = new SourceStream(plan);
        for (int i = 0; i < times.length; i++) {
            s.event("trades", times[i], 5.0 + i, 1.0, 0);
            s.update(times[i]);
            assertEquals(5.0 + i, s.value("first"), "at " + times[i]);
            assertEquals(5.0 + i, s.value("last"), "at " + times[i]);
        }
    }

    /**
     * A last-bar time no stream holds with the rest of its snapshot was restored: set back from 20 to 0 in a plan
     * whose clock says 20, it let an event at 12 into the open bar after the bar at 20 had closed.
     */
    @Test
    void aForgedLastBarTimeIsRefused() {
        Plan plan = Plan.compile("trades.sum(amount) + trades.count + close");
        SourceStream s = new SourceStream(plan);
        s.event("trades", 5, 100, 1, 0);
        s.update(10, 1.0);
        s.event("trades", 15, 100, 2, 0);
        s.update(20, 1.0);
        SourceStream.Snapshot good = s.snapshot();
        SourceStream empty = new SourceStream(plan);
        assertThrows(CorruptSnapshotException.class, () -> empty.restore(
                new SourceStream.Snapshot(empty.snapshot().plan(), empty.snapshot().accumulators(), 20)));
        s.event("trades", 25, 100, 4, 0);
        SourceStream.Snapshot open = s.snapshot();
        var e = assertThrows(CorruptSnapshotException.class, () -> new SourceStream(plan).restore(
                new SourceStream.Snapshot(open.plan(), open.accumulators(), 30)));
        assertEquals("source_stream: corrupt snapshot: the open bar holds an event at 25, but the last closed bar's time "
                + "is 30 (its events come after it)", e.getMessage());
        // a plan with a timeframe keeps a clock: the time is held to it even with no event open
        Plan timed = Plan.compile("trades.sum(amount)@2 + close");
        SourceStream t = new SourceStream(timed);
        t.event("trades", 5, 100, 1, 0);
        t.update(10, 1.0);
        t.update(20, 1.0);
        SourceStream.Snapshot clocked = t.snapshot();
        var c = assertThrows(CorruptSnapshotException.class, () -> new SourceStream(timed).restore(
                new SourceStream.Snapshot(clocked.plan(), clocked.accumulators(), 0)));
        assertEquals("source_stream: corrupt snapshot: the last closed bar's time is 0, the plan's clock says 20",
                c.getMessage());
        SourceStream back = new SourceStream(timed);
        back.restore(clocked);
        assertThrows(StreamStateException.class, () -> back.event("trades", 12, 100, 8, 0));
        new SourceStream(plan).restore(good);
    }

    /** A snapshot with one bad aggregate state had restored the plan before it was refused. */
    @Test
    void aRefusedSnapshotChangesNothing() {
        Plan plan = Plan.compile("trades.sum(amount) + trades.count");
        SourceStream later = new SourceStream(plan);
        for (int t = 1; t <= 20; t++) {
            later.event("trades", t * 10L - 1, 1.0, 2.0, 0);
            later.update(t * 10L);
        }
        SourceStream.Snapshot good = later.snapshot();
        double[][] accumulators = good.accumulators().clone();
        accumulators[1] = new double[] {-1};
        SourceStream.Snapshot bad = new SourceStream.Snapshot(good.plan(), accumulators, good.last());
        SourceStream s = new SourceStream(plan);
        s.event("trades", 5, 1.0, 7.0, 0);
        s.update(10);
        assertThrows(SnapshotMismatchException.class, () -> s.restore(bad));
        assertEquals(8.0, s.value());
        s.event("trades", 15, 1.0, 4.0, 0); // still at bar 10: an event at 15 is in its open bar
        s.update(20);
        assertEquals(5.0, s.value());
    }
}
