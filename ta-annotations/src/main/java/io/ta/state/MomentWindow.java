package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
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
 * {@code Σ(x − mean)²} and works on differences of nearby values. Each block's values are taken relative to one of
 * its own (the first of the current block, the last of the previous one), so no mean is ever rounded at the values'
 * distance from zero: the error relative to the window's own spread σ is about ε·range/σ, at most about ε·√window,
 * where the raw-sum formula's is ε·mean²/σ² (and with plain means it was ε·|mean|/σ: integers near 6.7e15 with a
 * spread of 5 read a skewness of 0.0104 for 0.2455). A constant window gives exactly 0.
 *
 * <p>The power sums are held in units of {@code 2^(k·e)}, with e the binary exponent of the largest difference of
 * means merged so far: scaling by a power of two is exact, so the numbers are bit for bit those of the plain formulas,
 * but {@code Σ(x − mean)⁴} of prices near 10¹⁰⁰ does not overflow, and the standardized moments
 * ({@link #skewness()}, {@link #kurtosis()}) and {@link #standardize(double)} are finite wherever the data are.
 *
 * <p>A non-finite push is missing: it makes the moments NaN while it is inside the window (docs/spec.md §5.2), then
 * they are exact again. Blocks alternate between two buffers (values and suffix moments), so a push never overwrites
 * anything a checkpoint may return to and marks and rewinds stay O(1). A snapshot holds only the window's values and
 * the push count; the moments are recomputed from them on read in the same order of operations, so they come back bit
 * for bit and no derived number is taken on trust. Contract: at most one {@link #push} per kernel step.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class MomentWindow implements StatePart<MomentWindow.Mark> {
    /** The scale of a set without spread (one value, or equal values): below every double's exponent. */
    private static final int FLAT = -4096;

    private static final int INITIAL_CAPACITY = 16;

    private final int window;
    // Two blocks, block-major: block b occupies [b * window, (b + 1) * window). Suffix moments of a block are stored
    // at the index of their oldest value. Past FULL_UP_TO values the values grow geometrically while the first
    // block fills; the suffix moments appear when it completes (memory O(min(window, pushes))).
    private double[] values;
    private double[] suffixMean;
    private int[] suffixScale;
    private double[] suffix2;
    private double[] suffix3;
    private double[] suffix4;
    private int block;
    private int next;
    private long seq;
    // Moments of the current block's pushes so far (its prefix), relative to its first value.
    private double prefixRef;
    private double prefixMean;
    private int prefixScale;
    private double prefix2;
    private double prefix3;
    private double prefix4;
    // Moments of the window after the last push, the mean relative to ref; NaN until it is full.
    private double ref;
    private double mean = Double.NaN;
    private int scale = FLAT;
    private double m2 = Double.NaN;
    private double m3 = Double.NaN;
    private double m4 = Double.NaN;
    // The result of the last merge, so merge needs no allocation.
    private double mergedMean;
    private int mergedScale;
    private double merged2;
    private double merged3;
    private double merged4;

    /** Moments of the last {@code window} values (at least 1). */
    public MomentWindow(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("MomentWindow window must be >= 1, got " + window);
        }
        this.window = window;
        this.values = new double[capacity(1)];
    }

    /** Room for the value at {@code i}: doubling within the first block, both blocks once it is complete. */
    private void grow(int i) {
        values = java.util.Arrays.copyOf(values, capacity(i + 1L));
    }

    /**
     * The values' length for {@code needed} slots, as pushes reach it: 16, 32, … up to the window, then two windows;
     * both blocks from the start for a window of up to {@link AnchoredSum#FULL_UP_TO} values, which then never grow
     * (see there for why).
     */
    private int capacity(long needed) {
        if (needed > window || window <= AnchoredSum.FULL_UP_TO) {
            return 2 * window;
        }
        int n = INITIAL_CAPACITY;
        while (n < needed) {
            n = (int) Math.min(window, 2L * n);
        }
        return n;
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
        if (base + next == values.length) {
            grow(base + next); // only while filling
        }
        values[base + next] = v;
        if (next == 0) {
            prefixRef = v;
            prefixMean = v - v; // 0, or NaN for a missing value
            prefixScale = FLAT;
            prefix2 = prefixMean;
            prefix3 = prefix2;
            prefix4 = prefix2;
        } else {
            merge(next, prefixMean, prefixScale, prefix2, prefix3, prefix4, 1, v - prefixRef, FLAT, 0.0, 0.0, 0.0);
            prefixMean = mergedMean;
            prefixScale = mergedScale;
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
            scale = FLAT;
        } else if (next == 0) {
            // The window is exactly the block just completed.
            ref = prefixRef;
            mean = prefixMean;
            scale = prefixScale;
            m2 = prefix2;
            m3 = prefix3;
            m4 = prefix4;
        } else {
            int at = (1 - block) * window + next;
            // The suffix's mean moved from its reference to the prefix's: both are window values, so the shift is
            // about the window's range and rounds by ε of that, not of the values' distance from zero.
            double shift = values[(2 - block) * window - 1] - prefixRef;
            merge(window - next, suffixMean[at] + shift, suffixScale[at], suffix2[at], suffix3[at], suffix4[at],
                    next, prefixMean, prefixScale, prefix2, prefix3, prefix4);
            ref = prefixRef;
            mean = mergedMean;
            scale = mergedScale;
            m2 = merged2;
            m3 = merged3;
            m4 = merged4;
        }
    }

    /** The suffix moments of the block at {@code base}, newest value first, relative to that newest value. */
    private void suffixes(int base) {
        if (suffixMean == null) {
            suffixMean = new double[2 * window];
            suffixScale = new int[2 * window];
            suffix2 = new double[2 * window];
            suffix3 = new double[2 * window];
            suffix4 = new double[2 * window];
        }
        int last = base + window - 1;
        double r = values[last];
        suffixMean[last] = r - r;
        suffixScale[last] = FLAT;
        suffix2[last] = suffixMean[last];
        suffix3[last] = suffix2[last];
        suffix4[last] = suffix2[last];
        for (int j = window - 2; j >= 0; j--) {
            int i = base + j;
            int after = i + 1;
            merge(1, values[i] - r, FLAT, 0.0, 0.0, 0.0,
                    window - 1 - j, suffixMean[after], suffixScale[after], suffix2[after], suffix3[after], suffix4[after]);
            suffixMean[i] = mergedMean;
            suffixScale[i] = mergedScale;
            suffix2[i] = merged2;
            suffix3[i] = merged3;
            suffix4[i] = merged4;
        }
    }

    /**
     * Moments of the union of two disjoint sets from theirs (Pébay 2008, eq. 3.1 and 3.2 with the mean update of
     * Chan et al.): {@code a} holds the older values, {@code b} the newer, each power sum in units of
     * {@code 2^(k·scale)}. The result's scale is the largest of both scales and the exponent of the difference of
     * means; rescaling by powers of two is exact. A NaN anywhere makes every result NaN.
     */
    private void merge(double na, double meanA, int scaleA, double a2, double a3, double a4,
            double nb, double meanB, int scaleB, double b2, double b3, double b4) {
        double n = na + nb;
        double delta = meanB - meanA;
        double dn = delta / n;
        mergedMean = meanA + nb * dn;
        int e = Math.max(Math.max(scaleA, scaleB), delta == 0.0 || delta != delta ? FLAT : Math.getExponent(delta));
        mergedScale = e;
        double d;
        double ds;
        if (e > -1000 && e < Double.MAX_EXPONENT) {
            // 2^−e: exact, and cheaper than scalb on the hot path. (2^−1023 is no normal double: scalb then.)
            double unit = powerOfTwo(-e);
            d = delta * unit;
            ds = dn * unit;
        } else {
            d = Math.scalb(delta, -e);
            ds = Math.scalb(dn, -e);
        }
        // A set without spread has zero power sums at any scale: nothing to rescale.
        powerSums(na, nb, d, ds, e == scaleA || scaleA == FLAT ? 0 : scaleA - e, a2, a3, a4,
                e == scaleB || scaleB == FLAT ? 0 : scaleB - e, b2, b3, b4);
    }

    /**
     * {@link #merge}'s power sums, from each set's own in units of its scale, {@code shift} binary orders above the
     * result's (0 or less), and the difference of means {@code d} (and {@code ds}, it over n) in units of the result's
     * scale. A method of its own so that each stays under the 325 bytes of bytecode C2 inlines where it is called on
     * every push: merge whole, at 387 bytes, was a call twice a bar.
     */
    private void powerSums(double na, double nb, double d, double ds, int shiftA, double a2, double a3, double a4,
            int shiftB, double b2, double b3, double b4) {
        if (shiftA != 0) {
            a2 = rescaled(a2, 2, shiftA);
            a3 = rescaled(a3, 3, shiftA);
            a4 = rescaled(a4, 4, shiftA);
        }
        if (shiftB != 0) {
            b2 = rescaled(b2, 2, shiftB);
            b3 = rescaled(b3, 3, shiftB);
            b4 = rescaled(b4, 4, shiftB);
        }
        double ds2 = ds * ds;
        double nab = na * nb;
        double t2 = d * ds * nab;
        merged2 = a2 + b2 + t2;
        merged3 = a3 + b3 + t2 * ds * (na - nb) + 3.0 * ds * (na * b2 - nb * a2);
        merged4 = a4 + b4 + t2 * ds2 * (na * na - nab + nb * nb) + 6.0 * ds2 * (na * na * b2 + nb * nb * a2)
                + 4.0 * ds * (na * b3 - nb * a3);
    }

    /**
     * {@code v·2^(k·shift)}, what {@code Math.scalb} gives: one product with the power of two where scalb makes one
     * multiplication too (an exponent above −512), scalb below. A scale changes on some pushes
     * in twenty, and C2 left scalb, no intrinsic and too big to inline where it is not called on every push, out of
     * line there.
     */
    private static double rescaled(double v, int k, int shift) {
        int n = k * shift;
        return n > -512 ? v * powerOfTwo(n) : Math.scalb(v, n);
    }

    /** {@code 2^n} for a normal double's exponent {@code n} (−1022 to 1023), built from its bits. */
    private static double powerOfTwo(int n) {
        return Double.longBitsToDouble((long) (n + Double.MAX_EXPONENT) << 52);
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
        return ref + mean;
    }

    /**
     * {@code Σ(x − mean)²} over the window (never negative; exactly 0 when its values are equal); NaN like
     * {@link #mean()}. May overflow where the deviations exceed about 1e154.
     */
    public double m2() {
        return Math.scalb(m2, 2 * scale);
    }

    /** {@code Σ(x − mean)³} over the window; NaN like {@link #mean()}. May overflow (deviations beyond about 1e102). */
    public double m3() {
        return Math.scalb(m3, 3 * scale);
    }

    /** {@code Σ(x − mean)⁴} over the window; NaN like {@link #mean()}. May overflow (deviations beyond about 1e77). */
    public double m4() {
        return Math.scalb(m4, 4 * scale);
    }

    /** Whether the window is valid and its values are all equal (zero spread, exactly). */
    public boolean isFlat() {
        return m2 == 0.0;
    }

    /** {@code Σd³/(Σd²)^{3/2}} with {@code d = x − mean}: finite at any scale; NaN when the spread is 0. */
    public double skewness() {
        return m3 / (m2 * Math.sqrt(m2));
    }

    /** {@code Σd⁴/(Σd²)²}: finite at any scale; NaN when the spread is 0. */
    public double kurtosis() {
        return m4 / (m2 * m2);
    }

    /** {@code (x − mean)/√Σd²}: finite at any scale; NaN when the spread is 0 or the window is not valid. */
    public double standardize(double x) {
        return Math.scalb(x - ref - mean, -scale) / Math.sqrt(m2);
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.seq = seq;
        m.prefixRef = prefixRef;
        m.prefixMean = prefixMean;
        m.prefixScale = prefixScale;
        m.prefix2 = prefix2;
        m.prefix3 = prefix3;
        m.prefix4 = prefix4;
        m.mean = mean;
        m.ref = ref;
        m.scale = scale;
        m.m2 = m2;
        m.m3 = m3;
        m.m4 = m4;
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq >= 0 && seq - m.seq <= 2 : "MomentWindow: more than two pushes between mark and rewind";
        seq = m.seq;
        block = (int) ((seq / window) & 1);
        next = (int) (seq % window);
        prefixRef = m.prefixRef;
        prefixMean = m.prefixMean;
        prefixScale = m.prefixScale;
        prefix2 = m.prefix2;
        prefix3 = m.prefix3;
        prefix4 = m.prefix4;
        ref = m.ref;
        mean = m.mean;
        scale = m.scale;
        m2 = m.m2;
        m3 = m.m3;
        m4 = m.m4;
    }

    /** The window (checked on read), the push count, then the window's values oldest first (NaN for missing). */
    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putLong(seq);
        for (long t = Math.max(0, seq - window); t < seq; t++) {
            out.putDouble(values[at(t)]);
        }
    }

    /** Where the value of push {@code t} lives. */
    private int at(long t) {
        return (int) ((t / window) & 1) * window + (int) (t % window);
    }

    /**
     * Reads the push count and the window's values and recomputes every moment by the merges {@code push} makes, in
     * the same order, so they come back bit for bit. Values older than the window are not stored: a restored stream
     * re-derives its checkpoint by stepping, so nothing rewinds past this point.
     */
    @Override
    public void read(StateReader in) {
        in.expectInt("moment window", window);
        long s = in.getCount("moment window push count");
        long from = Math.max(0, s - window);
        if (s - from > in.remaining()) {
            throw in.corrupt("a moment window of " + (s - from) + " values runs past the end of the snapshot");
        }
        values = new double[capacity(s)];
        suffixMean = null;
        for (long t = from; t < s; t++) {
            values[at(t)] = stored(in);
        }
        seq = s;
        block = (int) ((s / window) & 1);
        next = (int) (s % window);
        if (s >= window) {
            suffixes((1 - block) * window);
        }
        // The prefix exactly as the pushes built it: the same operations in the same order.
        int used = next == 0 && s > 0 ? window : next;
        int base = (next == 0 && s > 0 ? 1 - block : block) * window;
        if (used > 0) {
            prefixRef = values[base];
            prefixMean = prefixRef - prefixRef;
            prefixScale = FLAT;
            prefix2 = prefixMean;
            prefix3 = prefix2;
            prefix4 = prefix2;
            for (int j = 1; j < used; j++) {
                merge(j, prefixMean, prefixScale, prefix2, prefix3, prefix4, 1, values[base + j] - prefixRef, FLAT,
                        0.0, 0.0, 0.0);
                prefixMean = mergedMean;
                prefixScale = mergedScale;
                prefix2 = merged2;
                prefix3 = merged3;
                prefix4 = merged4;
            }
        }
        combine();
    }

    /** A value as {@code push} stores it: finite, or the one NaN that stands for a missing value. */
    private static double stored(StateReader in) {
        double v = in.getDouble();
        if (!(Math.abs(v) <= Double.MAX_VALUE) && Double.doubleToRawLongBits(v) != Double.doubleToRawLongBits(Double.NaN)) {
            throw in.corrupt("a window value holds " + v + " (bits 0x" + Long.toHexString(Double.doubleToRawLongBits(v))
                    + "); a push stores finite values and NaN only");
        }
        return v;
    }

    /** A {@link MomentWindow} checkpoint: the push count and the moments that are not recomputable in O(1). */
    public static final class Mark implements StatePart.Mark {
        long seq;
        double prefixRef;
        double prefixMean;
        int prefixScale;
        double prefix2;
        double prefix3;
        double prefix4;
        double ref;
        double mean;
        int scale;
        double m2;
        double m3;
        double m4;

        /** Only {@link MomentWindow#newMark()} makes one. */
        Mark() {}
    }
}
