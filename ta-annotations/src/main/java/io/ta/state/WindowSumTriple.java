package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import java.util.Arrays;

/**
 * The sums of three series over the same last {@code window} pushes, kept as {@link WindowSumPair} keeps two, for a
 * kernel that divides two window sums by a third (vortex: ΣVM⁺ and ΣVM⁻ by ΣTR). One part where a pair and a
 * {@link WindowSum} would each count pushes, track missing values, turn blocks and take a checkpoint. Each sum is bit
 * for bit what a {@link WindowSum} of its series gives when the three series are missing together.
 *
 * <p>A triple is missing when any of its values is non-finite: it adds to none of the sums, and {@link #hasMissing()}
 * is true while it is inside the window.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowSumTriple extends BlockWindow {
    /**
     * Running sums of block 0 and block 1, the series interleaved: slots {@code 3k} to {@code 3k + 2} sum the block's
     * first {@code k} triples (as the pair's).
     */
    private double[] prefixes0;
    private double[] prefixes1;
    private double[] current;
    private double[] previous;
    private double prefixX;
    private double prefixY;
    private double prefixZ;
    private double totalX;
    private double totalY;
    private double totalZ;

    /** A window of {@code window} triples (at least 1). */
    public WindowSumTriple(int window) {
        super(window, 3);
        // As in WindowSum: the second block from the start, written out.
        prefixes0 = current = new double[3 * x0.length + 3];
        if (x0.length == window) {
            x1 = new double[window];
            y1 = new double[window];
            z1 = new double[window];
            previous = prefixes1 = new double[3 * window + 3];
        }
    }

    /** Adds the next triple; the triple {@code window} pushes back leaves. */
    public void push(double x, double y, double z) {
        int j = next;
        if (j == xs.length) {
            growBlock();
        }
        xs[j] = x;
        ys[j] = y;
        zs[j] = z;
        double px = prefixX;
        double py = prefixY;
        double pz = prefixZ;
        // One test for the three (x − x is 0 for a finite x, NaN otherwise): the push stays under the size C2 inlines.
        if ((x - x) + (y - y) + (z - z) == 0.0) {
            px += x;
            py += y;
            pz += z;
        } else {
            pushedMissing();
        }
        double[] c = current;
        c[3 * j + 3] = px;
        c[3 * j + 4] = py;
        c[3 * j + 5] = pz;
        seq++;
        if (j + 1 != window) {
            prefixX = px;
            prefixY = py;
            prefixZ = pz;
            next = j + 1;
        } else {
            // The block turn written out, as in WindowSum.
            totalX = px;
            totalY = py;
            totalZ = pz;
            prefixX = 0.0;
            prefixY = 0.0;
            prefixZ = 0.0;
            next = 0;
            int b = block ^ 1;
            block = b;
            if (b == 0) {
                xs = x0;
                ys = y0;
                zs = z0;
            } else {
                xs = x1;
                ys = y1;
                zs = z1;
            }
            // The other block's running sums are the older: they become the current block's.
            current = previous;
            previous = c;
        }
    }

    /** As {@link WindowSum}'s: the first block's buffers grow, and the second block comes with their last growth. */
    private void growBlock() {
        grow();
        prefixes0 = current = Arrays.copyOf(current, 3 * xs.length + 3);
        if (x1 != null) {
            previous = prefixes(1);
        }
    }

    /** The sum of the first series over the window's complete triples. Requires {@link #isFull()}. */
    public double sumX() {
        return (totalX - previous[3 * next]) + prefixX;
    }

    /** The sum of the second series over the window's complete triples. Requires {@link #isFull()}. */
    public double sumY() {
        return (totalY - previous[3 * next + 1]) + prefixY;
    }

    /** The sum of the third series over the window's complete triples. Requires {@link #isFull()}. */
    public double sumZ() {
        return (totalZ - previous[3 * next + 2]) + prefixZ;
    }

    /**
     * Block {@code b}'s running sums and totals from its triples: a snapshot's read and a window of one's rewind, which
     * both set the current block's prefix afterwards, so it serves here as the accumulator.
     */
    @Override
    void fold(int b) {
        sumInto(b == 0 ? x0 : x1, b == 0 ? y0 : y1, b == 0 ? z0 : z1, prefixes(b), window);
        totalX = prefixX;
        totalY = prefixY;
        totalZ = prefixZ;
    }

    /**
     * The running sums of the first {@code n} triples of {@code v}, {@code u} and {@code w} into {@code s}, from 0 and
     * added as a push adds them; the sums of all {@code n} are left in the prefix.
     */
    private void sumInto(double[] v, double[] u, double[] w, double[] s, int n) {
        double ax = 0.0;
        double ay = 0.0;
        double az = 0.0;
        for (int i = 0; i < n; i++) {
            double x = v[i];
            double y = u[i];
            double z = w[i];
            if (finite(x) && finite(y) && finite(z)) {
                ax += x;
                ay += y;
                az += z;
            }
            s[3 * i + 3] = ax;
            s[3 * i + 4] = ay;
            s[3 * i + 5] = az;
        }
        prefixX = ax;
        prefixY = ay;
        prefixZ = az;
    }

    /** Block {@code b}'s running sums, allocated (three times as long as its buffers, plus three) on first use. */
    private double[] prefixes(int b) {
        if (b == 0) {
            return prefixes0 = ofLength(prefixes0, 3 * x0.length + 3);
        }
        return prefixes1 = ofLength(prefixes1, 3 * x1.length + 3);
    }

    /** As {@link WindowSum}'s: the running sums sized to the buffers, and selected. */
    @Override
    void open() {
        prefixX = 0.0;
        prefixY = 0.0;
        prefixZ = 0.0;
        current = prefixes(block);
        previous = x1 == null ? null : prefixes(block ^ 1);
    }

    /** The current block's prefix, from its first triple (a snapshot's read opens the block first). */
    @Override
    void refold() {
        sumInto(xs, ys, zs, current, next);
    }

    @Override
    void save(Mark into) {
        into.s0 = prefixX;
        into.s1 = prefixY;
        into.s2 = prefixZ;
        into.s3 = totalX;
        into.s4 = totalY;
        into.s5 = totalZ;
    }

    @Override
    void load(Mark from) {
        prefixX = from.s0;
        prefixY = from.s1;
        prefixZ = from.s2;
        totalX = from.s3;
        totalY = from.s4;
        totalZ = from.s5;
        current = block == 0 ? prefixes0 : prefixes1;
        previous = block == 0 ? prefixes1 : prefixes0;
    }

    @Override
    long oldestKept(long pushes) {
        return WindowSum.keptFrom(pushes, window);
    }
}
