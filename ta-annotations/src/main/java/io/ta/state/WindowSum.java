package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * The exact sum of the last {@code window} pushed values (missing ones count as 0; see {@link #hasMissing()}), in
 * O(1) amortized time per push and without ever subtracting a value that leaves: the window's sum is the suffix sum
 * of the previous block plus the running sum of the current one ({@link BlockWindow}). It cannot drift and forgets an
 * outlier completely once the outlier has left the window. Contract: at most one push per kernel step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowSum extends BlockWindow {
    private double[] suffix0;
    private double[] suffix1;
    private double[] previous;
    private double prefix;

    /** A window of {@code window} values (at least 1). */
    public WindowSum(int window) {
        super(window, false);
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
            prefix += x;
        } else {
            pushedMissing();
        }
        advance(j);
    }

    /** The sum of the finite values in the window. Requires {@link #isFull()}. */
    public double sum() {
        return previous[next] + prefix;
    }

    @Override
    void fold(int b) {
        double[] v = b == 0 ? x0 : x1;
        double[] s = b == 0 ? suffix0 : suffix1;
        if (s == null) {
            s = new double[window + 1];
            if (b == 0) {
                suffix0 = s;
            } else {
                suffix1 = s;
            }
        }
        double acc = 0.0;
        for (int i = window - 1; i >= 0; i--) {
            double a = v[i];
            acc += finite(a) ? a : 0.0;
            s[i] = acc;
        }
    }

    @Override
    void open() {
        prefix = 0.0;
        select();
    }

    @Override
    void refold() {
        double p = prefix;
        for (int i = 0; i < next; i++) {
            double a = xs[i];
            if (finite(a)) {
                p += a;
            }
        }
        prefix = p;
    }

    private void select() {
        previous = block == 0 ? suffix1 : suffix0;
    }

    @Override
    void save(Mark into) {
        into.s0 = prefix;
    }

    @Override
    void load(Mark from) {
        prefix = from.s0;
        select();
    }
}
