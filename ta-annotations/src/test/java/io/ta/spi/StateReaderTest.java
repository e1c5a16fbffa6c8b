package io.ta.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.CorruptSnapshotException;
import org.junit.jupiter.api.Test;

class StateReaderTest {

    private static long read(long word, double min, double max) {
        return new StateReader("k", new long[] {word}).getLong("count", min, max);
    }

    /** A bound is applied to the long itself: 2^62 + 158 rounds to 2^62 as a double, and must still be refused. */
    @Test
    void longBoundsAreExact() {
        long limit = 1L << 62;
        assertEquals(limit, read(limit, 0, limit));
        for (long over : new long[] {limit + 1, limit + 158, limit + 511}) {
            CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class, () -> read(over, 0, limit));
            assertTrue(e.getMessage().contains(Long.toString(over)), e.getMessage());
        }
        assertThrows(CorruptSnapshotException.class, () -> read(-1, 0, limit));
        assertEquals(Long.MAX_VALUE, read(Long.MAX_VALUE, 0, Long.MAX_VALUE));
        assertEquals(Long.MIN_VALUE, read(Long.MIN_VALUE, Long.MIN_VALUE, 0));
        assertEquals(Long.MAX_VALUE, read(Long.MAX_VALUE, 0.0, Double.POSITIVE_INFINITY));
        assertEquals(Long.MIN_VALUE, read(Long.MIN_VALUE, Double.NEGATIVE_INFINITY, 0));
        // Fractional bounds: the whole numbers inside them.
        assertEquals(3, read(3, 2.5, 3.5));
        assertThrows(CorruptSnapshotException.class, () -> read(2, 2.5, 3.5));
        assertThrows(CorruptSnapshotException.class, () -> read(4, 2.5, 3.5));
        // Bounds beyond the longs: none is inside, or every one is.
        assertThrows(CorruptSnapshotException.class, () -> read(Long.MAX_VALUE, 0x1p64, Double.POSITIVE_INFINITY));
        assertThrows(CorruptSnapshotException.class, () -> read(Long.MIN_VALUE, Double.NEGATIVE_INFINITY, -0x1p64));
    }
}
