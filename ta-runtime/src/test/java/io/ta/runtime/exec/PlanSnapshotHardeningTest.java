package io.ta.runtime.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.spi.StateSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's plan snapshot cases: a corrupted bar count (9151314442816848372) and trailing bytes were accepted, and
 * {@code fromBytes(null)} threw a raw exception. Now the checksum rejects damage, strict decoding rejects padding, and
 * restore rejects a well-formed snapshot whose counts or constants this plan cannot reach.
 */
class PlanSnapshotHardeningTest {
    static PlanStream fed(Plan plan, int bars) {
        PlanStream s = plan.stream();
        for (int t = 0; t < bars; t++) {
            s.update(100 + Math.sin(t) * 5);
        }
        return s;
    }

    static final Plan PLAN = Plan.compile("sma(close, 5) * 2 + rsi(close, 3)");

    @Test
    void everySingleByteCorruptionIsRejected() {
        byte[] bytes = fed(PLAN, 20).snapshot().toBytes();
        for (int at = 0; at < bytes.length; at++) {
            for (int delta = 1; delta < 256; delta += 17) {
                byte[] bad = bytes.clone();
                bad[at] = (byte) (bad[at] + delta);
                try {
                    PlanSnapshot.fromBytes(bad);
                    fail("byte " + at + " + " + delta + " was accepted");
                } catch (SnapshotMismatchException expected) {
                    // typed
                }
            }
        }
    }

