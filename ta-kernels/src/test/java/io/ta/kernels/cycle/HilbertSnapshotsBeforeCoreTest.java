package io.ta.kernels.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.SnapshotMismatchException;
import io.ta.spi.KernelDescriptor;
import io.ta.spi.KernelStream;
import io.ta.spi.ParamValues;
import io.ta.spi.StateSnapshot;
import io.ta.testing.Descriptors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Snapshots stored by the build before the Hilbert core (the transform's state was then named after ht_dcperiod) are
 * refused by this build with {@link SnapshotMismatchException} naming the kernel and both layout hashes — never
 * misread, and the stream is left as it was. The bytes were written by {@code src/test/fixtures/HilbertSnapshotsBeforeCore.java}
 * run against that build (main at 13ba8c1); see its comment.
 */
class HilbertSnapshotsBeforeCoreTest {
    private static final Set<String> FAMILY =
            Set.of("ht_dcperiod", "ht_dcphase", "ht_phasor", "ht_sine", "ht_trendmode", "ht_trendline", "mama");

    /** The generator's input; the snapshot was taken after 150 bars and one replaced last bar. */
    static double price(int t) {
        return 100 + 10 * Math.sin(2 * Math.PI * t / 23.0) + 4 * Math.sin(2 * Math.PI * t / 7.0) + 0.05 * t;
    }

    static Map<String, byte[]> stored() throws IOException {
        Map<String, byte[]> snapshots = new LinkedHashMap<>();
        try (InputStream in = HilbertSnapshotsBeforeCoreTest.class.getResourceAsStream("hilbert-snapshots-before-core.txt");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] parts = line.split(" ");
                snapshots.put(parts[0], HexFormat.of().parseHex(parts[1]));
            }
        }
        return snapshots;
    }

    static KernelStream fed(KernelDescriptor d) {
        KernelStream s = d.newStream(ParamValues.defaults(d));
        double[] out = new double[d.outputs().size()];
        for (int t = 0; t < 150; t++) {
            s.update(new double[] {price(t)}, out);
        }
        s.replaceLast(new double[] {price(149) + 1}, out);
        return s;
    }

    @Test
    void everyKernelOfTheFamilyIsPinned() throws IOException {
        assertEquals(FAMILY, stored().keySet());
    }

    @Test
    void aSnapshotFromBeforeTheCoreIsRefusedByItsLayoutNotMisread() throws IOException {
        for (Map.Entry<String, byte[]> e : stored().entrySet()) {
            String name = e.getKey();
            KernelDescriptor d = Descriptors.named(name);
            StateSnapshot old = StateSnapshot.fromBytes(e.getValue());
            StateSnapshot now = fed(d).snapshot();
            assertEquals(name, old.kernel());
            // The same bars give the same values, but not at the same positions: the four I1 delays (odd and even bar,
            // two and three bars back) were four fields and are now two two-element arrays, each written after its
            // length. Read by position under the new layout, the old words would land in the wrong fields; the layout
            // hash is what tells the two apart.
            assertEquals(now.words().length, old.words().length + 2, name);
            assertFalse(Arrays.equals(now.words(), old.words()), name);
            assertNotEquals(now.schema(), old.schema(), name);
            assertEquals(d.schema(), now.schema(), name);

            KernelStream fresh = d.newStream(ParamValues.defaults(d));
            StateSnapshot untouched = fresh.snapshot();
            SnapshotMismatchException refused = assertThrows(SnapshotMismatchException.class, () -> fresh.restore(old), name);
            assertEquals(SnapshotMismatchException.class, refused.getClass(), name + ": a layout change is not corruption");
            String message = refused.getMessage();
            assertTrue(message.startsWith(name + ": "), message);
            assertTrue(message.contains(Long.toHexString(old.schema())) && message.contains(Long.toHexString(d.schema())), message);
            assertEquals(untouched, fresh.snapshot(), name + ": a refused restore leaves the stream as it was");
            assertEquals(0, fresh.count(), name);
        }
    }
}
