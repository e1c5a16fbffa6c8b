package io.ta.kernels.cycle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.CorruptSnapshotException;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
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

    /**
     * A bar that overflows the transform restarts it: the core is then a fresh one, snapshot for snapshot, and from
     * the next bar on computes bit for bit what a core started there does, bar counter and parity included.
     */
    @Test
    void anOverflowRestartsTheCore() {
        double[] x = walk(300, 7);
        List<Supplier<HilbertCore>> starts = List.of(HilbertCore::standard, HilbertCore::lateStart);
        for (double tick : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 1e200, -1e200}) {
            for (Supplier<HilbertCore> start : starts) {
                HilbertCore core = fed(start.get(), x, 101);
                assertFalse(core.fresh());
                int next = 101;
                if (core.advance(tick) || !core.fresh()) {
                    // 4·MAX overflows the smoother on the tick's own bar; 1e200 enters the phasor, and the
                    // discriminator's products overflow on the next bar.
                    assertTrue(Math.abs(tick) < Double.MAX_VALUE, "the smoother overflowed without a restart");
                    assertFalse(core.advance(x[next++]));
                    assertTrue(core.fresh(), "no restart after a tick of " + tick);
                }
                assertEquals(-1, core.bar());
                assertFalse(core.transformed());
                assertArrayEquals(words(start.get()), words(core), "a restarted core is a fresh one");
                HilbertCore started = start.get();
                for (int t = next; t < x.length; t++) {
                    assertEquals(started.advance(x[t]), core.advance(x[t]), "bar " + t);
                    assertEquals(bits(started.smoothPeriod()), bits(core.smoothPeriod()), "bar " + t);
                    assertEquals(bits(started.inPhase()), bits(core.inPhase()), "bar " + t);
                    assertEquals(bits(started.quadrature()), bits(core.quadrature()), "bar " + t);
                }
                assertTrue(core.smoothPeriod() >= 6 && core.smoothPeriod() <= 50, "a period was computed");
            }
        }
    }

    /** A restart is state like any other: a mark taken before the overflowing bar rewinds over it. */
    @Test
    void aMarkRewindsOverARestart() {
        double[] x = walk(150, 8);
        HilbertCore core = fed(HilbertCore.standard(), x, 120);
        long[] before = words(core);
        HilbertCore.Mark m = core.newMark();
        core.mark(m);
        assertFalse(core.advance(Double.MAX_VALUE));
        assertTrue(core.fresh());
        core.rewind(m);
        assertArrayEquals(before, words(core));
    }

    /** The core restarts rather than keep a NaN period, so restore refuses one: it would be NaN for good. */
    @Test
    void aNanPeriodIsRefused() {
        long[] w = words(fed(HilbertCore.standard(), walk(100, 9), 100));
        for (int field = w.length - 2; field < w.length; field++) {
            long[] poisoned = w.clone();
            poisoned[field] = Double.doubleToRawLongBits(Double.NaN);
            assertThrows(CorruptSnapshotException.class,
                    () -> HilbertCore.standard().read(new StateReader("test", poisoned)));
        }
    }
}
