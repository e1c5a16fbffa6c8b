package io.ta.runtime.exec;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ta.error.SnapshotMismatchException;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.spi.StateSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Plan snapshot restore under a fuzzer: damaged bytes, or a re-sealed snapshot with a forged bar count, forged node
 * values or edited kernel words. {@code PlanSnapshot.fromBytes} and {@code PlanStream.restore} must throw our typed
 * error, or give a stream that keeps running without throwing, slowing down or emitting an infinity.
 *
 * <p>The normal test run replays the committed seeds in
 * {@code src/test/resources/io/ta/runtime/exec/PlanSnapshotFuzzTestInputs/restore}; the build's
 * {@code fuzz-plan-snapshots} surefire execution fuzzes it for 60 seconds.
 */
class PlanSnapshotFuzzTest {
    private static final List<Plan> PLANS = List.of(
            Plan.compile("sma(close, 5) * 2 + rsi(close, 3)"),
            Plan.compile("ht_sine(close).sine > 0 and close > rolling_median(close, 4)"),
            Plan.compile("mama(close).fama - kama(close, 5) + rolling_max(close, 6) / maxindex(close, 3)"),
            Plan.compile("macd(close).signal + bbands(close, 5).upper + fib_retracement(close, close).down"));

    @FuzzTest(maxDuration = "60s")
    void restore(FuzzedDataProvider data) {
        Plan plan = PLANS.get(data.consumeInt(0, PLANS.size() - 1));
        PlanStream s = plan.stream();
        double[] bar = new double[s.columns().size()];
        int bars = data.consumeInt(0, 100);
        double level = 1 + data.consumeInt(0, 100_000);
        for (int t = 0; t < bars; t++) {
            java.util.Arrays.fill(bar, level * (1 + 0.02 * Math.sin(t * 0.9)));
            s.update(bar);
        }
        PlanSnapshot snap = s.snapshot();
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
                if (!kernels.isEmpty() && data.consumeBoolean()) {
                    int k = data.consumeInt(0, kernels.size() - 1);
                    long[] words = kernels.get(k).words();
                    if (words.length > 0) {
                        words[data.consumeInt(0, words.length - 1)] = data.consumeBoolean()
                                ? data.consumeLong()
                                : Double.doubleToRawLongBits(data.consumeDouble());
                    }
                    kernels.set(k, new StateSnapshot(kernels.get(k).kernel(), kernels.get(k).schema(), words));
                }
                bad = PlanSnapshot.fromBytes(new PlanSnapshot(snap.plan(), count, values, kernels).toBytes());
            }
            s.restore(bad);
        } catch (SnapshotMismatchException refused) {
            return;
        }
        long start = System.nanoTime();
        for (int t = 0; t < 12; t++) {
            java.util.Arrays.fill(bar, data.consumeBoolean() ? data.consumeDouble() : level);
            switch (data.consumeInt(0, 2)) {
                case 0 -> s.preview(bar);
                case 1 -> {
                    if (s.count() > 0) {
                        s.replaceLast(bar);
                    }
                }
                default -> s.update(bar);
            }
            for (String root : plan.roots().keySet()) {
                if (Double.isInfinite(s.value(root)) && !plan.columns().isEmpty() && !Double.isInfinite(bar[0])) {
                    throw new AssertionError("plan emitted an infinity after a restore");
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 1_000) {
            throw new AssertionError("12 plan steps after a restore took " + ms + " ms");
        }
        s.snapshot();
    }
}
