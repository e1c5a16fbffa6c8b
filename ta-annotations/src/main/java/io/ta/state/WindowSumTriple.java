package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

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
    /** Slots per position: the triple, then the running sums of the block's triples before it. */
    private static final int STRIDE = 6;
    private double prefixX;
    private double prefixY;
    private double prefixZ;
    private double totalX;
    private double totalY;
    private double totalZ;

    /** A window of {@code window} triples (at least 1). */
    public WindowSumTriple(int window) {
        super(window, 3, STRIDE);
    }

    /** Adds the next triple; the triple {@code window} pushes back leaves. */
    public void push(double x, double y, double z) {
        int j = next;
        int c = at;
        int i = c + STRIDE * j;
        double[] d = slots;
        if (i == d.length) {
            d = growSlots(); // a long window's first block filling, or its first turn
        }
        double px = prefixX;
        double py = prefixY;
        double pz = prefixZ;
        d[i] = x;
        d[i + 1] = y;
        d[i + 2] = z;
        d[i + 3] = px;
        d[i + 4] = py;
        d[i + 5] = pz;
        // One test for the three (x − x is 0 for a finite x, NaN otherwise): the push stays under the size C2 inlines.
        if ((x - x) + (y - y) + (z - z) == 0.0) {
            px += x;
            py += y;
            pz += z;
        } else {
            // Missing: written here, not called (BlockWindow#missingBefore says why).
            missingBefore2 = missingBefore;
            missingBefore = lastMissing;
            lastMissing = seq;
        }
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
            block ^= 1;
            olderAt = c;
            at = STRIDE * window - c;
        }
    }

    /** The sum of the first series over the window's complete triples. Requires {@link #isFull()}. */
    public double sumX() {
        return (totalX - slots[olderAt + STRIDE * next + 3]) + prefixX;
    }

    /** The sum of the second series over the window's complete triples. Requires {@link #isFull()}. */
    public double sumY() {
        return (totalY - slots[olderAt + STRIDE * next + 4]) + prefixY;
    }

    /** The sum of the third series over the window's complete triples. Requires {@link #isFull()}. */
    public double sumZ() {
        return (totalZ - slots[olderAt + STRIDE * next + 5]) + prefixZ;
    }

    /**
     * Block {@code b}'s running sums and totals from its triples: a snapshot's read and a window of one's rewind, which
     * both set the current block's prefix afterwards, so it serves here as the accumulator.
     */
    @Override
    void fold(int b) {
        sumFrom(STRIDE * b * window, window);
        totalX = prefixX;
        totalY = prefixY;
        totalZ = prefixZ;
    }

    /**
     * The running sums of the {@code n} triples from slot {@code from}, from 0 and added as a push adds them, stored as a
     * push stores them; the sums of all {@code n} are left in the prefix.
     */
    private void sumFrom(int from, int n) {
        double[] d = slots;
        double ax = 0.0;
        double ay = 0.0;
        double az = 0.0;
        for (int i = from; i < from + STRIDE * n; i += STRIDE) {
            d[i + 3] = ax;
            d[i + 4] = ay;
            d[i + 5] = az;
            double x = d[i];
            double y = d[i + 1];
            double z = d[i + 2];
            if (finite(x) && finite(y) && finite(z)) {
                ax += x;
                ay += y;
                az += z;
            }
        }
        prefixX = ax;
        prefixY = ay;
        prefixZ = az;
    }

    /** A new part's or a snapshot's current block: the running sums restart, the other block (if any) is older. */
    @Override
    void open() {
        prefixX = 0.0;
        prefixY = 0.0;
        prefixZ = 0.0;
        slotOffsets();
    }

    /** The current block's prefix, from its first triple (a snapshot's read opens the block first). */
    @Override
    void refold() {
        sumFrom(at, next);
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
        // A rewind may cross a turn, back into the first block too.
        slotOffsets();
    }
}
