package io.ta.runtime.exec;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.runtime.Registry;
import io.ta.spi.StateSnapshot;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Restore of plans with time-aware nodes (timeframes of time and of bars, wall-clock lags, sessions, and the plan's
 * clock) under a fuzzer, in zones with DST at midnight and half-hour shifts: damaged bytes, or a re-sealed snapshot
 * with a forged bar count, forged values or forged operator words (times, counts, ring contents). Restore must throw
 * our typed error, or give a stream that keeps running on later timed bars without throwing, slowing down or
 * emitting an infinity — {@link PlanSnapshotFuzzTest}'s contract, for the state those plans never hold.
 *
 * <p>The normal test run replays the committed seeds in
 * {@code src/test/resources/io/ta/runtime/exec/TimedSnapshotFuzzTestInputs/restoreTimed}.
 */
class TimedSnapshotFuzzTest {
    private static final List<String> ZONES = List.of("UTC", "America/New_York", "America/Santiago", "Australia/Lord_Howe");
    private static final List<String> TEXTS = List.of(
            "close@1d + sma(close, 3)@4h",
            "shift(close, '2h') + change_pct(close, '1d') + close.15m_ago",
            "session_high(close, '1w') - session_low(close, '1M') + session_open(close, '1d')",
            "rsi(close@1w, 3) + close@5 + downsample(close, '1Q', 'sum')",
            "session_start('1d') and close > upsample(close@1h)");
    private static final List<Plan> PLANS = plans();
    /** Times near the end of the range: the next period of a calendar timeframe may end after it. */
    private static final long LATE = Long.MAX_VALUE - 400L * 86_400_000L;

    private static List<Plan> plans() {
        List<Plan> plans = new ArrayList<>();
        for (String zone : ZONES) {
            for (String text : TEXTS) {
                plans.add(Plan.compile(Map.of("v", text), Registry.standard(), ZoneId.of(zone)));
            }
        }
        return List.copyOf(plans);
    }

    @FuzzTest(maxDuration = "60s")
    void restoreTimed(FuzzedDataProvider data) {
        Plan plan = PLANS.get(data.consumeInt(0, PLANS.size() - 1));
        PlanStream s = plan.stream();
        double[] bar = new double[s.columns().size()];
        int bars = data.consumeInt(0, 60);
        double level = 1 + data.consumeInt(0, 100_000);
        long t = 1_700_000_000_000L + data.consumeLong(-1_000_000_000_000L, 1_000_000_000_000L);
        for (int i = 0; i < bars; i++) {
            t += data.consumeLong(1, 3 * 86_400_000L);
            Arrays.fill(bar, level * (1 + 0.02 * Math.sin(i * 0.9)));
            s.update(t, bar);
        }
        PlanSnapshot snap = s.snapshot();
        PlanStream target = data.consumeBoolean() ? s : plan.stream();
        try {
            PlanSnapshot bad;
            if (data.consumeBoolean()) {
                byte[] bytes = snap.toBytes();
                int edits = data.consumeInt(1, 4);
                for (int e = 0; e < edits; e++) {
                    bytes[data.consumeInt(0, bytes.length - 1)] = data.consumeByte();
                }
                bad = PlanSnapshot.fromBytes(bytes);
            } else {
                long count = data.consumeBoolean() ? data.consumeLong() : snap.count();
                double[] values = snap.values();
                if (values.length > 0 && data.consumeBoolean()) {
                    values[data.consumeInt(0, values.length - 1)] = data.consumeDouble();
                }
                List<StateSnapshot> kernels = new ArrayList<>(snap.kernels());
                int forged = kernels.isEmpty() ? 0 : data.consumeInt(0, 3);
                for (int f = 0; f < forged; f++) {
                    int k = data.consumeInt(0, kernels.size() - 1);
                    long[] words = kernels.get(k).words();
                    if (words.length > 0) {
                        int w = data.consumeInt(0, words.length - 1);
                        words[w] = switch (data.consumeInt(0, 3)) {
                            case 0 -> data.consumeLong();
                            case 1 -> Double.doubleToRawLongBits(data.consumeDouble());
                            case 2 -> words[w] + data.consumeLong(-86_400_000L, 86_400_000L);
                            default -> words[data.consumeInt(0, words.length - 1)];
                        };
                    }
                    kernels.set(k, new StateSnapshot(kernels.get(k).kernel(), kernels.get(k).schema(), words));
                }
                bad = PlanSnapshot.fromBytes(new PlanSnapshot(snap.plan(), count, values, kernels).toBytes());
            }
            target.restore(bad);
        } catch (SnapshotMismatchException refused) {
            return;
        }
        long start = System.nanoTime();
        long now = target.hasTime() ? target.time() : t;
        for (int i = 0; i < 12; i++) {
            long step = data.consumeLong(1, 2 * 86_400_000L);
            if (now > Long.MAX_VALUE - step) {
                return;
            }
            now += step;
            Arrays.fill(bar, data.consumeBoolean() ? data.consumeDouble() : level);
            try {
                switch (data.consumeInt(0, 2)) {
                    case 0 -> target.preview(now, bar);
                    case 1 -> {
                        if (target.count() > 0) {
                            target.replaceLast(bar);
                        }
                    }
                    default -> target.update(now, bar);
                }
            } catch (ShapeMismatchException e) {
                if (now >= LATE) {
                    return; // a period ending after the last timestamp, as documented
                }
                throw new AssertionError("a bar at " + now + " after a restore: " + e, e);
            }
            if (Double.isInfinite(target.value("v")) && !Double.isInfinite(bar.length == 0 ? 0 : bar[0])) {
                throw new AssertionError("plan emitted an infinity after a restore");
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 1_000) {
            throw new AssertionError("12 plan steps after a restore took " + ms + " ms");
        }
        target.snapshot();
    }
}
