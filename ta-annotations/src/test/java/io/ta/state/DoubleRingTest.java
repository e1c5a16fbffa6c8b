package io.ta.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ta.spi.StateWriter;
import org.junit.jupiter.api.Test;

/** What a kernel that restarts relies on: a cleared ring is a new one, and a mark taken before still rewinds. */
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
}
