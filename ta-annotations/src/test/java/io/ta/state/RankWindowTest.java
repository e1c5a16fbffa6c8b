package io.ta.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.CorruptSnapshotException;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link RankWindow} against the definition, pair by pair (O(n²) per window, no tree), and against Spearman's
 * correlation computed from average ranks; and its checkpoint contract: one or two rewinds, snapshots.
 */
class RankWindowTest {

    /** Values with many ties (small integers), some missing. */
    private static double[] series(SplittableRandom r, int n, int distinct) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(50) == 0 ? Double.NaN : r.nextInt(distinct) * 0.5 - 3;
        }
        return x;
    }

    /** {W, T} of the window {@code x[from, to)} by definition; the index of a value is its position. */
    private static long[] naive(double[] x, int from, int to) {
        long w = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                w += (long) Math.signum(x[j] - x[i]) * (j - i);
            }
        }
        long t = 0;
        boolean[] seen = new boolean[to - from];
        for (int i = from; i < to; i++) {
            if (seen[i - from]) {
                continue;
            }
            long tau = 0;
            for (int j = i; j < to; j++) {
                if (x[j] == x[i]) {
                    seen[j - from] = true;
                    tau++;
                }
            }
            t += tau * tau * tau - tau;
        }
        return new long[] {w, t};
    }

    /** Spearman's rho of {@code w} with 1..n: Pearson's correlation of average ranks. */
    private static double spearman(double[] w) {
        int n = w.length;
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            int below = 0;
            int same = 0;
            for (double v : w) {
                below += v < w[i] ? 1 : 0;
                same += v == w[i] ? 1 : 0;
            }
            rank[i] = below + (same + 1) / 2.0;
        }
        double rm = (n + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double a = rank[i] - rm;
            double b = i + 1 - rm;
            sxy += a * b;
            sxx += a * a;
            syy += b * b;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    @Test
    void concordanceAndTiesMatchTheDefinitionOnEveryWindow() {
        SplittableRandom r = new SplittableRandom(17);
        for (int window : new int[] {1, 2, 3, 5, 12, 40}) {
            for (int distinct : new int[] {2, 5, 1000}) {
                double[] x = series(r, 300, distinct);
                RankWindow ranks = new RankWindow(window);
                for (int t = 0; t < x.length; t++) {
                    ranks.push(x[t]);
                    int from = Math.max(0, t + 1 - window);
                    boolean missing = false;
                    for (int i = from; i <= t; i++) {
                        missing |= Double.isNaN(x[i]);
                    }
                    assertEquals(missing, ranks.hasMissing(), "bar " + t);
                    assertEquals(t + 1 >= window, ranks.isFull());
                    if (!missing) {
                        long[] e = naive(x, from, t + 1);
                        String at = "window " + window + ", distinct " + distinct + ", bar " + t;
                        assertEquals(e[0], ranks.concordance(), at + ": concordance");
                        assertEquals(e[1], ranks.ties(), at + ": ties");
                        if (ranks.isFull() && e[1] != (long) window * window * window - window) {
                            long cube = (long) window * window * window - window;
                            double rho = 6.0 * ranks.concordance() / Math.sqrt((double) (cube - ranks.ties()) * cube);
                            double[] w = java.util.Arrays.copyOfRange(x, from, t + 1);
                            assertEquals(spearman(w), rho, 1e-12, at + ": Spearman's rho");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aSteadyRiseIsPerfectlyConcordant() {
        RankWindow ranks = new RankWindow(10);
        for (int t = 0; t < 1000; t++) {
            ranks.push(1e9 + t);
        }
        assertEquals(165, ranks.concordance(), "Σ_{i<j} (j − i) = n(n² − 1)/6 for n = 10");
        assertEquals(0, ranks.ties());
        assertFalse(ranks.hasMissing());
    }

    @Test
    void oneOrTwoRewindsReturnExactly() {
        SplittableRandom r = new SplittableRandom(23);
        for (int window : new int[] {1, 2, 4, 9}) {
            double[] x = series(r, 200, 6);
            RankWindow straight = new RankWindow(window);
            RankWindow probed = new RankWindow(window);
            RankWindow.Mark last = probed.newMark();
            RankWindow.Mark now = probed.newMark();
            for (int t = 0; t < x.length; t++) {
                probed.mark(last);
                probed.push(x[t] + 1);
                probed.mark(now);
                probed.push(r.nextBoolean() ? Double.NaN : -x[t]);
                probed.rewind(now);
                probed.rewind(last);
                probed.push(x[t]);
                straight.push(x[t]);
                String at = "window " + window + ", bar " + t;
                assertEquals(straight.concordance(), probed.concordance(), at);
                assertEquals(straight.ties(), probed.ties(), at);
                assertEquals(straight.hasMissing(), probed.hasMissing(), at);
                assertEquals(straight.count(), probed.count(), at);
            }
        }
    }

    /**
     * What a stream does: snapshot the window before the last bar, restore it into a fresh part and push that bar
     * again; the ranks are rebuilt exactly, the snapshot is canonical and a revision of the last bar works.
     */
    @Test
    void aSnapshotRebuildsTheRanks() {
        SplittableRandom r = new SplittableRandom(29);
        int window = 7;
        double[] x = series(r, 80, 4);
        for (int k = 1; k < x.length; k++) {
            RankWindow original = new RankWindow(window);
            for (int t = 0; t < k - 1; t++) {
                original.push(x[t]);
            }
            StateWriter w = new StateWriter();
            original.write(w);
            RankWindow copy = new RankWindow(window);
            StateReader in = new StateReader("test", w.toArray());
            copy.read(in);
            in.end();
            StateWriter again = new StateWriter();
            copy.write(again);
            assertArrayEquals(w.toArray(), again.toArray(), "canonical at " + k);
            RankWindow.Mark mark = original.newMark();
            RankWindow.Mark copyMark = copy.newMark();
            original.mark(mark);
            copy.mark(copyMark);
            original.push(x[k - 1]);
            copy.push(x[k - 1]);
            assertEquals(original.concordance(), copy.concordance());
            assertEquals(original.ties(), copy.ties());
            original.rewind(mark);
            copy.rewind(copyMark);
            for (int t = k - 1; t < x.length; t++) {
                original.push(x[t]);
                copy.push(x[t]);
                assertEquals(original.concordance(), copy.concordance(), "after " + k + ", bar " + t);
                assertEquals(original.ties(), copy.ties(), "after " + k + ", bar " + t);
                assertEquals(original.hasMissing(), copy.hasMissing(), "after " + k + ", bar " + t);
            }
        }
    }

    @Test
    void aDamagedSnapshotIsRejected() {
        StateWriter w = new StateWriter();
        w.putInt(4);
        w.putLong(-5);
        assertThrows(CorruptSnapshotException.class, () -> new RankWindow(4).read(new StateReader("test", w.toArray())));
        StateWriter big = new StateWriter();
        big.putInt(100_000);
        big.putLong(Long.MAX_VALUE / 4);
        assertThrows(CorruptSnapshotException.class, () -> new RankWindow(100_000).read(new StateReader("test", big.toArray())));
    }
}
