package io.ta.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.CorruptSnapshotException;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MomentWindow} against the definition — exact central moments of each window, computed in
 * {@link BigDecimal} — and its checkpoint contract: one or two rewinds, snapshots, outliers forgotten bit for bit.
 */
class MomentWindowTest {
    private static final MathContext MC = new MathContext(80);

    /** Exact {mean, Σd², Σd³, Σd⁴} of {@code w} (finite values), rounded to doubles at the end. */
    private static double[] exact(double[] w) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : w) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(w.length), MC);
        BigDecimal[] s = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (double v : w) {
            BigDecimal d = new BigDecimal(v).subtract(mean, MC);
            BigDecimal d2 = d.multiply(d, MC);
            s[0] = s[0].add(d2, MC);
            s[1] = s[1].add(d2.multiply(d, MC), MC);
            s[2] = s[2].add(d2.multiply(d2, MC), MC);
        }
        return new double[] {mean.doubleValue(), s[0].doubleValue(), s[1].doubleValue(), s[2].doubleValue()};
    }

    /** A price-like walk around {@code level} (far from zero when level is large), with flat stretches and holes. */
    private static double[] series(SplittableRandom r, int n, double level, boolean holes) {
        double[] x = new double[n];
        double v = level;
        for (int i = 0; i < n; i++) {
            if (r.nextInt(8) != 0) {
                v += level * 1e-3 * r.nextGaussian();
            }
            x[i] = holes && r.nextInt(40) == 0 ? (r.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY) : v;
        }
        return x;
    }

    @Test
    void everyWindowHasItsExactMomentsAtAnyDistanceFromZero() {
        SplittableRandom r = new SplittableRandom(11);
        for (double level : new double[] {1e-6, 1.0, 1e4, 1e9}) {
            for (int window : new int[] {1, 2, 3, 7, 16}) {
                double[] x = series(r, 200, level, true);
                MomentWindow m = new MomentWindow(window);
                for (int t = 0; t < x.length; t++) {
                    m.push(x[t]);
                    if (t + 1 < window) {
                        assertTrue(Double.isNaN(m.mean()), "not full yet at " + t);
                        continue;
                    }
                    double[] w = java.util.Arrays.copyOfRange(x, t + 1 - window, t + 1);
                    if (java.util.Arrays.stream(w).anyMatch(v -> !Double.isFinite(v))) {
                        assertTrue(Double.isNaN(m.mean()) && Double.isNaN(m.m2()) && Double.isNaN(m.m4()), "missing inside at " + t);
                        continue;
                    }
                    double[] e = exact(w);
                    String at = "level " + level + ", window " + window + ", bar " + t;
                    assertEquals(e[0], m.mean(), 1e-15 * Math.abs(e[0]), at + ": mean");
                    // Deviations are taken from values of the window, so each carries about ε·range of error:
                    // nothing in the bound grows with the distance from zero (with plain means it was ε·|mean|).
                    double spread = Math.sqrt(e[1] / window);
                    double range = java.util.Arrays.stream(w).max().orElseThrow()
                            - java.util.Arrays.stream(w).min().orElseThrow();
                    double scale = 64 * Math.ulp(1.0) * window * (spread + range);
                    assertEquals(e[1], m.m2(), scale * spread, at + ": m2");
                    assertEquals(e[2], m.m3(), scale * spread * spread, at + ": m3");
                    assertEquals(e[3], m.m4(), scale * Math.pow(spread, 3), at + ": m4");
                    assertTrue(m.m2() >= 0, at);
                }
            }
        }
    }

    /**
     * Integers near 6.7e15 (exact doubles) with a spread of a few units: the same window moved to near zero is
     * computed without rounding any deviation, so the two must agree to the rounding of the standardized moments.
     * With plain means, rounded at ε·6.7e15 ≈ 1.5, the skewness read 0.0104 where it is 0.2455.
     */
    @Test
    void farFromZeroTheStandardizedMomentsKeepTheirDigits() {
        SplittableRandom r = new SplittableRandom(17);
        double level = 6.7e15;
        for (int window : new int[] {3, 20, 64}) {
            MomentWindow far = new MomentWindow(window);
            MomentWindow near = new MomentWindow(window);
            for (int t = 0; t < 400; t++) {
                double d = r.nextInt(r.nextInt(3) == 0 ? 2 : 11);
                far.push(level + d);
                near.push(d);
                if (t + 1 < window || near.isFlat()) {
                    continue;
                }
                String at = "window " + window + ", bar " + t;
                assertEquals(near.skewness(), far.skewness(), 1e-12, at + ": skewness");
                assertEquals(near.kurtosis(), far.kurtosis(), 1e-12 * near.kurtosis(), at + ": kurtosis");
                assertEquals(near.standardize(d), far.standardize(level + d), 1e-12, at + ": standardized");
                assertEquals(near.m2(), far.m2(), 1e-12 * near.m2(), at + ": m2");
                assertEquals(level + near.mean(), far.mean(), Math.ulp(level), at + ": mean");
            }
        }
    }

    @Test
    void standardizedMomentsAreTheSameAtAnyMagnitude() {
        // Power-of-two rescaling is exact, so a window multiplied by 2^k must give the same standardized moments bit
        // for bit — also where Σd⁴ of the scaled values would overflow (k = 900) or Σd² underflow (k = −900).
        SplittableRandom r = new SplittableRandom(13);
        double[] x = series(r, 150, 100.0, true);
        for (int k : new int[] {-900, -300, 300, 900}) {
            MomentWindow plain = new MomentWindow(9);
            MomentWindow scaled = new MomentWindow(9);
            for (int t = 0; t < x.length; t++) {
                plain.push(x[t]);
                scaled.push(Math.scalb(x[t], k));
                String at = "2^" + k + ", bar " + t;
                assertEquals(plain.skewness(), scaled.skewness(), at + ": skewness");
                assertEquals(plain.kurtosis(), scaled.kurtosis(), at + ": kurtosis");
                assertEquals(plain.standardize(x[t]), scaled.standardize(Math.scalb(x[t], k)), at + ": standardized");
                assertEquals(Math.scalb(plain.mean(), k), scaled.mean(), at + ": mean");
                if (t >= 8 && Double.isFinite(plain.kurtosis())) {
                    assertTrue(Double.isFinite(scaled.kurtosis()), at);
                }
            }
        }
    }

    @Test
    void aConstantWindowHasExactlyZeroSpread() {
        MomentWindow m = new MomentWindow(5);
        for (double v : new double[] {3.7, 1e12, -2.5, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}) {
            m.push(v);
        }
        assertEquals(0.1, m.mean());
        assertEquals(0.0, m.m2());
        assertEquals(0.0, m.m3());
        assertEquals(0.0, m.m4());
        assertTrue(m.isFlat());
        assertTrue(Double.isNaN(m.skewness()), "no spread, no shape");
    }

    @Test
    void anOutlierIsForgottenBitForBitOnceItLeaves() {
        SplittableRandom r = new SplittableRandom(5);
        for (int window : new int[] {3, 10, 33}) {
            double[] clean = series(r, 400, 100.0, false);
            double[] spiked = clean.clone();
            int at = 150;
            spiked[at] = 1e14;
            MomentWindow a = new MomentWindow(window);
            MomentWindow b = new MomentWindow(window);
            for (int t = 0; t < clean.length; t++) {
                a.push(clean[t]);
                b.push(spiked[t]);
                if (t >= at + window) {
                    assertEquals(a.mean(), b.mean(), "bar " + t);
                    assertEquals(a.m2(), b.m2(), "bar " + t);
                    assertEquals(a.m3(), b.m3(), "bar " + t);
                    assertEquals(a.m4(), b.m4(), "bar " + t);
                }
            }
        }
    }

    private static double[] state(MomentWindow m) {
        return new double[] {m.count(), m.mean(), m.m2(), m.m3(), m.m4()};
    }

    @Test
    void oneOrTwoRewindsReturnExactlyAndLaterPushesAgree() {
        SplittableRandom r = new SplittableRandom(7);
        for (int window : new int[] {1, 2, 5, 8}) {
            double[] x = series(r, 120, 50.0, true);
            MomentWindow straight = new MomentWindow(window);
            MomentWindow probed = new MomentWindow(window);
            MomentWindow.Mark last = probed.newMark();
            MomentWindow.Mark now = probed.newMark();
            for (int t = 0; t < x.length; t++) {
                // A wrong bar, revised (replace-last), with a preview on top of it before the revision.
                probed.mark(last);
                probed.push(x[t] + 1);
                probed.mark(now);
                probed.push(-x[t]);
                probed.rewind(now);
                probed.rewind(last);
                probed.push(x[t]);
                straight.push(x[t]);
                assertEquals(java.util.Arrays.toString(state(straight)), java.util.Arrays.toString(state(probed)), "bar " + t);
            }
        }
    }

    /**
     * What a stream does: snapshot the window before the last bar, restore it into a fresh part and push that bar
     * again. The restored part snapshots exactly like the original and continues bit for bit, a revision of the last
     * bar included.
     */
    @Test
    void aSnapshotRestoresTheMomentsBitForBit() {
        SplittableRandom r = new SplittableRandom(3);
        for (int window : new int[] {1, 6, 20}) {
            double[] x = series(r, 60, 10.0, true);
            for (int k = 1; k < x.length; k++) {
                MomentWindow original = new MomentWindow(window);
                for (int t = 0; t < k - 1; t++) {
                    original.push(x[t]);
                }
                StateWriter w = new StateWriter();
                original.write(w);
                long[] words = w.toArray();
                MomentWindow copy = new MomentWindow(window);
                StateReader in = new StateReader("test", words);
                copy.read(in);
                in.end();
                StateWriter again = new StateWriter();
                copy.write(again);
                assertEquals(java.util.Arrays.toString(words), java.util.Arrays.toString(again.toArray()), "canonical at " + k);
                MomentWindow.Mark mark = original.newMark();
                MomentWindow.Mark copyMark = copy.newMark();
                original.mark(mark);
                copy.mark(copyMark);
                original.push(x[k - 1]);
                copy.push(x[k - 1]);
                assertEquals(java.util.Arrays.toString(state(original)), java.util.Arrays.toString(state(copy)), "after " + k);
                // Revise the last bar right after the restore, then continue.
                original.rewind(mark);
                copy.rewind(copyMark);
                for (int t = k - 1; t < x.length; t++) {
                    original.push(x[t]);
                    copy.push(x[t]);
                    assertEquals(java.util.Arrays.toString(state(original)), java.util.Arrays.toString(state(copy)),
                            "after " + k + ", bar " + t);
                }
            }
        }
    }

    @Test
    void aDamagedSnapshotIsRejected() {
        StateWriter w = new StateWriter();
        w.putInt(4);
        w.putLong(-1);
        assertThrows(CorruptSnapshotException.class, () -> new MomentWindow(4).read(new StateReader("test", w.toArray())));
        StateWriter other = new StateWriter();
        new MomentWindow(5).write(other);
        assertThrows(CorruptSnapshotException.class, () -> new MomentWindow(4).read(new StateReader("test", other.toArray())));
        // A push stores finite values and NaN only: an infinity would not snapshot back to the same words.
        StateWriter inf = new StateWriter();
        inf.putInt(2);
        inf.putLong(1);
        inf.putDouble(Double.POSITIVE_INFINITY);
        assertThrows(CorruptSnapshotException.class, () -> new MomentWindow(2).read(new StateReader("test", inf.toArray())));
        // A count claiming more values than the words hold is refused before anything is allocated for them.
        StateWriter big = new StateWriter();
        big.putInt(100_000);
        big.putLong(99_999);
        assertThrows(CorruptSnapshotException.class, () -> new MomentWindow(100_000).read(new StateReader("test", big.toArray())));
    }

    /**
     * A difference of means with binary exponent 1023 (a value near 1e308 among prices) counts in full: the power of
     * two that brought it to the merge's scale was built from bits that are all 0 there, not 2^−1023's, so the
     * deviation came out as 0 and a window holding such a value read as flat (a z-score of 0).
     */
    @Test
    void aValueNearTheLargestDoubleCountsInFull() {
        int n = 20;
        MomentWindow w = new MomentWindow(n);
        for (int i = 0; i < n - 1; i++) {
            w.push(100.0);
        }
        w.push(1e308);
        assertFalse(w.isFlat());
        double[] e = exact(new double[] {100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0,
            100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 1e308});
        assertEquals(e[0], w.mean(), Math.ulp(e[0]) * 4);
        // Σd² itself overflows; the standardized value does not: (x − mean)/√Σd² of the outlier is √((n − 1)/n).
        assertEquals(Math.sqrt((n - 1.0) / n), w.standardize(1e308), 1e-12);
        assertEquals(-1.0 / Math.sqrt((n - 1.0) * n), w.standardize(100.0), 1e-12);
    }
}
