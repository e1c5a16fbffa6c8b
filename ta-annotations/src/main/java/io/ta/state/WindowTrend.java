package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * The mean of the last {@code window} pushed values and their co-moment with their position in the window,
 * {@code C = Σ(p − p̄)(x − x̄)} with {@code p = 0} the oldest: everything a least-squares line over the window
 * ({@code slope = C / (n(n²−1)/12)}) and a linearly weighted average ({@code WMA = x̄ + C / (n(n+1)/2)}) need.
 * Exact in the sense of {@link BlockWindow} and centred as {@link WindowMoments}: the sums are of {@code x − K} and
 * {@code p·(x − K)} with {@code K} a value inside the window, so a slope keeps its precision at any price level.
 * Missing values take their place in the window; what the accessors give while one is inside it
 * ({@link #hasMissing()}) is meaningless. Contract: at most one push per kernel step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowTrend extends BlockWindow {
    /**
     * Slots per position: the value, then (once its block is complete) the block's suffix sums from that position on,
     * of {@code d} and of {@code (m − i)·d} (every later value's distance from this position).
     */
    private static final int STRIDE = 3;

    private final double centrePosition;
    // The shift both blocks' sums are taken around: the previous block's newest value, as WindowMoments' shift.
    private double previousShift;
    // Prefix: Σd and Σ j·d with d = x − previousShift and j the position in the block.
    private double p;
    private double q;
    // The last compute(): Σ(x − c) and Σ pos·(x − c) over the window, with c the previous block's shift.
    private double sum;
    private double moment;

    /** A window of {@code window} values (at least 1). */
    public WindowTrend(int window) {
        super(window, 1, STRIDE, false);
        this.centrePosition = (window - 1) * 0.5;
    }

    /**
     * Adds the next value; the value {@code window} pushes back leaves. A push that completes a block folds its suffix
     * sums in a loop of its own, as {@link WindowMoments#push} does and for the same reasons; {@link #fold} is the
     * same loop for a rewind or a snapshot's read.
     */
    public void push(double x) {
        int j = next;
        int c = at;
        double[] v = slots;
        int o = c + STRIDE * j;
        if (o == v.length) {
            v = growSlots(); // a long window's first block filling, or its first turn
        }
        v[o] = x;
        if (finite(x)) {
            double d = x - previousShift;
            p += d;
            q += j * d;
        } else {
            // Missing: written here, not called (BlockWindow#missingBefore says why).
            missingBefore2 = missingBefore;
            missingBefore = lastMissing;
            lastMissing = seq;
        }
        seq++;
        if (j + 1 != window) {
            next = j + 1;
            return;
        }
        // The fold, around the block's newest value, as WindowMoments#push's (which says why it has no test for
        // missing values and steps by the field).
        // w[i] = Σ_{m ≥ i} (m − i)·d_m = w[i + 1] + s[i + 1]: every later value moves one position further.
        double as = 0.0;
        double aw = 0.0;
        for (int i = o; i >= c; i -= stride) {
            aw += as;
            as += v[i] - x;
            v[i + 1] = as;
            v[i + 2] = aw;
        }
        previousShift = x;
        block ^= 1;
        olderAt = c;
        at = STRIDE * window - c;
        next = 0;
        p = 0.0;
        q = 0.0;
    }

    /** Combines the previous block's suffix with the current prefix for the accessors. Requires {@link #isFull()}. */
    public void compute() {
        int j = next;
        int s = olderAt + STRIDE * j;
        // The current block's positions follow the window - j previous-block values still in the window.
        sum = slots[s + 1] + p;
        moment = slots[s + 2] + q + (window - j) * p;
    }

    /** The window's mean, from the last {@link #compute()}. */
    public double mean() {
        return previousShift + sum / window;
    }

    /**
     * The window's sum {@code Σx}, from the last {@link #compute()}: {@code n·c + Σ(x − c)} with {@code c} the shift,
     * without the division {@link #mean()} makes.
     */
    public double total() {
        return window * previousShift + sum;
    }

    /** {@code Σ(p − p̄)(x − x̄)} with p the position (0 = oldest), from the last {@link #compute()}. */
    public double comoment() {
        return moment - centrePosition * sum;
    }

    /** Block {@code b}'s suffix sums, by the loop a push that completes the block runs. */
    @Override
    void fold(int b) {
        double[] v = slots;
        int c = STRIDE * window * b;
        double k = v[c + STRIDE * (window - 1)];
        double as = 0.0;
        double aw = 0.0;
        for (int i = c + STRIDE * (window - 1); i >= c; i -= STRIDE) {
            aw += as;
            as += v[i] - k;
            v[i + 1] = as;
            v[i + 2] = aw;
        }
    }

    @Override
    void open() {
        p = 0.0;
        q = 0.0;
        select();
    }

    @Override
    void refold() {
        for (int j = 0; j < next; j++) {
            double x = slots[at + STRIDE * j];
            if (finite(x)) {
                double d = x - previousShift;
                p += d;
                q += j * d;
            }
        }
    }

    /** The blocks' offsets from the push count and the block number, and the previous block's shift from its values. */
    private void select() {
        slotOffsets();
        // The previous block's shift is its newest value, in every window that reads the block's sums (and kept by
        // a window of one's mark); before the first turn there is none, and the prefix is taken around 0.
        previousShift = seq >= window ? slots[olderAt + STRIDE * (window - 1)] : 0.0;
    }

    @Override
    void save(Mark into) {
        into.s0 = p;
        into.s1 = q;
    }

    @Override
    void load(Mark from) {
        p = from.s0;
        q = from.s1;
        select();
    }
}
