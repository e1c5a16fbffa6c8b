package io.ta.flink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import java.io.IOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan state in Flink's state backends: a messy {@link Feed} through the operator harness equals the batch run,
 * with the revisions and late bars the feed predicts; snapshots taken anywhere restore into a fresh operator (heap and
 * RocksDB backends) and continue exactly like the uninterrupted run; the serializer's formats and its refusal of
 * another plan's state.
 */
class PlanStateTest {
    static final Map<String, String> EXPRESSIONS = TaPlanFunctionTest.EXPRESSIONS;
    static final PlanSpec SPEC = TaPlanFunctionTest.SPEC;
    static final TestMarket MARKET = TestMarket.of(5, 400, 11);
    static final Feed FEED = Feed.of("plan-state-test", MARKET, 5, 0.03, 0.02);

    static Stream<Arguments> backends() {
        return Stream.of(Arguments.of("heap", (BackendFactory) HashMapStateBackend::new),
                Arguments.of("rocksdb", (BackendFactory) EmbeddedRocksDBStateBackend::new));
    }

    interface BackendFactory {
        StateBackend create();
    }

    /** Drives events [from, to) of the feed with its punctuated watermarks; returns the watermark reached. */
    static long drive(Harness h, List<Bar> events, int from, int to, long max) throws Exception {
        for (int n = from; n < to; n++) {
            Bar b = events.get(n);
            h.send(b);
            long next = Math.max(max, b.time());
            if (next > max) {
                max = next;
                h.watermark(max - Feed.BOUND - 1);
            }
        }
        return max;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aMessyFeedGivesTheBatchResultsWithThePredictedRevisionsAndLateBars(String name, BackendFactory backend)
            throws Exception {
        List<Bar> events = FEED.bars();
        try (Harness h = new Harness(SPEC, TaPlanFunction.Ordering.EVENT_TIME, backend.create(), null)) {
            drive(h, events, 0, events.size(), Long.MIN_VALUE);
            h.watermark(Long.MAX_VALUE);
            List<TaResult> out = h.take();
            assertTrue(FEED.revisions > 10 && FEED.bufferedRevisions > 10 && FEED.late.size() > 10,
                    "the feed exercises every path: " + FEED.revisions + " revisions, " + FEED.bufferedRevisions
                            + " buffered, " + FEED.late.size() + " late");
            assertEquals(FEED.revisions, new Expected(MARKET, EXPRESSIONS).check(out), "revisions");
            assertEquals(FEED.late, h.late(), "late bars");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aSnapshotAnywhereRestoresIntoAFreshOperatorThatContinuesExactly(String name, BackendFactory backend) throws Exception {
        List<Bar> events = FEED.bars();
        List<TaResult> uninterrupted;
        try (Harness h = new Harness(SPEC, TaPlanFunction.Ordering.EVENT_TIME, backend.create(), null)) {
            drive(h, events, 0, events.size(), Long.MIN_VALUE);
            h.watermark(Long.MAX_VALUE);
            uninterrupted = h.take();
        }
        for (int cut : new int[] {1, 37, events.size() / 3, events.size() / 2 + 1, events.size() - 5}) {
            List<TaResult> out = new ArrayList<>();
            OperatorSubtaskState state;
            long max;
            try (Harness first = new Harness(SPEC, TaPlanFunction.Ordering.EVENT_TIME, backend.create(), null)) {
                max = drive(first, events, 0, cut, Long.MIN_VALUE);
                out.addAll(first.take());
                state = first.snapshot(1);
            }
            try (Harness second = new Harness(SPEC, TaPlanFunction.Ordering.EVENT_TIME, backend.create(), state)) {
                // The restored operator has its buffered bars and timers; watermarks resume with the feed.
                drive(second, events, cut, events.size(), max);
                second.watermark(Long.MAX_VALUE);
                out.addAll(second.take());
            }
            assertEquals(uninterrupted, out, "snapshot after event " + cut);
        }
    }

    @Test
    void stateOfAnotherComputationIsRefusedNamingBothPlans() throws Exception {
        OperatorSubtaskState state;
        try (Harness h = new Harness(SPEC)) {
            h.send(MARKET.bar(0, 0), MARKET.bar(0, 1));
            h.watermark(TestMarket.time(0));
            state = h.snapshot(1);
        }
        Map<String, String> other = new LinkedHashMap<>(EXPRESSIONS);
        other.put("ema", "ema(close, 4)");
        PlanSpec otherSpec = PlanSpec.of(other);
        Exception e = assertThrows(Exception.class,
                () -> new Harness(otherSpec, TaPlanFunction.Ordering.EVENT_TIME, null, state).close());
        String all = causes(e);
        assertTrue(all.contains("ema=ema(close, 3)") && all.contains("ema=ema(close, 4)"), all);
    }

    @Test
    void theSameComputationSpelledDifferentlyRestores() throws Exception {
        OperatorSubtaskState state;
        Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
        try (Harness h = new Harness(SPEC)) {
            for (int i = 0; i < 10; i++) {
                h.send(MARKET.bar(0, i));
                ref.update(MARKET.bar(0, i));
            }
            h.watermark(TestMarket.time(9));
            state = h.snapshot(1);
        }
        Map<String, String> respelled = new LinkedHashMap<>();
        respelled.put("ema", "ema(period=3)  # the same ema");
        respelled.put("atr", "atr(period = 3)");
        respelled.put("up", "close>sma(close , period=4)");
        respelled.put("range", "(high-low)/open");
        respelled.put("vol", "rolling_mean(volume, 2)");
        PlanSpec same = PlanSpec.of(respelled);
        assertEquals(SPEC.fingerprint(), same.fingerprint());
        try (Harness h = new Harness(same, TaPlanFunction.Ordering.EVENT_TIME, null, state)) {
            h.send(MARKET.bar(0, 10));
            h.watermark(TestMarket.time(10));
            assertArrayEquals(ref.update(MARKET.bar(0, 10)), h.take().get(0).values());
        }
    }

    private static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }

    @Test
    void aStateValueRoundTripsAndCopiesAreIndependent() throws Exception {
        PlanStateSerializer serializer = new PlanStateSerializer(SPEC);
        CompiledPlan plan = SPEC.compiled();
        PlanState st = serializer.createInstance();
        Harness.Reference ref = new Harness.Reference(EXPRESSIONS);
        double[] row = new double[plan.columnCount()];
        for (int i = 0; i < 30; i++) {
            plan.columns(MARKET.bar(1, i), row);
            st.update(MARKET.bar(1, i).time(), row);
            ref.update(MARKET.bar(1, i));
        }
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(st, out);
        PlanState back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        PlanState copy = serializer.copy(st);
        DataOutputSerializer raw = new DataOutputSerializer(64);
        serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), raw);
        PlanState copied = serializer.deserialize(new DataInputDeserializer(raw.getCopyOfBuffer()));
        assertEquals(30, back.count());
        assertEquals(MARKET.bar(1, 29).time(), back.lastTime());
        plan.columns(MARKET.bar(1, 30), row);
        st.update(MARKET.bar(1, 30).time(), row);
        double[] expected = ref.update(MARKET.bar(1, 30));
        assertArrayEquals(expected, st.values());
        for (PlanState other : List.of(back, copy, copied)) {
            assertEquals(30, other.count(), "a copy does not move with the original");
            other.update(MARKET.bar(1, 30).time(), row);
            assertArrayEquals(expected, other.values());
        }
    }

