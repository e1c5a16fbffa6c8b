package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * The mean of the last {@code window} pushed values and their co-moment with their position in the window,
 * {@code C = Σ(p − p̄)(x − x̄)} with {@code p = 0} the oldest: everything a least-squares line over the window
 * ({@code slope = C / (n(n²−1)/12)}) and a linearly weighted average ({@code WMA = x̄ + C / (n(n+1)/2)}) need.
 * Exact in the sense of {@link BlockWindow} and centred as {@link WindowMoments}: the sums are of {@code x − K} and
 * {@code p·(x − K)} with {@code K} a value inside the window, so a slope keeps its precision at any price level.
 * Missing values count as 0 (see {@link #hasMissing()}). Contract: at most one push per kernel step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowTrend extends BlockWindow {
    private final double centrePosition;
    private final double[][] suffix = new double[2][];
    private final double[][] weighted = new double[2][];
    private final double[] shifts = new double[2];
    private double[] previousSum;
    private double[] previousWeighted;
    // The shift both blocks' sums are taken around: the previous block's newest finite value, as WindowMoments' shift.
    private double previousShift;
    // Prefix: Σd and Σ j·d with d = x − previousShift and j the position in the block.
    private double p;
    private double q;
    // The last compute(): Σ(x − c) and Σ pos·(x − c) over the window, with c the previous block's shift.
    private double sum;
    private double moment;

    /** A window of {@code window} values (at least 1). */
    public WindowTrend(int window) {
        super(window, 1);
        this.centrePosition = (window - 1) * 0.5;
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        int j = next;
        double[] v = xs;
        if (j == v.length) {
            grow();
            v = xs;
        }
        v[j] = x;
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
        advance(j);
    }

    /** Combines the previous block's suffix with the current prefix for the accessors. Requires {@link #isFull()}. */
    public void compute() {
        int j = next;
        // The current block's positions follow the window - j previous-block values still in the window.
        sum = previousSum[j] + p;
        moment = previousWeighted[j] + q + (window - j) * p;
    }

    /** The window's mean, from the last {@link #compute()}. */
    public double mean() {
        return previousShift + sum / window;
    }

    /** {@code Σ(p − p̄)(x − x̄)} with p the position (0 = oldest), from the last {@link #compute()}. */
    public double comoment() {
        return moment - centrePosition * sum;
    }

    @Override
    void fold(int b) {
        double[] v = b == 0 ? x0 : x1;
        if (suffix[b] == null) {
            suffix[b] = new double[window + 1];
            weighted[b] = new double[window + 1];
        }
        double[] s = suffix[b];
        double[] w = weighted[b];
        double k = 0.0;
        for (int i = window - 1; i >= 0; i--) {
            if (finite(v[i])) {
                k = v[i];
                break;
            }
        }
        shifts[b] = k;
        // w[i] = Σ_{m ≥ i} (m − i)·d_m = w[i + 1] + s[i + 1]: every later value moves one position further.
        double as = 0.0;
        double aw = 0.0;
        for (int i = window - 1; i >= 0; i--) {
            aw += as;
            double x = v[i];
            as += finite(x) ? x - k : 0.0;
            s[i] = as;
            w[i] = aw;
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
            double x = xs[j];
            if (finite(x)) {
                double d = x - previousShift;
                p += d;
                q += j * d;
            }
        }
    }

    private void select() {
        int b = block ^ 1;
        previousSum = suffix[b];
        previousWeighted = weighted[b];
        previousShift = shifts[b];
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
