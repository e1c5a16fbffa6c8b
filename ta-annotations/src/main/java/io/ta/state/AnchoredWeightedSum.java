package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The linearly weighted sum of the last {@code window} pushed values, {@code Σ k·x} with weight 1 for the oldest and
 * {@code window} for the newest (missing values count as 0; see {@link #hasMissing()}), and their plain sum: TA-Lib's
 * WMA recurrences ({@code weighted += n·entering − sum}, {@code sum += entering − leaving}), re-anchored every
 * {@code window} pushes to fresh sums of the block just completed, as {@link AnchoredSum} does for a plain sum: O(1)
 * per push, no drift, and an outlier's residue gone at most one window after it left. The weights make no
 * cancellation a window of prices near 1e6 would notice (the weighted mean, not a slope, is what this serves;
 * {@link WindowTrend} serves slopes). Ring, checkpoints and snapshots as {@link AnchoredSum}'s; a window of zeros
 * gives exactly 0. Contract: at most one push between a mark and its rewind.
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.LINEAR)
public final class AnchoredWeightedSum implements StatePart<AnchoredWeightedSum.Mark> {
    private final int window;
    private final double n;
    private double[] ring;
    private int slot;
    private int fill;
    private long seq;
    private long lastMissing = AnchoredSum.NEVER;
    private long lastNonZero = AnchoredSum.NEVER;
    private double total;
    private double weighted;
    private double shadow;
    private double shadowWeighted;

    /** A window of {@code window} values (at least 1). */
    public AnchoredWeightedSum(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("AnchoredWeightedSum window must be >= 1, got " + window);
        }
        this.window = window;
        this.n = window;
        this.ring = new double[AnchoredSum.capacity(window, 0)];
    }

    /** The window size. */
    public int window() {
        return window;
    }

    /** Whether {@code window} values have been pushed. */
    public boolean isFull() {
        return seq >= window;
    }

    /** Whether a missing (non-finite) value is inside the current window. */
    public boolean hasMissing() {
        return seq - 1 - lastMissing < window;
    }

    /**
     * {@code Σ k·x} over the window, k = 1 for the oldest value; exactly 0 for a window of zeros. Requires
     * {@link #isFull()}.
     */
    public double weightedSum() {
        return seq - 1 - lastNonZero < window ? weighted : 0.0;
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        double[] v = ring;
        int j = slot;
        int o = j + 2;
        if (o >= v.length) {
            if (v.length < window + 2) {
                v = ring = AnchoredSum.grown(v, window);
            } else {
                o -= v.length;
            }
        }
        if (!(Math.abs(x) <= Double.MAX_VALUE)) {
            lastMissing = seq;
            x = 0.0;
        } else if (x != 0.0) {
            lastNonZero = seq;
        }
        double leaving = v[o];
        v[j] = x;
        double s = total;
        weighted += n * x - s;
        total = s + (x - leaving);
        int f = fill + 1;
        shadow += x;
        shadowWeighted += f * x;
        seq++;
        slot = j + 1 == v.length ? 0 : j + 1;
        if (f == window) {
            f = 0;
            total = shadow;
            weighted = shadowWeighted;
            shadow = 0.0;
            shadowWeighted = 0.0;
        }
        fill = f;
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.seq = seq;
        m.lastMissing = lastMissing;
        m.lastNonZero = lastNonZero;
        m.slot = slot;
        m.fill = fill;
        m.total = total;
        m.weighted = weighted;
        m.shadow = shadow;
        m.shadowWeighted = shadowWeighted;
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq <= 1 && seq >= m.seq : "AnchoredWeightedSum: more than one push between mark and rewind";
        seq = m.seq;
        lastMissing = m.lastMissing;
        lastNonZero = m.lastNonZero;
        slot = m.slot;
        fill = m.fill;
        total = m.total;
        weighted = m.weighted;
        shadow = m.shadow;
        shadowWeighted = m.shadowWeighted;
    }

    /**
     * The window (checked on read), the push count, the age of the newest missing value in the window (0: none), the
     * two running totals, then the window's values oldest first (missing ones as 0).
     */
    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putLong(seq);
        out.putLong(AnchoredSum.missingAge(seq, lastMissing, window));
        out.putDouble(total);
        out.putDouble(weighted);
        AnchoredSum.writeWindow(out, ring, seq, window);
    }

    /** Reads what {@link #write} wrote; the block's shadow sums are recomputed by the additions a push makes. */
    @Override
    public void read(StateReader in) {
        in.expectInt("window", window);
        long s = in.getLong("window push count", 0, AnchoredSum.MAX_PUSHES);
        int count = (int) Math.min(s, window);
        long age = in.getLong("age of the newest missing value", 0, count);
        double t = in.getDouble();
        double w = in.getDouble();
        double[] v = AnchoredSum.readWindow(in, window, s, count, age);
        int cap = v.length;
        int f = (int) (s % window);
        double sh = 0.0;
        double shw = 0.0;
        for (int k = 1; k <= f; k++) {
            double x = v[(int) ((s - f + k - 1) % cap)];
            sh += x;
            shw += k * x;
        }
        ring = v;
        seq = s;
        slot = (int) (s % cap);
        fill = f;
        lastMissing = age == 0 ? AnchoredSum.NEVER : s - age;
        lastNonZero = AnchoredSum.newestNonZero(v, s, count);
        total = t;
        weighted = w;
        shadow = sh;
        shadowWeighted = shw;
    }

    /** An {@link AnchoredWeightedSum} checkpoint: the push count, positions and the four sums. */
    public static final class Mark implements StatePart.Mark {
        long seq;
        long lastMissing = AnchoredSum.NEVER;
        long lastNonZero = AnchoredSum.NEVER;
        int slot;
        int fill;
        double total;
        double weighted;
        double shadow;
        double shadowWeighted;

        Mark() {}
    }
}