    /**
     * What the heap backend does during an asynchronous checkpoint: its thread serializes a key's state while the task
     * thread, about to change that key, copies the same object. Both only read it, so both must see it whole — a
     * snapshot that stepped kernels back and forth gave the copy a half-stepped state, and the job computed wrong
     * numbers from then on (a FlinkClusterTest recovery run caught it as an rsi off by 1.8).
     */
    @Test
    void serializingAndCopyingOneStateAtOnceBothSeeItWhole() throws Exception {
        PlanStateSerializer serializer = new PlanStateSerializer(SPEC);
        CompiledPlan plan = SPEC.compiled();
        PlanState st = serializer.createInstance();
        double[] row = new double[plan.columnCount()];
        for (int i = 0; i < 60; i++) {
            plan.columns(MARKET.bar(2, i), row);
            st.update(MARKET.bar(2, i).time(), row);
        }
        DataOutputSerializer alone = new DataOutputSerializer(256);
        serializer.serialize(st, alone);
        byte[] reference = alone.getCopyOfBuffer();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> checkpoint = pool.submit(() -> {
                start.await();
                int bad = 0;
                for (int i = 0; i < 300; i++) {
                    DataOutputSerializer out = new DataOutputSerializer(256);
                    serializer.serialize(st, out);
                    bad += Arrays.equals(reference, out.getCopyOfBuffer()) ? 0 : 1;
                }
                return bad;
            });
            Future<Integer> task = pool.submit(() -> {
                start.await();
                int bad = 0;
                for (int i = 0; i < 300; i++) {
                    DataOutputSerializer out = new DataOutputSerializer(256);
                    serializer.serialize(serializer.copy(st), out);
                    bad += Arrays.equals(reference, out.getCopyOfBuffer()) ? 0 : 1;
                }
                return bad;
            });
            assertEquals(0, checkpoint.get(), "checkpoints that differ from the state serialized alone");
            assertEquals(0, task.get(), "copies that differ from the state serialized alone");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void corruptStateIsATypedErrorNotAGuess() throws Exception {
        PlanStateSerializer serializer = new PlanStateSerializer(SPEC);
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeLong(0);
        out.writeInt(-1);
        assertThrows(IOException.class, () -> serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
        DataOutputSerializer garbage = new DataOutputSerializer(64);
        garbage.writeLong(0);
        garbage.writeInt(8);
        garbage.writeLong(42);
        assertThrows(SnapshotMismatchException.class,
                () -> serializer.deserialize(new DataInputDeserializer(garbage.getCopyOfBuffer())));
    }

    /**
     * The last committed timestamp is written beside the plan snapshot, outside its checksum. A plan that reads time
     * keeps that time in its snapshot too, so a damaged copy is refused on restore: one set back let bars the plan had
     * passed reach it (the task then failed on an "update ... is not after the last committed bar"), one set ahead
     * sent every following bar to the late output.
     */
    @Test
    void aDamagedLastTimeOfAPlanThatReadsTimeIsRefusedOnRestore() throws Exception {
        PlanSpec spec = PlanSpec.of(Map.of("hourClose", "close@1h"));
        PlanStateSerializer serializer = new PlanStateSerializer(spec);
        CompiledPlan plan = spec.compiled();
        PlanState st = serializer.createInstance();
        double[] row = new double[plan.columnCount()];
        for (int i = 0; i < 10; i++) {
            plan.columns(MARKET.bar(0, i), row);
            st.update(MARKET.bar(0, i).time(), row);
        }
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(st, out);
        byte[] good = out.getCopyOfBuffer();
        assertEquals(MARKET.bar(0, 9).time(), serializer.deserialize(new DataInputDeserializer(good)).lastTime());
        for (int bar : new int[] {5, 12}) {
            byte[] bad = good.clone();
            DataOutputSerializer time = new DataOutputSerializer(8);
            time.writeLong(MARKET.bar(0, bar).time());
            System.arraycopy(time.getCopyOfBuffer(), 0, bad, 0, 8);
            CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
                    () -> serializer.deserialize(new DataInputDeserializer(bad)));
            assertEquals("ta_flink: corrupt plan state: the last committed bar closed at " + MARKET.bar(0, bar).time()
                    + " ms, the plan's clock says " + MARKET.bar(0, 9).time() + " ms", e.getMessage());
        }
    }

    @Test
    void theConfigurationSnapshotRecordsThePlanAndDecidesCompatibilityByFingerprint() throws Exception {
        PlanStateSerializer serializer = new PlanStateSerializer(SPEC);
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<PlanState> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        PlanStateSerializer restored = assertInstanceOf(PlanStateSerializer.class, read.restoreSerializer());
        assertEquals(SPEC.expressions(), restored.spec().expressions());
        assertEquals(serializer, restored);
        assertTrue(serializer.snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs());
        PlanStateSerializer other = new PlanStateSerializer(PlanSpec.of("ema(close, 3)"));
        assertNotEquals(serializer, other);
        assertTrue(other.snapshotConfiguration().resolveSchemaCompatibility(read).isIncompatible());

        PlanStateSerializer.Snapshot future = new PlanStateSerializer.Snapshot();
        IOException e = assertThrows(IOException.class, () -> future.readSnapshot(PlanStateSerializer.Snapshot.VERSION + 1,
                new DataInputDeserializer(new byte[16]), getClass().getClassLoader()));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void theZoneTravelsWithTheStateAndStateOfAnotherZoneIsRefused() throws Exception {
        Map<String, String> session = Map.of("opening", "session_start('1d')");
        PlanSpec utc = PlanSpec.of(session);
        PlanSpec sydney = utc.inZone(ZoneId.of("Australia/Sydney"));
        assertEquals(ZoneOffset.UTC, utc.zone());
        assertNotEquals(utc, sydney);
        assertNotEquals(utc.fingerprint(), sydney.fingerprint(), "a plan reading time is another plan in another zone");
        assertTrue(sydney.toString().contains(" in Australia/Sydney}"), sydney.toString());

        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, new PlanStateSerializer(sydney).snapshotConfiguration());
        TypeSerializerSnapshot<PlanState> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());
        PlanStateSerializer restored = assertInstanceOf(PlanStateSerializer.class, read.restoreSerializer());
        assertEquals(sydney, restored.spec());
        assertEquals(sydney.fingerprint(), restored.spec().fingerprint());
        assertTrue(new PlanStateSerializer(sydney).snapshotConfiguration().resolveSchemaCompatibility(read).isCompatibleAsIs());
        assertTrue(new PlanStateSerializer(utc).snapshotConfiguration().resolveSchemaCompatibility(read).isIncompatible());

        // Version 1, written before specs had a zone: fingerprint, then the expressions; it meant UTC.
        DataOutputSerializer v1 = new DataOutputSerializer(64);
        v1.writeLong(utc.fingerprint());
        v1.writeInt(1);
        for (String text : List.of("opening", "session_start('1d')")) {
            byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            v1.writeInt(b.length);
            v1.write(b);
        }
        PlanStateSerializer.Snapshot old = new PlanStateSerializer.Snapshot();
        old.readSnapshot(1, new DataInputDeserializer(v1.getCopyOfBuffer()), getClass().getClassLoader());
        assertEquals(utc, assertInstanceOf(PlanStateSerializer.class, old.restoreSerializer()).spec());
        assertTrue(new PlanStateSerializer(utc).snapshotConfiguration().resolveSchemaCompatibility(old).isCompatibleAsIs());
        assertTrue(new PlanStateSerializer(sydney).snapshotConfiguration().resolveSchemaCompatibility(old).isIncompatible());
    }
}
