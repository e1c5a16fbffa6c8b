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
    private static final int X = 0;
    private static final int Y = 1;
    private static final int XX = 2;
    private static final int YY = 3;
    private static final int XY = 4;

    private final double zero;
    /** {@code 1/window}: the divisions by the window are multiplications by it, as in {@link WindowMoments}. */
    private final double inverse;
    /** Suffix sums per buffer: {@code [buffer][X, Y, XX, YY, XY][position]}. */
    private final double[][][] suffix = new double[2][][];
    private final double[] shiftX = new double[2];
    private final double[] shiftY = new double[2];
    private double[][] previous;
    // The shifts both blocks' sums are taken around: the previous block's newest complete pair (WindowMoments' shift).
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
        super(window, 2);
        this.zero = 4.0 * (window + 2) * 0x1p-53;
        this.inverse = 1.0 / window;
    }

    /** Adds the next pair; the pair {@code window} pushes back leaves. */
    public void push(double x, double y) {
        int j = next;
        double[] vx = xs;
        if (j == vx.length) {
            grow();
            vx = xs;
        }
        vx[j] = x;
        ys[j] = y;
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
        advance(j);
    }

    /** Combines the previous block's suffix with the current prefix for the accessors. Requires {@link #isFull()}. */
    public void compute() {
        int j = next;
        double[][] p = previous;
        sx = p[X][j] + px;
        sy = p[Y][j] + py;
        sxx = p[XX][j] + pxx;
        syy = p[YY][j] + pyy;
        sxy = p[XY][j] + pxy;
    }

    /** Mean of x, from the last {@link #compute()}. */
    public double meanX() {
        return previousKx + sx * inverse;
    }

    /** Mean of y, from the last {@link #compute()}. */
    public double meanY() {
        return previousKy + sy * inverse;
    }

    /** {@code Σ(x − x̄)²}, from the last {@link #compute()}; 0 below its rounding bound. */
    public double m2x() {
        double m = sxx - sx * (sx * inverse);
        return m <= zero * sxx ? 0.0 : m;
    }

    /** {@code Σ(y − ȳ)²}, from the last {@link #compute()}; 0 below its rounding bound. */
    public double m2y() {
        double m = syy - sy * (sy * inverse);
        return m <= zero * syy ? 0.0 : m;
    }

    /** {@code Σ(x − x̄)(y − ȳ)}, from the last {@link #compute()}. */
    public double comoment() {
        return sxy - sx * (sy * inverse);
    }

    @Override
    void fold(int b) {
        double[] vx = b == 0 ? x0 : x1;
        double[] vy = b == 0 ? y0 : y1;
        double[][] s = suffix[b];
        if (s == null) {
            s = new double[5][window + 1];
            suffix[b] = s;
        }
        double k = 0.0;
        double l = 0.0;
        for (int i = window - 1; i >= 0; i--) {
            if (finite(vx[i]) && finite(vy[i])) {
                k = vx[i];
                l = vy[i];
                break;
            }
        }
        shiftX[b] = k;
        shiftY[b] = l;
        double[] fx = s[X];
        double[] fy = s[Y];
        double[] fxx = s[XX];
        double[] fyy = s[YY];
        double[] fxy = s[XY];
        double ax = 0.0;
        double ay = 0.0;
        double axx = 0.0;
        double ayy = 0.0;
        double axy = 0.0;
        for (int i = window - 1; i >= 0; i--) {
            double x = vx[i];
            double y = vy[i];
            boolean ok = finite(x) && finite(y);
            double dx = ok ? x - k : 0.0;
            double dy = ok ? y - l : 0.0;
            ax += dx;
            ay += dy;
            axx += dx * dx;
            ayy += dy * dy;
            axy += dx * dy;
            fx[i] = ax;
            fy[i] = ay;
            fxx[i] = axx;
            fyy[i] = ayy;
            fxy[i] = axy;
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
        for (int i = 0; i < next; i++) {
            double x = xs[i];
            double y = ys[i];
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

    private void select() {
        int p = block ^ 1;
        previous = suffix[p];
        previousKx = shiftX[p];
        previousKy = shiftY[p];
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
