package io.ta.runtime.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.CorruptSnapshotException;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.runtime.resample.Aggregator;
import io.ta.spi.StateSnapshot;
import io.ta.spi.StateWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runtime's own counters in a snapshot — a plan's bar count, a timeframe's or session's bar index, a bucket's
 * count of values — are refused beyond 2^62, as the kernels' are. Restored at {@code Long.MAX_VALUE}, the next bar
 * overflowed them: a plan stream was never ready again, a frame of 5 bars never closed again (a negative index is never
 * 4 modulo 5), a bucket's mean changed sign. Up to 2^62 they run on exactly as an uninterrupted stream does.
 */
class CountLimitsTest {
    static final long LIMIT = 1L << 62;
    static final long M = 60_000L;

    /** Plans whose state holds no kernel, so their counts can be moved together by a multiple of every frame size. */
    static final List<String> PLANS = List.of("close > 3", "close@5", "sma(close, 2)@5 - close",
            "downsample(close, 5, 'mean')", "session_high(5)", "session_open(close, 5) - close");

    static double price(int t) {
        return 100 + 10 * Math.sin(t * 0.7);
    }

    static PlanStream fed(Plan plan, int bars) {
        PlanStream s = plan.stream();
        for (int t = 0; t < bars; t++) {
            s.update(t * M, price(t));
        }
        return s;
    }

    /** The word of an operator's snapshot that holds its bar index: a timeframe's 4th, a session's 3rd; -1 for others. */
    static int indexWord(StateSnapshot k) {
        return switch (k.kernel()) {
            case "timeframe" -> 3;
            case "session" -> 2;
            default -> -1;
        };
    }

    /**
     * The snapshot with the plan's count and every frame's and session's bar index moved by {@code shift}, and with
     * them the periods they are in (a period of 5 bars is numbered {@code index / 5}).
     */
    static PlanSnapshot moved(PlanSnapshot s, long shift) {
        List<StateSnapshot> states = new ArrayList<>();
        for (StateSnapshot k : s.kernels()) {
            long[] w = k.words();
            int i = indexWord(k);
            if (i >= 0) {
                // The period the index is in (its end) is the word before it; the saved period is the 10th or 6th.
                w[i] += shift;
                w[i - 1] += shift / 5;
                w[k.kernel().equals("timeframe") ? 9 : 5] += shift / 5;
            }
            states.add(new StateSnapshot(k.kernel(), k.schema(), w));
        }
        return new PlanSnapshot(s.plan(), s.count() + shift, s.values(), states);
    }

    @Test
    void aPlanRestoredAtTheLimitRunsOnAsTheUninterruptedOne() {
        for (String text : PLANS) {
            Plan plan = Plan.compile(text);
            PlanStream original = fed(plan, 23);
            long shift = (LIMIT - original.count()) / 60 * 60; // a multiple of every frame size: the same phase
            PlanStream aged = plan.stream();
            aged.restore(PlanSnapshot.fromBytes(moved(original.snapshot(), shift).toBytes()));
            for (int t = 23; t < 90; t++) { // past 2^62 on the aged stream
                original.update(t * M, price(t));
                aged.update(t * M, price(t));
                assertEquals(Double.doubleToRawLongBits(original.value()), Double.doubleToRawLongBits(aged.value()),
                        text + " at bar " + t);
                assertEquals(original.isReady(), aged.isReady(), text);
                assertEquals(original.count() + shift, aged.count(), text);
            }
            assertTrue(aged.count() > LIMIT, text);
        }
    }

    @Test
    void onePastTheLimitIsACorruptSnapshot() {
        for (String text : PLANS) {
            Plan plan = Plan.compile(text);
            PlanSnapshot s = fed(plan, 23).snapshot();
            long past = LIMIT + 1 - s.count();
            CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> moved(s, past), text);
            assertTrue(e.getMessage().contains("outside [0, 2^62]"), e.getMessage());
            // The plan's own count in range, an operator's index past the limit:
            List<StateSnapshot> states = new ArrayList<>();
            boolean operator = false;
            for (StateSnapshot k : s.kernels()) {
                long[] w = k.words();
                if (indexWord(k) >= 0) {
                    w[indexWord(k)] = LIMIT + 1;
                    operator = true;
                }
                states.add(new StateSnapshot(k.kernel(), k.schema(), w));
            }
            PlanSnapshot forged = new PlanSnapshot(s.plan(), s.count(), s.values(), states);
            if (operator) {
                PlanStream target = plan.stream();
                e = assertThrows(CorruptSnapshotException.class, () -> target.restore(forged), text);
                assertTrue(e.getMessage().contains("bar index"), e.getMessage());
            }
        }
        // Through the bytes too, where a forged count arrives re-sealed:
        PlanSnapshot s = fed(Plan.compile("close > 3"), 3).snapshot();
        byte[] bytes = new io.ta.spi.SnapshotBytes.Builder(0x54415053, PlanSnapshot.FORMAT, 32)
                .putLong(s.plan()).putLong(LIMIT + 1).putInt(0).putInt(0).seal();
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> PlanSnapshot.fromBytes(bytes));
        assertTrue(e.getMessage().contains("bar count 4611686018427387905 is outside [0, 2^62]"), e.getMessage());
    }

    @Test
    void aBucketCountsUpToTheLimit() {
        Aggregator a = new Aggregator();
        a.add(3);
        a.add(5);
        StateWriter w = new StateWriter();
        a.write(w);
        long[] words = w.toArray();
        assertEquals(2, words[5]);
        words[5] = LIMIT;
        Aggregator at = new Aggregator();
        at.read(new StateSnapshot("bucket", 1, words).reader());
        at.add(1);
        assertEquals(LIMIT + 1, at.count());
        assertTrue(at.value(io.ta.runtime.resample.Resample.Agg.MEAN) > 0);
        words[5] = LIMIT + 1;
        assertThrows(CorruptSnapshotException.class,
                () -> new Aggregator().read(new StateSnapshot("bucket", 1, words).reader()));
        words[5] = -1;
        assertThrows(CorruptSnapshotException.class,
                () -> new Aggregator().read(new StateSnapshot("bucket", 1, words).reader()));
    }
}
