package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.InputBacked;
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
 * {@link WindowTrend} serves slopes). The ring, the counts and the plain sum are an {@link AnchoredSum}'s, whose
 * anchors this part's weighted sums follow; snapshots are its, with the weighted total after the plain one. A window
 * of zeros gives exactly 0. Contract: at most one push between a mark and its rewind.
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.LINEAR)
public final class AnchoredWeightedSum implements StatePart<AnchoredWeightedSum.Mark>, InputBacked {
    private final int window;
    private final double n;
    /** {@code 1/Σ k = 2/(n(n+1))}: the mean is a product with it, not a quotient. */
    private final double inverse;
    /** The values, the counts and the plain sum, with the anchors both sums share. */
    private final AnchoredSum sum;
    private double weighted;
    /** Σ U_k over the current block: its plain sum after each of its values, summed (see {@link #push}). */
    private double blockPrefixSums;

    /** A window of {@code window} values (at least 1). */
    public AnchoredWeightedSum(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("AnchoredWeightedSum window must be >= 1, got " + window);
        }
        this.window = window;
        this.n = window;
        this.inverse = 2.0 / ((double) window * (window + 1));
        this.sum = new AnchoredSum(window);
    }

    /** The window size. */
    public int window() {
        return window;
    }

    /** Whether {@code window} values have been pushed. */
    public boolean isFull() {
        return sum.isFull();
    }

    /** Whether a missing (non-finite) value is inside the current window. */
    public boolean hasMissing() {
        return sum.hasMissing();
    }

    /**
     * The weighted mean {@code Σ k·x / Σ k} (TA-Lib's WMA), or NaN while the window is not full or holds a missing
     * value.
     */
    public double mean() {
        AnchoredSum a = sum;
        long s = a.seq;
        long from = a.completeFrom();
        // Complete, and not a window of the current block alone (from <= s < onlyBlockFrom): one unsigned comparison
        // where isFull, hasMissing and the block's test made three branches, each with a trap in C2's compile, and
        // hma's step, with three windows, too big to inline into its loop.
        if (Long.compareUnsigned(s - from, Math.max(a.onlyBlockFrom - from, 0L)) < 0) {
            return weighted * inverse;
        }
        // Complete here means a window of the current block alone (see weightedSum), written out: a call on a path
        // this rare stays a call, and the part would escape into it. (Shared with weightedSum as a 20-byte method, it
        // made hma 1.44-1.84x slower in batch, range loop and stream update, in each of three JVMs.)
        return s >= from ? ((n + 1) * a.shadow - blockPrefixSums) * inverse : Double.NaN;
    }

    /**
     * {@code Σ k·x} over the window, k = 1 for the oldest value; exactly 0 for a window of zeros. Requires
     * {@link #isFull()}.
     */
    public double weightedSum() {
        AnchoredSum a = sum;
        // A window of the current block's f values (and zeros before them) weighs them n−f+1..n: with U_k as in
        // push, that is n·U_f − Σ_{k<f} U_k, fresh, and exactly 0 for zeros.
        return a.onlyBlock() ? (n + 1) * a.shadow - blockPrefixSums : weighted;
    }

    /**
     * Adds the next value; the value {@code window} pushes back leaves. For a part no batch lends its input, as
     * {@link AnchoredSum#push}; an {@code @OfInput} kernel's own step calls {@link #pushLendable}.
     */
    public void push(double x) {
        add(x, null, false);
    }

    /**
     * {@link #push} for a window whose input is often 0 (coppock's rates of change): a zero takes the rare path,
     * which keeps where the current run of zeros began, so that a block that ends in 0 needs no scan back, a call in
     * the loop ({@link AnchoredSum#pushKeepingZeroRuns}).
     */
    public void pushKeepingZeroRuns(double x) {
        add(x, null, true);
    }

    /**
     * {@link #push} for the step of a kernel whose batch may lend this part its input, as
     * {@link AnchoredSum#pushLendable}.
     */
    public void pushLendable(double x) {
        add(x, sum.input, false);
    }

    /**
     * A push whose plain sum reads the leaving value back from {@code in} unless it is null, and keeps its runs of
     * zeros if {@code zeroRuns} ({@link AnchoredSum#add}).
     */
    private void add(double x, double[] in, boolean zeroRuns) {
        AnchoredSum a = sum;
        double s = a.total;
        long anchor = a.anchorAt;
        double v = a.add(x, in, zeroRuns);
        // The push moved its anchor on: it completed a block. Where the push does not, the JIT sees the same value
        // and drops the test; after the push, anchored() would cost a subtraction and the window on every push.
        if (a.anchorAt != anchor) {
            // The block is complete and is the window: with U_k its sum after its k-th value (the plain sum's shadow,
            // U_n its anchor), Σ k·v_k = n·U_n − Σ_{k<n} U_k, a fresh weighted sum that replaces the running one.
            // Summing the U_k costs an addition per push, where summing k·v_k would cost a conversion and a product.
            weighted = n * a.total - blockPrefixSums;
            blockPrefixSums = 0.0;
        } else {
            weighted += n * v - s;
            blockPrefixSums += a.shadow;
        }
    }

    /**
     * The plain sum reads the window back from {@code input}; the weighted sums need nothing more of it. Lent here
     * rather than by calling the plain sum's {@code backWith}: C2 leaves a call nested in a method called once out of
     * line ("low call site frequency"), and the kernel would escape into it.
     */
    @Override
    public void backWith(double[] input) {
        AnchoredSum a = sum;
        if (a.seq != 0 || a.input != null) {
            throw AnchoredSum.notFresh();
        }
        a.input = input;
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        sum.mark(m);
        m.weighted = weighted;
        m.blockPrefixSums = blockPrefixSums;
    }

    @Override
    public void rewind(Mark m) {
        sum.rewind(m);
        weighted = m.weighted;
        blockPrefixSums = m.blockPrefixSums;
    }

    /**
     * The window (checked on read), the push count, the age of the newest missing value in the window (0: none), the
     * two running totals, then the window's values oldest first (missing ones as 0).
     */
    @Override
    public void write(StateWriter out) {
        sum.writeWith(out, weighted);
    }

    /** Reads what {@link #write} wrote; the block's prefix sums are recomputed by the additions pushes make. */
    @Override
    public void read(StateReader in) {
        double w = sum.readWith(in, 1)[0];
        AnchoredSum a = sum;
        double[] v = a.ring;
        int f = a.fill();
        double u = 0.0;
        double shw = 0.0;
        for (int k = 1; k <= f; k++) {
            u += v[(int) ((a.seq - f + k - 1) % v.length)];
            shw += u;
        }
        weighted = w;
        blockPrefixSums = shw;
    }

    /** An {@link AnchoredWeightedSum} checkpoint: the plain sum's, the weighted sum and the block's prefix sums. */
    public static final class Mark extends AnchoredSum.Mark {
        double weighted;
        double blockPrefixSums;

        Mark() {}
    }
}
