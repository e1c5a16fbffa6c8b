package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;

/**
 * The sums of two series over the same last {@code window} pushes, exact in the sense of {@link BlockWindow} (never
 * updated by subtraction), for kernels that divide one window sum by another (cmf's money flow by its volume). One
 * part where two {@link WindowSum}s would each count pushes, track missing values, turn blocks and take a checkpoint:
 * a stream's update stores half the bookkeeping. Each sum is bit for bit what a {@link WindowSum} of its series gives
 * when the two series are missing together.
 *
 * <p>A pair is missing when either value is non-finite: it adds to neither sum, and {@link #hasMissing()} is true while
 * it is inside the window.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class WindowSumPair extends BlockWindow {
    private double[] suffixX0;
    private double[] suffixX1;
    private double[] suffixY0;
    private double[] suffixY1;
    private double[] previousX;
    private double[] previousY;
    private double prefixX;
    private double prefixY;

    /** A window of {@code window} pairs (at least 1). */
    public WindowSumPair(int window) {
        super(window, true);
    }

    /** Adds the next pair; the pair {@code window} pushes back leaves. */
    public void push(double x, double y) {
        int j = next;
        double[] v = xs;
        double[] u = ys;
        if (j == v.length) {
            grow();
            v = xs;
            u = ys;
        }
        v[j] = x;
        u[j] = y;
        if (finite(x) && finite(y)) {
            prefixX += x;
            prefixY += y;
        } else {
            pushedMissing();
        }
        advance(j);
    }

    /** The sum of the first series over the window's complete pairs. Requires {@link #isFull()}. */
    public double sumX() {
        return previousX[next] + prefixX;
    }

    /** The sum of the second series over the window's complete pairs. Requires {@link #isFull()}. */
    public double sumY() {
        return previousY[next] + prefixY;
    }

    @Override
    void fold(int b) {
        double[] v = b == 0 ? x0 : x1;
        double[] u = b == 0 ? y0 : y1;
        if (b == 0 && suffixX0 == null) {
            suffixX0 = new double[window + 1];
            suffixY0 = new double[window + 1];
        } else if (b == 1 && suffixX1 == null) {
            suffixX1 = new double[window + 1];
            suffixY1 = new double[window + 1];
        }
        double[] sx = b == 0 ? suffixX0 : suffixX1;
        double[] sy = b == 0 ? suffixY0 : suffixY1;
        double ax = 0.0;
        double ay = 0.0;
        for (int i = window - 1; i >= 0; i--) {
            double x = v[i];
            double y = u[i];
            if (finite(x) && finite(y)) {
                ax += x;
                ay += y;
            }
            sx[i] = ax;
            sy[i] = ay;
        }
    }

    @Override
    void open() {
        prefixX = 0.0;
        prefixY = 0.0;
        select();
    }

    @Override
    void refold() {
        double px = prefixX;
        double py = prefixY;
        for (int i = 0; i < next; i++) {
            double x = xs[i];
            double y = ys[i];
            if (finite(x) && finite(y)) {
                px += x;
                py += y;
            }
        }
        prefixX = px;
        prefixY = py;
    }

    private void select() {
        previousX = block == 0 ? suffixX1 : suffixX0;
        previousY = block == 0 ? suffixY1 : suffixY0;
    }

    @Override
    void save(Mark into) {
        into.s0 = prefixX;
        into.s1 = prefixY;
    }

    @Override
    void load(Mark from) {
        prefixX = from.s0;
        prefixY = from.s1;
        select();
    }
}