    @Test
    void aForgedBarCountIsRefusedAtRestoreAndTheStreamIsUntouched() {
        PlanSnapshot good = fed(PLAN, 20).snapshot();
        // Issue 9's count is past 2^62, which no plan stream reaches: refused as soon as it is read.
        CorruptSnapshotException big = assertThrows(CorruptSnapshotException.class,
                () -> new PlanSnapshot(good.plan(), 9151314442816848372L, good.values(), good.kernels()));
        assertTrue(big.getMessage().contains("bar count 9151314442816848372 is outside [0, 2^62]"), big.getMessage());
        PlanSnapshot forged = PlanSnapshot.fromBytes(
                new PlanSnapshot(good.plan(), 21, good.values(), good.kernels()).toBytes());
        PlanStream s = fed(PLAN, 3);
        byte[] before = s.snapshot().toBytes();
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> s.restore(forged));
        assertTrue(e.getMessage().contains("has seen 20 bars, the plan 21"), e.getMessage());
        assertArrayEquals(before, s.snapshot().toBytes());
    }

    @Test
    void aForgedConstantIsRefused() {
        PlanSnapshot good = fed(PLAN, 20).snapshot();
        double[] values = good.values();
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == 2.0) {
                values[i] = 3.0;
                changed = true;
            }
        }
        assertTrue(changed);
        PlanSnapshot forged = new PlanSnapshot(good.plan(), good.count(), values, good.kernels());
        assertThrows(CorruptSnapshotException.class, () -> PLAN.stream().restore(forged));
    }

    @Test
    void trailingNullAndTruncatedBytesAreTypedErrors() {
        byte[] bytes = fed(PLAN, 20).snapshot().toBytes();
        assertThrows(CorruptSnapshotException.class, () -> PlanSnapshot.fromBytes(Arrays.copyOf(bytes, bytes.length + 3)));
        // A byte after the last kernel state behind a checksum that matches: only the body's strict end refuses it.
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 1);
        int body = bytes.length - 4;
        padded[body] = 0;
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(padded, 0, body + 1);
        java.nio.ByteBuffer.wrap(padded).putInt(body + 1, (int) crc.getValue());
        assertEquals("corrupt plan snapshot: 1 trailing bytes after the last field",
                assertThrows(CorruptSnapshotException.class, () -> PlanSnapshot.fromBytes(padded)).getMessage());
        assertEquals("no plan snapshot: the bytes are null",
                assertThrows(CorruptSnapshotException.class, () -> PlanSnapshot.fromBytes(null)).getMessage());
        for (int cut = 0; cut < bytes.length; cut += 7) {
            int n = cut;
            assertThrows(CorruptSnapshotException.class, () -> PlanSnapshot.fromBytes(Arrays.copyOf(bytes, n)));
        }
        assertThrows(SnapshotMismatchException.class, () -> PLAN.stream().restore(null));
    }

    @Test
    void aForgedKernelCountCannotAllocate() {
        // A well-sealed body that claims 2^31 - 1 values: refused before anything is allocated.
        byte[] bytes = new io.ta.spi.SnapshotBytes.Builder(0x54415053, PlanSnapshot.FORMAT, 32)
                .putLong(1).putLong(1).putInt(Integer.MAX_VALUE).seal();
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> PlanSnapshot.fromBytes(bytes));
        assertEquals("corrupt plan snapshot: value count is 2147483647 but only 0 bytes remain", e.getMessage());
    }

    @Test
    void anOperatorValueIsRecomputedAndAForgedOneIsRefused() {
        PlanStream original = fed(PLAN, 20);
        PlanSnapshot good = original.snapshot();
        int slot = 0;
        int operators = 0;
        for (io.ta.runtime.plan.Node n : PLAN.nodes()) {
            if (n instanceof io.ta.runtime.plan.Node.Operator) {
                operators++;
                double[] values = good.values();
                // One ulp off: a value no execution of this plan gives from these kernels and this bar.
                values[slot] = Math.nextUp(values[slot]);
                PlanSnapshot forged = new PlanSnapshot(good.plan(), good.count(), values, good.kernels());
                PlanStream s = fed(PLAN, 3);
                byte[] before = s.snapshot().toBytes();
                CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> s.restore(forged));
                assertTrue(e.getMessage().contains("operator node " + n.id()), e.getMessage());
                assertArrayEquals(before, s.snapshot().toBytes());
            }
            slot += n.outputs();
        }
        assertEquals(2, operators);
        PlanStream restored = PLAN.stream();
        restored.restore(good);
        assertEquals(original.value(), restored.value());
        assertArrayEquals(good.toBytes(), restored.snapshot().toBytes());
    }

    @Test
    void snapshotsOfFreshAndPreviewedStreamsRestoreBitForBit() {
        PlanStream fresh = PLAN.stream();
        PlanStream previewed = fed(PLAN, 20);
        previewed.preview(1e300);
        PlanStream previewedFirst = PLAN.stream();
        previewedFirst.preview(101.5);
        for (PlanStream original : new PlanStream[] {fresh, previewed, previewedFirst}) {
            PlanSnapshot snap = original.snapshot();
            PlanStream restored = PLAN.stream();
            restored.restore(PlanSnapshot.fromBytes(snap.toBytes()));
            assertEquals(Double.doubleToRawLongBits(original.value()), Double.doubleToRawLongBits(restored.value()));
            assertArrayEquals(snap.toBytes(), restored.snapshot().toBytes());
        }
    }

    /**
     * Found by the property suite at 20,000 examples: {@code (-7.5) ** 2.2} folds to a NaN whose bits (x86's default
     * NaN, 0xfff8…) differ from the NaN the compiled plan writes (0x7ff8…), and restore compared raw bits, so every
     * snapshot of a plan with a NaN constant was refused as corrupt.
     */
    @Test
    void aPlanWithAConstantThatFoldsToNaNRestores() {
        for (String text : new String[] {"(-7.5) ** 2.2", "close > (-7.5) ** 2.2", "sma(close, 3) + 0 / 0"}) {
            Plan plan = Plan.compile(text);
            PlanStream original = plan.stream();
            for (int t = 0; t < 5; t++) {
                original.update(new double[plan.columns().size()]);
            }
            PlanSnapshot snap = original.snapshot();
            PlanStream restored = plan.stream();
            restored.restore(PlanSnapshot.fromBytes(snap.toBytes()));
            assertEquals(original.count(), restored.count(), text);
            restored.update(new double[plan.columns().size()]);
            original.update(new double[plan.columns().size()]);
            assertEquals(Double.doubleToLongBits(original.value()), Double.doubleToLongBits(restored.value()), text);
        }
    }

    /**
     * Words of a time operator's state forged behind a valid checksum: the timeframe's shown value (an infinity, or a
     * finite value its closed periods do not give, shown for the rest of the day) and a session's running maximum
     * (+∞, read as the session high) are refused, and the stream is untouched.
     */
    @Test
    void aTimeOperatorsForgedValueIsRefused() {
        long hour = 3_600_000L;
        long day = 24 * hour;
        Plan frame = Plan.compile("close@1d");
        PlanStream s = frame.stream();
        s.update(day, 10.0);
        s.update(day + hour, 11.0);
        Plan session = Plan.compile("session_high(close, '1d')");
        PlanStream t = session.stream();
        t.update(hour, 10.0);
        t.update(2 * hour, 11.0);
        for (PlanSnapshot forged : List.of(edit(s.snapshot(), "timeframe", 6, Double.POSITIVE_INFINITY),
                edit(s.snapshot(), "timeframe", 6, 12345.0), edit(t.snapshot(), "session", 9, Double.POSITIVE_INFINITY),
                edit(t.snapshot(), "session", 10, Double.NEGATIVE_INFINITY))) {
            PlanStream fresh = forged.kernels().stream().anyMatch(k -> k.kernel().equals("session"))
                    ? session.stream() : frame.stream();
            assertThrows(SnapshotMismatchException.class, () -> fresh.restore(forged));
            assertEquals(0, fresh.count());
        }
        PlanStream u = session.stream();
        u.restore(t.snapshot());
        u.update(3 * hour, 12.0);
        assertEquals(12.0, u.value());
        // A clock set back would let a bar before the last one in (its time is checked against the clock alone).
        for (long clock : new long[] {hour, 0, Long.MIN_VALUE, 3 * hour}) {
            PlanSnapshot forged = PlanSnapshot.fromBytes(withWord(t.snapshot(), "plan_clock", 0, clock).toBytes());
            PlanStream fresh = session.stream();
            assertThrows(SnapshotMismatchException.class, () -> fresh.restore(forged), "clock " + clock);
        }
    }

    /**
     * A time operator's period or ring that no sequence of bars leaves, forged behind a valid checksum: a forming day
     * ending ten days on (close@1d showed NaN for a week, its days merged into one coarse bar), a session that runs
     * past its close, a count of bars in the wrong group, a lag ring short of its bars before the last (replaceLast
     * then read NaN for 5) or whose newest bar is not the last one. Each is refused and the stream untouched.
     */
    @Test
    void aTimeOperatorsPeriodOrRingThatNoBarsGiveIsRefused() {
        long hour = 3_600_000L;
        long day = 24 * hour;
        Map<String, PlanStream> fed = new java.util.LinkedHashMap<>();
        for (String text : List.of("close@1d", "session_high(close, '1d')", "close@5", "shift(close, '2h')")) {
            PlanStream s = Plan.compile(text).stream();
            for (int i = 1; i <= 6; i++) {
                s.update(day + i * hour, i);
            }
            fed.put(text, s);
        }
        long tenDays = 10 * day;
        // Words: a timeframe's forming end is its 3rd and the end before the last bar its 10th; a session's 2nd and
        // 6th; a lag's count of bars before the last is its 6th, then (time, value) pairs from the oldest kept.
        Map<PlanSnapshot, String> forged = new java.util.LinkedHashMap<>();
        forged.put(withWord(fed.get("close@1d").snapshot(), "timeframe", 2, tenDays), "close@1d");
        forged.put(withWord(fed.get("close@1d").snapshot(), "timeframe", 9, tenDays), "close@1d");
        forged.put(withWord(fed.get("session_high(close, '1d')").snapshot(), "session", 1, tenDays),
                "session_high(close, '1d')");
        forged.put(withWord(fed.get("session_high(close, '1d')").snapshot(), "session", 5, tenDays),
                "session_high(close, '1d')");
        forged.put(withWord(fed.get("close@5").snapshot(), "timeframe", 2, 7), "close@5");
        PlanSnapshot lag = fed.get("shift(close, '2h')").snapshot();
        int kept = (int) lag.kernels().get(0).words()[3];
        forged.put(withWord(lag, "time_lag", 5, 0), "shift(close, '2h')");
        forged.put(withWord(lag, "time_lag", 6 + 2 * (kept - 1), day + 5 * hour + 1), "shift(close, '2h')");
        for (Map.Entry<PlanSnapshot, String> f : forged.entrySet()) {
            PlanSnapshot bytes = PlanSnapshot.fromBytes(f.getKey().toBytes());
            PlanStream fresh = Plan.compile(f.getValue()).stream();
            assertThrows(CorruptSnapshotException.class, () -> fresh.restore(bytes), f.getValue());
            assertEquals(0, fresh.count(), f.getValue());
        }
        for (Map.Entry<String, PlanStream> e : fed.entrySet()) {
            PlanStream restored = Plan.compile(e.getKey()).stream();
            restored.restore(PlanSnapshot.fromBytes(e.getValue().snapshot().toBytes()));
            restored.replaceLast(6);
            restored.update(2 * day + 7 * hour, 7);
            e.getValue().replaceLast(6);
            e.getValue().update(2 * day + 7 * hour, 7);
            assertEquals(e.getValue().value(), restored.value(), e.getKey());
        }
    }

    private static PlanSnapshot withWord(PlanSnapshot s, String kernel, int w, long word) {
        List<StateSnapshot> states = new ArrayList<>();
        for (StateSnapshot x : s.kernels()) {
            if (x.kernel().equals(kernel)) {
                long[] words = x.words().clone();
                words[w] = word;
                x = new StateSnapshot(x.kernel(), x.schema(), words);
            }
            states.add(x);
        }
        return new PlanSnapshot(s.plan(), s.count(), s.values(), states);
    }

    /** {@code s} with word {@code w} of its {@code kernel} state set to {@code v}, through bytes (a valid checksum). */
    private static PlanSnapshot edit(PlanSnapshot s, String kernel, int w, double v) {
        return PlanSnapshot.fromBytes(withWord(s, kernel, w, Double.doubleToLongBits(v)).toBytes());
    }

    static void assertArrayEquals(byte[] a, byte[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }
}
