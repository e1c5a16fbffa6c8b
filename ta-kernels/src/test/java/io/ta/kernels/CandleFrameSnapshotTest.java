package io.ta.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.CorruptSnapshotException;
import io.ta.kernels.candle.CandleFrame;
import io.ta.kernels.candle.CandleSetting;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link CandleFrame}'s snapshot holds only candle prices and rebuilds its sums by replaying them, aligned to the
 * original candle count. The property suite checks restored patterns, whose integer outputs would hide a sum that is
 * off in its last bit; this test compares the frame's thresholds themselves, bit for bit, at every candle a pattern
 * reads, right after the restore and for a window's worth of candles after it — at every alignment of the count to
 * the averaging periods, with prices whose sums round and with missing candles.
 */
class CandleFrameSnapshotTest {
    static final int DEPTH = 7;

    static CandleFrame frame() {
        return new CandleFrame(DEPTH, CandleSetting.values());
    }

    static long[] snapshot(CandleFrame f) {
        StateWriter w = new StateWriter();
        f.write(w);
        return w.toArray();
    }

    /**
     * A candle at a level that jumps between orders of magnitude: bodies and ranges of prices at one level are
     * multiples of one ulp and sum exactly in any order, which would hide a sum replayed in another order.
     */
    static void push(CandleFrame f, SplittableRandom r) {
        double mid = Math.pow(10, r.nextInt(7) - 3) * (1 + r.nextDouble());
        double o = mid * (1 + 0.01 * r.nextGaussian());
        double c = mid * (1 + 0.01 * r.nextGaussian());
        double h = Math.max(o, c) + mid * 0.02 * r.nextDouble();
        double l = Math.min(o, c) - mid * 0.02 * r.nextDouble();
        f.push(r.nextInt(40) == 0 ? Double.NaN : o, h, l, c);
    }

    /** Every threshold of every candle a pattern reads, as raw bits. */
    static void assertSameThresholds(CandleFrame expected, CandleFrame actual, String where) {
        for (int ago = 0; ago < DEPTH; ago++) {
            double[] e = thresholds(expected, ago);
            double[] a = thresholds(actual, ago);
            for (int i = 0; i < e.length; i++) {
                assertEquals(Double.doubleToRawLongBits(e[i]), Double.doubleToRawLongBits(a[i]),
                        where + ", candle " + ago + " back, threshold " + i + ": " + a[i] + " instead of " + e[i]);
            }
        }
    }

    static double[] thresholds(CandleFrame f, int ago) {
        return new double[] {f.open(ago), f.high(ago), f.low(ago), f.close(ago), f.body(ago), f.upperShadow(ago),
            f.lowerShadow(ago), f.color(ago), f.bodyLong(ago), f.bodyVeryLong(ago), f.bodyShort(ago), f.bodyDoji(ago),
            f.shadowShort(ago), f.shadowVeryShort(ago), f.near(ago), f.far(ago), f.equal(ago)};
    }

    @Test
    void restoredFrameContinuesBitForBit() {
        SplittableRandom r = new SplittableRandom(0xCA17D1EL);
        // Counts from 1 to well past two averaging windows: every alignment modulo 5 and 10, before and after the
        // frame holds a full snapshot's worth of candles.
        for (int n = 1; n <= 60; n++) {
            long seed = r.nextLong();
            SplittableRandom data = new SplittableRandom(seed);
            CandleFrame original = frame();
            for (int t = 0; t < n; t++) {
                push(original, data);
            }
            long[] words = snapshot(original);
            CandleFrame restored = frame();
            for (int t = 0; t < 3; t++) {
                push(restored, new SplittableRandom(seed ^ t)); // a frame with a history of its own is overwritten
            }
            restored.read(new StateReader("candle frame", words));
            assertArrayEquals(words, snapshot(restored), "a restored frame writes the same snapshot");
            if (n >= DEPTH) {
                assertSameThresholds(original, restored, "restored after " + n + " candles");
            }
            for (int t = n; t < n + 25; t++) {
                push(original, new SplittableRandom(seed + t));
                push(restored, new SplittableRandom(seed + t));
                if (t + 1 >= DEPTH) {
                    assertSameThresholds(original, restored, "restored after " + n + " candles, then " + (t + 1 - n) + " more");
                }
            }
        }
    }

    @Test
    void aStreakTheCandlesContradictIsCorrupt() {
        SplittableRandom r = new SplittableRandom(7);
        CandleFrame f = new CandleFrame(2, CandleSetting.BODY_LONG);
        for (int t = 0; t < 30; t++) {
            double o = 100 + r.nextDouble();
            f.push(o, o + 1, o - 1, o + 0.5);
        }
        long[] words = snapshot(f);
        // Layout: candles kept, candle count, complete streak, then the prices, oldest first. The sixth newest candle
        // loses its open, so at most the five after it can be complete.
        int kept = (int) Math.min(words[0], words[1]);
        words[3 + 4 * (kept - 6)] = Double.doubleToLongBits(Double.NaN);
        words[2] = 6;
        CorruptSnapshotException e = assertThrows(CorruptSnapshotException.class,
                () -> frame2().read(new StateReader("candle frame", words)));
        assertTrue(e.getMessage().contains("complete candles"), e.getMessage());
        words[2] = 31;
        assertThrows(CorruptSnapshotException.class, () -> frame2().read(new StateReader("candle frame", words)));
        // Fewer complete candles than have four prices: averages that overflowed judged the others (the snapshot
        // property "a snapshot after extreme ticks restores them" takes such snapshots).
        words[2] = 5;
        frame2().read(new StateReader("candle frame", words));
        words[2] = 2;
        frame2().read(new StateReader("candle frame", words));
    }

    /**
     * A frame keeps only the averages its settings need, and the others' thresholds read NaN, fresh or restored:
     * all of a candle's values share one ring, so a pattern reading a setting it did not ask for would otherwise read
     * whatever the ring holds there.
     */
    @Test
    void settingsNotAskedForReadNaN() {
        SplittableRandom r = new SplittableRandom(11);
        CandleFrame f = new CandleFrame(2, CandleSetting.BODY_DOJI);
        for (int t = 0; t < 30; t++) {
            push(f, r);
        }
        CandleFrame restored = new CandleFrame(2, CandleSetting.BODY_DOJI);
        restored.read(new StateReader("candle frame", snapshot(f)));
        for (CandleFrame frame : new CandleFrame[] {f, restored}) {
            assertTrue(Double.isFinite(frame.bodyDoji(0)), "the setting asked for has its threshold");
            for (double notKept : new double[] {frame.bodyLong(0), frame.bodyVeryLong(1), frame.bodyShort(0),
                frame.shadowShort(1), frame.near(0), frame.far(1), frame.equal(0)}) {
                assertTrue(Double.isNaN(notKept), "a setting not asked for reads " + notKept);
            }
        }
    }

    static CandleFrame frame2() {
        return new CandleFrame(2, CandleSetting.BODY_LONG);
    }
}
