package io.ta.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.CorruptSnapshotException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A snapshot that can be built can be written and read back: its encoder and decoder accept the same names. */
class StateSnapshotTest {
    @Test
    void everyNameTheDecoderRefusesIsRefusedWhenTheSnapshotIsBuilt() {
        for (String name : List.of("Foo Bar", "sma-5", "1sma", "_sma", "é", "a".repeat(256))) {
            var e = assertThrows(CorruptSnapshotException.class, () -> new StateSnapshot(name, 1, new long[] {2}),
                    name);
            assertEquals(true, e.getMessage().contains("is not a kernel's: lower snake case, 1 to 255 characters"),
                    e.getMessage());
        }
        for (String name : List.of("sma", "plan_clock", "a", "x9_", "a".repeat(255))) {
            StateSnapshot s = new StateSnapshot(name, 7, new long[] {1, -1});
            assertEquals(s, StateSnapshot.fromBytes(s.toBytes()), name);
        }
    }
}
