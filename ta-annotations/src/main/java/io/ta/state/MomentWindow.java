package io.ta.state;

import io.ta.error.SnapshotMismatchException;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The mean and the centred power sums {@code Σ(x − mean)^k}, k = 2, 3, 4, of the last {@code window} pushed values,
 * in O(1) amortized time per push — for variance, skewness, kurtosis and z-scores that stay exact far from zero and
 * forget an outlier the moment it leaves the window.
 *
 * <p>Why not running sums of x, x², x³, x⁴: turning raw power sums into central moments cancels catastrophically
 * when the mean is large against the spread (prices near 10⁴ moving by 1 lose every digit of Σ(x − mean)⁴), and a
 * running total keeps the rounding residue of every value that ever passed through it, so one bad tick poisons it
 * for good. Here nothing is ever subtracted. Pushes are cut into blocks of {@code window} values, as in
 * {@link SlidingExtreme}: a window is the suffix of the previous block plus the prefix of the current one. The prefix
 * moments grow by one value per push, the suffix moments of a block are computed once, when it completes (one pass,
 * newest to oldest), and each window is one merge of the two. Every merge is the pairwise update of Chan, Golub and
 * LeVeque (1979) extended to the third and fourth moments by Pébay (2008): it adds only non-negative terms to
 * {@code Σ(x − mean)²} and works on differences of nearby values. The error relative to the window's own spread σ is
 * about ε·|mean|/σ — the rounding of the mean itself — where the raw-sum formula's is ε·mean²/σ². A constant window
 * gives exactly 0.
 *
 * <p>A non-finite push is missing: it makes the moments NaN while it is inside the window (CATALOG.md §5.2), then they
 * are exact again. Blocks alternate between two buffers (values and suffix moments), so a push never overwrites
 * anything a checkpoint may return to and marks and rewinds stay O(1). A snapshot holds only the pushed values and
 * their count; the moments are recomputed from them on read in the same order of operations, so they come back bit
 * for bit and no derived number is taken on trust. Contract: at most one {@link #push} per kernel step.
 */
public final class MomentWindow implements StatePart<MomentWindow.Mark> {
    private final int window;
    // Two blocks, block-major: block b occupies [b * window, (b + 1) * window). Suffix moments of the block are
    // stored at the index of their oldest value.
    private final double[] values;
    private final double[] suffixMean;
    private final double[] suffix2;
    private final double[] suffix3;
    private final double[] suffix4;
    private int block;
    private int next;
    private long seq;
    // Moments of the current block's pushes so far (its prefix).
    private double prefixMean;
    private double prefix2;
    private double prefix3;
    private double prefix4;
    // Moments of the window after the last push; NaN until it is full.
    private double mean = Double.NaN;
    private double m2 = Double.NaN;
    private double m3 = Double.NaN;
    private double m4 = Double.NaN;
    // The result of the last merge, so merge needs no allocation.
    private double mergedMean;
    private double merged2;
    private double merged3;
    private double merged4;

    /** Moments of the last {@code window} values (at least 1). */
    public MomentWindow(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("MomentWindow window must be >= 1, got " + window);
        }
        this.window = window;
        this.values = new double[2 * window];
        this.suffixMean = new double[2 * window];
        this.suffix2 = new double[2 * window];
        this.suffix3 = new double[2 * window];
        this.suffix4 = new double[2 * window];
    }

    /** The window size. */
    public int window() {
        return window;
    }

    /** Adds the next value; the value {@code window} pushes back leaves. Non-finite values are missing. */
    public void push(double x) {
        double v = Math.abs(x) <= Double.MAX_VALUE ? x : Double.NaN;
        seq++;
        int base = block * window;
        values[base + next] = v;
        if (next == 0) {
            prefixMean = v;
            prefix2 = v == v ? 0.0 : Double.NaN;
            prefix3 = prefix2;
            prefix4 = prefix2;
        } else {
            merge(next, prefixMean, prefix2, prefix3, prefix4, 1, v, 0.0, 0.0, 0.0);
            prefixMean = mergedMean;
            prefix2 = merged2;
            prefix3 = merged3;
            prefix4 = merged4;
        }
        if (++next == window) {
            suffixes(base);
            next = 0;
            block = 1 - block;
        }
        combine();
    }

    /** Sets the window's moments from the prefix and the previous block's suffix (see the class comment). */
    private void combine() {
        if (seq < window) {
            mean = m2 = m3 = m4 = Double.NaN;
        } else if (next == 0) {
            // The window is exactly the block just completed.
            mean = prefixMean;
            m2 = prefix2;
            m3 = prefix3;
            m4 = prefix4;
        } else {
            int at = (1 - block) * window + next;
            merge(window - next, suffixMean[at], suffix2[at], suffix3[at], suffix4[at],
                    next, prefixMean, prefix2, prefix3, prefix4);
            mean = mergedMean;
            m2 = merged2;
            m3 = merged3;
            m4 = merged4;
        }
    }

    /** The suffix moments of the block at {@code base}, newest value first. */
    private void suffixes(int base) {
        int last = base + window - 1;
        double v = values[last];
        suffixMean[last] = v;
        suffix2[last] = v == v ? 0.0 : Double.NaN;
        suffix3[last] = suffix2[last];
        suffix4[last] = suffix2[last];
        for (int j = window - 2; j >= 0; j--) {
            int i = base + j;
            int after = i + 1;
            merge(1, values[i], 0.0, 0.0, 0.0,
                    window - 1 - j, suffixMean[after], suffix2[after], suffix3[after], suffix4[after]);
            suffixMean[i] = mergedMean;
            suffix2[i] = merged2;
            suffix3[i] = merged3;
            suffix4[i] = merged4;
        }
    }

    /**
     * Moments of the union of two disjoint sets from theirs (Pébay 2008, eq. 3.1 and 3.2 with the mean update of
     * Chan et al.): {@code a} holds the older values, {@code b} the newer. A NaN anywhere makes every result NaN.
     */
    private void merge(double na, double meanA, double a2, double a3, double a4,
            double nb, double meanB, double b2, double b3, double b4) {
        double n = na + nb;
        double delta = meanB - meanA;
        double dn = delta / n;
        double dn2 = dn * dn;
        double nab = na * nb;
        double t2 = delta * dn * nab;
        mergedMean = meanA + nb * dn;
        merged2 = a2 + b2 + t2;
        merged3 = a3 + b3 + t2 * dn * (na - nb) + 3.0 * dn * (na * b2 - nb * a2);
        merged4 = a4 + b4 + t2 * dn2 * (na * na - nab + nb * nb) + 6.0 * dn2 * (na * na * b2 + nb * nb * a2)
                + 4.0 * dn * (na * b3 - nb * a3);
    }

    /** Pushes so far. */
    public long count() {
        return seq;
    }

    /** Whether {@link #count()} has reached the window size. */
    public boolean isFull() {
        return seq >= window;
    }

    /** The mean of the window; NaN until it is full or while a missing value is inside it. */
    public double mean() {
        return mean;
    }

    /** {@code Σ(x − mean)²} over the window (never negative); NaN like {@link #mean()}. */
    public double m2() {
        return m2;
    }

    /** {@code Σ(x − mean)³} over the window; NaN like {@link #mean()}. */
    public double m3() {
        return m3;
    }

    /** {@code Σ(x − mean)⁴} over the window; NaN like {@link #mean()}. */
    public double m4() {
        return m4;
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.seq = seq;
        m.prefixMean = prefixMean;
        m.prefix2 = prefix2;
        m.prefix3 = prefix3;
        m.prefix4 = prefix4;
        m.mean = mean;
        m.m2 = m2;
        m.m3 = m3;
        m.m4 = m4;
    }

    @Override
    public void rewind(Mark m) {
        long back = seq - m.seq;
        if (back < 0 || back > 2) {
            throw new SnapshotMismatchException("corrupt checkpoint: moment window at push " + seq + " cannot return to push " + m.seq);
        }
        seq = m.seq;
        block = (int) ((seq / window) & 1);
        next = (int) (seq % window);
        prefixMean = m.prefixMean;
        prefix2 = m.prefix2;
        prefix3 = m.prefix3;
        prefix4 = m.prefix4;
        mean = m.mean;
        m2 = m.m2;
        m3 = m.m3;
        m4 = m.m4;
    }

    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putLong(seq);
        out.putDoubles(values);
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("moment window", window);
        long s = in.getLong();
        if (s < 0) {
            throw new SnapshotMismatchException("corrupt snapshot: moment window count " + s);
        }
        in.getDoubles("window values", values);
        for (int i = 0; i < values.length; i++) {
            if (!(Math.abs(values[i]) <= Double.MAX_VALUE)) {
                values[i] = Double.NaN;
            }
        }
        seq = s;
        block = (int) ((s / window) & 1);
        next = (int) (s % window);
        if (s >= window) {
            suffixes((1 - block) * window);
        }
        if (next == 0 && s >= 2L * window) {
            // One rewind from here goes back into the completed block, whose window reads the block before it.
            suffixes(block * window);
        }
        // The prefix exactly as the pushes built it: the same operations in the same order.
        int used = next == 0 && s > 0 ? window : next;
        int base = (next == 0 && s > 0 ? 1 - block : block) * window;
        if (used > 0) {
            prefixMean = values[base];
            prefix2 = prefixMean == prefixMean ? 0.0 : Double.NaN;
            prefix3 = prefix2;
            prefix4 = prefix2;
            for (int j = 1; j < used; j++) {
                merge(j, prefixMean, prefix2, prefix3, prefix4, 1, values[base + j], 0.0, 0.0, 0.0);
                prefixMean = mergedMean;
                prefix2 = merged2;
                prefix3 = merged3;
                prefix4 = merged4;
            }
        }
        combine();
    }

    /** A {@link MomentWindow} checkpoint: the push count and the moments that are not recomputable in O(1). */
    public static final class Mark implements StatePart.Mark {
        long seq;
        double prefixMean;
        double prefix2;
        double prefix3;
        double prefix4;
        double mean;
        double m2;
        double m3;
        double m4;

        @Override
        public void write(StateWriter out) {
            out.putLong(seq);
            out.putDouble(prefixMean);
            out.putDouble(prefix2);
            out.putDouble(prefix3);
            out.putDouble(prefix4);
            out.putDouble(mean);
            out.putDouble(m2);
            out.putDouble(m3);
            out.putDouble(m4);
        }

        @Override
        public void read(StateReader in) {
            seq = in.getLong();
            prefixMean = in.getDouble();
            prefix2 = in.getDouble();
            prefix3 = in.getDouble();
            prefix4 = in.getDouble();
            mean = in.getDouble();
            m2 = in.getDouble();
            m3 = in.getDouble();
            m4 = in.getDouble();
        }
    }
}
