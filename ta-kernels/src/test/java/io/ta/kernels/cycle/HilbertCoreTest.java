package io.ta.kernels.cycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.CorruptSnapshotException;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Hilbert core as a state part on its own: the two transform starts, missing input, nested marks and a snapshot
 * round trip. The kernels built on it (and so the core through them) also run the whole property suite and the TA-Lib
 * goldens; these cases pin what a composite relies on directly.
 */
class HilbertCoreTest {
    static double[] walk(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double v = 100;
        for (int i = 0; i < n; i++) {
            v *= 1 + 0.02 * r.nextGaussian();
            x[i] = v;
        }
        return x;
    }

    static long[] words(HilbertCore core) {
        StateWriter w = new StateWriter();
        core.write(w);
        return w.toArray();
    }

    static long bits(double v) {
        return Double.doubleToRawLongBits(v);
    }

    static HilbertCore fed(HilbertCore core, double[] x, int n) {
        for (int i = 0; i < n; i++) {
            core.advance(x[i]);
        }
        return core;
    }

    /** The transform runs from valid bar 12 (standard) or 37 (late start), and advance says so. */
    @Test
    void theTwoStartsAreTaLibs() {
        double[] x = walk(60, 1);
        HilbertCore standard = HilbertCore.standard();
        HilbertCore late = HilbertCore.lateStart();
        for (int t = 0; t < x.length; t++) {
            assertEquals(t >= 12, standard.advance(x[t]), "standard at bar " + t);
            assertEquals(t >= 37, late.advance(x[t]), "late start at bar " + t);
            assertEquals(t, standard.bar());
            assertEquals(t >= 12, standard.transformed());
            assertEquals(t >= 37, late.transformed());
        }
        // Same smoother, different transform history.
        assertEquals(standard.smoothedPrice(), late.smoothedPrice());
        assertTrue(standard.smoothPeriod() != late.smoothPeriod());
    }

    @Test
    void aMissingInputChangesNothing() {
        HilbertCore core = fed(HilbertCore.standard(), walk(100, 2), 99);
        long[] before = words(core);
        for (double missing : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertFalse(core.advance(missing));
            assertArrayEquals(before, words(core));
        }
    }

    /** The stream's "before the last bar" mark and a preview's "now" mark rewind innermost first. */
    @Test
    void nestedMarksRewindToTheirBars() {
        double[] x = walk(120, 3);
        HilbertCore core = fed(HilbertCore.lateStart(), x, 100);
        long[] at100 = words(core);
        HilbertCore.Mark outer = core.newMark();
        HilbertCore.Mark inner = core.newMark();
        core.mark(outer);
        core.advance(x[100]);
        long[] at101 = words(core);
        core.mark(inner);
        core.advance(x[101]);
        core.rewind(inner);
        assertArrayEquals(at101, words(core));
        core.rewind(outer);
        assertArrayEquals(at100, words(core));
        core.advance(x[100]);
        assertArrayEquals(at101, words(core));
    }

    @Test
    void aRestoredCoreContinuesBitForBit() {
        double[] x = walk(400, 4);
        // An odd count: the restored core must resume on the other parity's delay lines.
        HilbertCore original = fed(HilbertCore.standard(), x, 151);
        StateReader in = new StateReader("test", words(original));
        HilbertCore restored = HilbertCore.standard();
        restored.read(in);
        in.end();
        for (int t = 151; t < x.length; t++) {
            original.advance(x[t]);
            restored.advance(x[t]);
            assertEquals(bits(original.smoothPeriod()), bits(restored.smoothPeriod()), "bar " + t);
            assertEquals(bits(original.inPhase()), bits(restored.inPhase()), "bar " + t);
            assertEquals(bits(original.quadrature()), bits(restored.quadrature()), "bar " + t);
        }
        assertTrue(original.smoothPeriod() >= 6 && original.smoothPeriod() <= 50, "a period was computed");
    }

    /** A bar count up to 2^62 restores and runs on; beyond it (Long.MAX_VALUE: bars++ would overflow) is refused. */
    @Test
    void barCountsAreBoundedAt2To62() {
        double[] x = walk(400, 6);
        HilbertCore original = fed(HilbertCore.standard(), x, 151);
        long[] w = words(original);
        for (long over : new long[] {(1L << 62) + 1, Long.MAX_VALUE}) {
            w[1] = over;
            assertThrows(CorruptSnapshotException.class, () -> HilbertCore.standard().read(new StateReader("test", w)));
        }
        w[1] = (1L << 62) - 1; // odd, as 151 is: the same delay lines
        HilbertCore aged = HilbertCore.standard();
        StateReader in = new StateReader("test", w);
        aged.read(in);
        in.end();
        for (int t = 151; t < x.length; t++) {
            original.advance(x[t]);
            aged.advance(x[t]);
            assertEquals(bits(original.smoothPeriod()), bits(aged.smoothPeriod()), "bar " + t);
        }
        assertTrue(aged.transformed());
    }

    @Test
    void aSnapshotOfTheOtherStartIsRefused() {
        long[] standard = words(fed(HilbertCore.standard(), walk(50, 5), 50));
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
                () -> HilbertCore.lateStart().read(new StateReader("test", standard)));
        assertEquals("test: corrupt snapshot: fixed field hilbert.start holds 12, but these parameters give 37",
                e.getMessage());
    }
}
