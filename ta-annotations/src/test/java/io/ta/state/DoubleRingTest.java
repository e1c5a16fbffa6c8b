package io.ta.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * What a kernel that restarts relies on (a cleared ring is a new one, and a mark taken before still rewinds), and what
 * the power-of-two buffer must keep: the window across a growth and across the head's wrap at 2^32 pushes.
 */
class DoubleRingTest {
    static long[] words(DoubleRing ring) {
        StateWriter w = new StateWriter();
        ring.write(w);
        return w.toArray();
    }

    @Test
    void aClearedRingIsANewOneAndAMarkRewindsOverTheClear() {
        for (int pushed : new int[] {3, 5, 17}) {
            DoubleRing ring = new DoubleRing(5);
            for (int i = 0; i < pushed; i++) {
                ring.push(i);
            }
            long[] before = words(ring);
            DoubleRing.Mark m = ring.newMark();
            ring.mark(m);
            ring.clear();
            assertEquals(0, ring.size());
            assertArrayEquals(words(new DoubleRing(5)), words(ring));
            // The push a step makes after clearing writes the slot it would have written anyway.
            ring.push(-1);
            assertEquals(1, ring.size());
            assertEquals(-1, ring.newest());
            ring.rewind(m);
            assertArrayEquals(before, words(ring));
            assertEquals(pushed - 1, ring.newest());
        }
    }

    /** A ring long enough to grow: every window, and a rewind, read back as pushed while it doubles and once full. */
    @Test
    void aGrowingRingKeepsItsWindowAndItsMarks() {
        int capacity = 3_000;
        DoubleRing ring = new DoubleRing(capacity);
        DoubleRing.Mark m = ring.newMark();
        for (int i = 0; i < 10_000; i++) {
            ring.mark(m);
            ring.push(-1);
            ring.rewind(m); // a replaced bar, across a growth or not
            double evicted = ring.push(i);
            assertEquals(i >= capacity ? i - capacity : Double.NaN, evicted);
            assertEquals(Math.min(i + 1, capacity), ring.size());
            assertEquals(i, ring.newest());
            assertEquals(Math.max(0, i - capacity + 1), ring.oldest());
        }
        assertEquals(4_096, ring.allocated());
        DoubleRing restored = new DoubleRing(capacity);
        restored.read(new StateReader("ring", words(ring)));
        assertArrayEquals(words(ring), words(restored));
    }

    /** The head counts pushes modulo 2^32: the slots, the evicted value and the growth test stay right across that. */
    @Test
    void theHeadWrapsAt2To32Pushes() throws ReflectiveOperationException {
        DoubleRing ring = new DoubleRing(5); // a buffer of 8
        for (int i = 0; i < 5; i++) {
            ring.push(i);
        }
        Field head = DoubleRing.class.getDeclaredField("head");
        head.setAccessible(true);
        // 5 + 8·(2^29 − 1) as an int: the same slots, three pushes before the count wraps past −1 to 0.
        head.setInt(ring, 5 + 8 * ((1 << 29) - 1));
        assertEquals(-3, head.getInt(ring));
        for (int i = 5; i < 20; i++) {
            assertEquals(i - 5, ring.push(i));
            assertEquals(i, ring.newest());
            assertEquals(i - 4, ring.oldest());
            assertEquals(8, ring.allocated());
        }
    }
}
