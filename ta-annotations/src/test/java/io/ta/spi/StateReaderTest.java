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

    /** A part that trusts its words: the length and index it reads are never checked. */
    static final class Trusting implements StatePart<Trusting.M> {
        double[] ring = new double[4];
        int at;

        static final class M implements StatePart.Mark {}

        @Override
        public M newMark() {
            return new M();
        }

        @Override
        public void mark(M m) {}

        @Override
        public void rewind(M m) {}

        @Override
        public void write(StateWriter out) {}

        @Override
        public void read(StateReader in) {
            double[] r = new double[(int) in.getLong()];
            int i = (int) in.getLong();
            r[i] = in.getDouble();
            ring = r;
            at = i;
        }
    }

    /**
     * Words that make a part's own code throw are a corrupt snapshot naming the kernel and the part, as the reader's
     * checks are; the reader's own errors pass through unchanged, and words the part can read are read.
     */
    @Test
    void aPartThatTrustsItsWordsGivesACorruptSnapshotNotAJdkException() {
        long x = Double.doubleToRawLongBits(2.5);
        for (long[] words : new long[][] {{-1, 0, x}, {4, 9, x}, {4, -3, x}}) {
            CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
                    () -> new StateReader("acme", words).readPart("window", new Trusting()));
            assertTrue(e.getMessage().startsWith("acme: corrupt snapshot: state part window (" + Trusting.class.getName()
                    + ") could not read its words: java.lang."), e.getMessage());
            assertTrue(e.getCause() instanceof RuntimeException, "the part's exception is the cause");
        }
        StateReader shortWords = new StateReader("acme", new long[] {4});
        CorruptSnapshotException early = assertThrows(CorruptSnapshotException.class,
                () -> shortWords.readPart("window", new Trusting()));
        assertTrue(early.getMessage().contains("ends early"), early.getMessage());
        Trusting t = new Trusting();
        new StateReader("acme", new long[] {8, 5, x}).readPart("window", t);
        assertEquals(8, t.ring.length);
        assertEquals(2.5, t.ring[5]);
    }
}
