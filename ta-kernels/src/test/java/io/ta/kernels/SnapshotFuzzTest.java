package io.ta.kernels;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ta.error.InvalidParameterException;
import io.ta.error.SnapshotMismatchException;
import io.ta.testing.Descriptors;
import io.ta.testing.KernelCase;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import io.ta.spi.StateSnapshot;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Snapshot restore under a fuzzer: the fuzzer picks a kernel, feeds it bars, then either damages the encoded bytes or
 * edits state words behind a valid checksum. Restoring must throw our typed error, or give a stream whose next
 * updates, previews and revisions neither throw, nor take long, nor emit an infinity.
 *
 * <p>Without {@code JAZZER_FUZZ} (the normal test run) this replays the committed seeds in
 * {@code src/test/resources/io/ta/kernels/SnapshotFuzzTestInputs/restore}; the build's {@code fuzz-snapshots} surefire
 * execution fuzzes it for 60 seconds. A finding is written next to the seeds as {@code crash-*}: commit it with the fix.
 */
class SnapshotFuzzTest {
    private static final List<KernelDescriptor> KERNELS = Descriptors.all();

    static ParamValues params(KernelDescriptor d, long seed) {
        try {
            return ParamValues.defaults(d);
        } catch (InvalidParameterException required) {
            return KernelCase.params(d, new SplittableRandom(seed));
        }
    }

    @FuzzTest(maxDuration = "60s")
    void restore(FuzzedDataProvider data) {
        KernelDescriptor d = KERNELS.get(data.consumeInt(0, KERNELS.size() - 1));
        ParamValues p = params(d, data.consumeLong());
        KernelStream s = d.newStream(p);
        double[] bar = new double[d.inputs().size()];
        double[] out = new double[d.outputs().size()];
        int bars = data.consumeInt(0, 120);
        double level = 1 + data.consumeInt(0, 1_000_000);
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < bar.length; i++) {
                bar[i] = level * (1 + 0.01 * Math.sin(t * 0.7 + i));
            }
            s.update(bar, out);
        }
        StateSnapshot snap = s.snapshot();
        StateSnapshot bad;
        try {
            if (data.consumeBoolean()) {
                // Damaged bytes: the checksum or the strict decoder must catch them.
                byte[] bytes = snap.toBytes();
                int edits = data.consumeInt(1, 4);
                for (int e = 0; e < edits; e++) {
                    bytes[data.consumeInt(0, bytes.length - 1)] = data.consumeByte();
                }
                if (data.consumeBoolean()) {
                    bytes = java.util.Arrays.copyOf(bytes, data.consumeInt(0, bytes.length + 8));
                }
                bad = StateSnapshot.fromBytes(bytes);
            } else {
                // Hostile words behind a valid checksum: restore must validate every field.
                long[] words = snap.words();
                if (data.consumeBoolean() && words.length > 0) {
                    words = java.util.Arrays.copyOf(words, data.consumeInt(0, words.length + 2));
                }
                int edits = words.length == 0 ? 0 : data.consumeInt(1, 6);
                for (int e = 0; e < edits; e++) {
                    int at = data.consumeInt(0, words.length - 1);
                    words[at] = switch (data.consumeInt(0, 3)) {
                        case 0 -> data.consumeLong();
                        case 1 -> data.consumeInt(-4, 80);
                        case 2 -> Double.doubleToRawLongBits(data.consumeDouble());
                        default -> words[at] ^ (1L << data.consumeInt(0, 63));
                    };
                }
                bad = StateSnapshot.fromBytes(new StateSnapshot(snap.kernel(), snap.schema(), words).toBytes());
            }
            s.restore(bad);
        } catch (SnapshotMismatchException refused) {
            return;
        }
        long start = System.nanoTime();
        for (int t = 0; t < 16; t++) {
            for (int i = 0; i < bar.length; i++) {
                bar[i] = data.consumeBoolean() ? data.consumeDouble() : level;
            }
            switch (data.consumeInt(0, 2)) {
                case 0 -> s.preview(bar, out);
                case 1 -> {
                    if (s.count() > 0) {
                        s.replaceLast(bar, out);
                    }
                }
                default -> s.update(bar, out);
            }
            for (double v : out) {
                if (Double.isInfinite(v)) {
                    throw new AssertionError(d.name() + " emitted " + v + " after a restore");
                }
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (ms > 1_000) {
            throw new AssertionError(d.name() + ": 16 steps after a restore took " + ms + " ms");
        }
        s.snapshot();
    }
}
