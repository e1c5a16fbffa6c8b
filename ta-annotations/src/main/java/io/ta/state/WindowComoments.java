package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * Means, centred second moments and the co-moment {@code C = Σ(x − x̄)(y − ȳ)} of the last {@code window} pushed
 * pairs — correlation, covariance and least-squares slopes — exact in the sense of {@link BlockWindow} and centred as
 * {@link WindowMoments} (sums of {@code x − Kx}, {@code y − Ky} around a pair inside the window), so neither a long
 * stream nor an outlier nor a high price level costs precision. A pair with a missing member is missing. Moments below
 * their rounding bound are 0, as in {@link WindowMoments}. Contract: at most one push per kernel step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowComoments extends BlockWindow {
    /**
     * Slots per position: the pair, then (once its block is complete) the block's suffix sums from that position on, of
     * {@code dx}, {@code dy}, {@code dx²}, {@code dy²} and {@code dx·dy}.
     */
    private static final int STRIDE = 7;

    private final double zero;
    /** {@code 1/window}: the divisions by the window are multiplications by it, as in {@link WindowMoments}. */
    private final double inverse;
    // The shifts both blocks' sums are taken around: the previous block's newest pair (WindowMoments' shift).
    private double previousKx;
    private double previousKy;
    // Prefix: the current block's sums of dx = x − previousKx, dy = y − previousKy and their products.
    private double px;
    private double py;
    private double pxx;
    private double pyy;
    private double pxy;
    // The last compute(): window sums around (previousKx, previousKy).
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;

    /** A window of {@code window} pairs (at least 1). */
    public WindowComoments(int window) {
        super(window, 2, STRIDE, false);
        this.zero = 4.0 * (window + 2) * 0x1p-53;
        this.inverse = 1.0 / window;
    }

    /**
     * Adds the next pair; the pair {@code window} pushes back leaves. A push that completes a block folds its suffix
     * sums in a loop, as {@link WindowMoments#push} does and for the same reasons, but in {@link #pushEnd}: written out
     * here, the push would be over the 325 bytes C2 inlines, and a call made only at a block's end is one C2 leaves out
     * of line. One made on every push is inlined, so the push calls it on every push.
     */
    public void push(double x, double y) {
        int j = next;
        int c = at;
        double[] v = slots;
        int o = c + STRIDE * j;
        if (o == v.length) {
            v = growSlots(); // a long window's first block filling, or its first turn
        }
        v[o] = x;
        v[o + 1] = y;
        if (finite(x) && finite(y)) {
            double dx = x - previousKx;
            double dy = y - previousKy;
            px += dx;
            py += dy;
            pxx += dx * dx;
            pyy += dy * dy;
            pxy += dx * dy;
        } else {
            // Missing: written here, not called (BlockWindow#missingBefore says why).
            missingBefore2 = missingBefore;
            missingBefore = lastMissing;
            lastMissing = seq;
        }
        pushEnd(v, c, o, x, y);
    }

    /**
     * Counts the push of pair {@code (x, y)} at slot {@code o} of the block at {@code c}, and folds the block when that
     * completed it: around the block's newest pair, as WindowMoments#push's fold (which says why it has no test for
     * missing values and steps by the field). {@link #fold} is the same loop for a rewind or a snapshot's read.
     */
    private void pushEnd(double[] v, int c, int o, double x, double y) {
        int j = next;
        seq++;
        if (j + 1 != window) {
            next = j + 1;
            return;
        }
        double ax = 0.0;
        double ay = 0.0;
        double axx = 0.0;
        double ayy = 0.0;
        double axy = 0.0;
        for (int i = o; i >= c; i -= stride) {
            double dx = v[i] - x;
            double dy = v[i + 1] - y;
            ax += dx;
            ay += dy;
            axx += dx * dx;
            ayy += dy * dy;
            axy += dx * dy;
            v[i + 2] = ax;
            v[i + 3] = ay;
            v[i + 4] = axx;
            v[i + 5] = ayy;
            v[i + 6] = axy;
        }
        previousKx = x;
        previousKy = y;
        block ^= 1;
        olderAt = c;
        at = STRIDE * window - c;
        next = 0;
        px = 0.0;
        py = 0.0;
        pxx = 0.0;
        pyy = 0.0;
        pxy = 0.0;
    }

    /** Combines the previous block's suffix with the current prefix for the accessors. Requires {@link #isFull()}. */
    public void compute() {
        double[] v = slots;
        int s = olderAt + STRIDE * next;
        sx = v[s + 2] + px;
        sy = v[s + 3] + py;
        sxx = v[s + 4] + pxx;
        syy = v[s + 5] + pyy;
        sxy = v[s + 6] + pxy;
    }

    /** Mean of x, from the last {@link #compute()}. */
    public double meanX() {
        return previousKx + sx * inverse;
    }

    /** Mean of y, from the last {@link #compute()}. */
    public double meanY() {
        return previousKy + sy * inverse;
    }

    /**
     * {@code Σ(x − x̄)²}, from the last {@link #compute()}; 0 below its rounding bound, NaN where the squares
     * sum beyond the largest double (as {@link WindowMoments#m2()}).
     */
    public double m2x() {
        double m = sxx - sx * (sx * inverse);
        return m <= zero * sxx ? 0.0 * sxx : m;
    }

    /**
     * {@code Σ(y − ȳ)²}, from the last {@link #compute()}; 0 below its rounding bound, NaN where the squares
     * sum beyond the largest double (as {@link WindowMoments#m2()}).
     */
    public double m2y() {
        double m = syy - sy * (sy * inverse);
        return m <= zero * syy ? 0.0 * syy : m;
    }

    /** {@code Σ(x − x̄)(y − ȳ)}, from the last {@link #compute()}. */
    public double comoment() {
        return sxy - sx * (sy * inverse);
    }

    /** Block {@code b}'s suffix sums, by the loop a push that completes the block runs, around its newest pair. */
    @Override
    void fold(int b) {
        double[] v = slots;
        int c = STRIDE * window * b;
        int o = c + STRIDE * (window - 1);
        double k = v[o];
        double l = v[o + 1];
        double ax = 0.0;
        double ay = 0.0;
        double axx = 0.0;
        double ayy = 0.0;
        double axy = 0.0;
        for (int i = o; i >= c; i -= STRIDE) {
            double dx = v[i] - k;
            double dy = v[i + 1] - l;
            ax += dx;
            ay += dy;
            axx += dx * dx;
            ayy += dy * dy;
            axy += dx * dy;
            v[i + 2] = ax;
            v[i + 3] = ay;
            v[i + 4] = axx;
            v[i + 5] = ayy;
            v[i + 6] = axy;
        }
    }

    @Override
    void open() {
        px = 0.0;
        py = 0.0;
        pxx = 0.0;
        pyy = 0.0;
        pxy = 0.0;
        select();
    }

    @Override
    void refold() {
        for (int i = at; i < at + STRIDE * next; i += STRIDE) {
            double x = slots[i];
            double y = slots[i + 1];
            if (finite(x) && finite(y)) {
                double dx = x - previousKx;
                double dy = y - previousKy;
                px += dx;
                py += dy;
                pxx += dx * dx;
                pyy += dy * dy;
                pxy += dx * dy;
            }
        }
    }

    /** The blocks' offsets from the push count and the block number, and the previous block's shifts from its pair. */
    private void select() {
        slotOffsets();
        // The previous block's newest pair, as WindowMoments#select takes its shift.
        int s = olderAt + STRIDE * (window - 1);
        boolean turned = seq >= window;
        previousKx = turned ? slots[s] : 0.0;
        previousKy = turned ? slots[s + 1] : 0.0;
    }

    @Override
    void save(Mark into) {
        into.s0 = px;
        into.s1 = py;
        into.s2 = pxx;
        into.s3 = pyy;
        into.s4 = pxy;
    }

    @Override
    void load(Mark from) {
        px = from.s0;
        py = from.s1;
        pxx = from.s2;
        pyy = from.s3;
        pxy = from.s4;
        select();
    }
}
