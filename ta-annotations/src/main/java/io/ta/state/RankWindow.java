package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The ranks of the last {@code window} pushed values against their order in time, in O(log window) per push and in
 * exact integer arithmetic: the Spearman rank correlation of a window with a straight line (Ehlers' correlation trend
 * indicator as R TTR computes it) without ever ranking the window.
 *
 * <p>With average ranks for ties, the rank of a value is {@code (n + 1)/2 + ½·Σⱼ sgn(xᵢ − xⱼ)}, so the rank-time
 * co-moment {@code Σ(rᵢ − r̄)(tᵢ − t̄)} is half the {@link #concordance()} {@code W = Σ_{pairs} sgn(xᵢ − xⱼ)·(tᵢ − tⱼ)}:
 * an integer that changes by one sum over the window when a value enters or leaves. Only differences of push times
 * enter it, so the window sliding forward in time changes nothing else. The rank variance is
 * {@code ((n³ − n) − T)/12} with {@link #ties()} {@code T = Σ (τ³ − τ)} over groups of τ equal values — also an
 * integer, updated from the number of equal values. Both come from a treap keyed by (value, push index) whose nodes
 * carry subtree sizes and subtree sums of push indices, rebuilt from the children on every change, so each sum is
 * exact and nothing can drift.
 *
 * <p>The treap's priorities are a hash of the push index, so its shape is a function of the values in the window
 * alone. A rewind undoes the last push (or two, for a preview on top of a revised bar) by its inverse operations —
 * remove the value that entered, put back the value that left — which restores the same tree and the same integers;
 * it costs what a push costs, O(log window). Values are kept in {@code window + 2} slots, so the two values that left
 * most recently are still there to be put back. A snapshot holds only the window's values and the push count; the
 * tree and both integers are rebuilt from them on read, so no structure is taken on trust. Past
 * {@link AnchoredSum#FULL_UP_TO} slots the arrays grow as the window fills (memory O(min(window, pushes))).
 *
 * <p>A non-finite push is missing: it occupies its place in time but no rank, and {@link #hasMissing()} is true
 * while it is inside the window (docs/spec.md §5.2). Contract: at most one {@link #push} per kernel step.
 */
@Cost(time = Complexity.LOGARITHMIC, memory = Complexity.LINEAR)
public final class RankWindow implements StatePart<RankWindow.Mark> {
    private final int window;
    private final int slots;
    // By slot: the value pushed at index t lives in slot t % slots (NaN = missing), with its index, priority and the
    // tree links and subtree aggregates of its node. The arrays grow geometrically while the window fills.
    private double[] value;
    private long[] index;
    private int[] priority;
    private int[] left;
    private int[] right;
    private int[] size;
    private long[] indexSum;
    private int root = -1;
    private long seq;
    private int missing;
    private long concordance;
    private long ties;
    // The last rank query: values below, equal to and above the probe, and the index sums of those below and above.
    private int below;
    private int equal;
    private int above;
    private long belowIndexSum;
    private long aboveIndexSum;

    /** Ranks of the last {@code window} values (at least 1). */
    public RankWindow(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("RankWindow window must be >= 1, got " + window);
        }
        this.window = window;
        this.slots = window + 2;
        allocate(capacity(1));
    }

    private void allocate(int n) {
        value = new double[n];
        index = new long[n];
        priority = new int[n];
        left = new int[n];
        right = new int[n];
        size = new int[n];
        indexSum = new long[n];
    }

    /**
     * The arrays' length for {@code needed} slots, as pushes reach it: 16, 32, … up to {@code window + 2}; all of them
     * from the start up to {@link AnchoredSum#FULL_UP_TO}, which then never grow (see there for why).
     */
    private int capacity(long needed) {
        int n = AnchoredSum.firstLength(slots);
        while (n < needed) {
            n = (int) Math.min(slots, 2L * n);
        }
        return n;
    }

    private void grow(int needed) {
        int n = capacity(needed);
        value = java.util.Arrays.copyOf(value, n);
        index = java.util.Arrays.copyOf(index, n);
        priority = java.util.Arrays.copyOf(priority, n);
        left = java.util.Arrays.copyOf(left, n);
        right = java.util.Arrays.copyOf(right, n);
        size = java.util.Arrays.copyOf(size, n);
        indexSum = java.util.Arrays.copyOf(indexSum, n);
    }

    /** The window size. */
    public int window() {
        return window;
    }

    /** Adds the next value; the value {@code window} pushes back leaves. Non-finite values are missing. */
    public void push(double x) {
        long t = seq;
        int s = slot(t);
        if (s == value.length) {
            grow(s + 1); // only while filling
        }
        value[s] = Math.abs(x) <= Double.MAX_VALUE ? x : Double.NaN;
        if (t >= window) {
            remove(t - window);
        }
        add(t);
        seq = t + 1;
    }

    /** Pushes so far. */
    public long count() {
        return seq;
    }

    /** Whether {@link #count()} has reached the window size. */
    public boolean isFull() {
        return seq >= window;
    }

    /** Whether a missing value is inside the window. */
    public boolean hasMissing() {
        return missing > 0;
    }

    /** {@code W = Σ sgn(xᵢ − xⱼ)·(tᵢ − tⱼ)} over the pairs of non-missing values in the window. */
    public long concordance() {
        return concordance;
    }

    /** {@code T = Σ (τ³ − τ)} over the groups of equal non-missing values in the window. */
    public long ties() {
        return ties;
    }

    private int slot(long t) {
        return (int) (t % slots);
    }

    /** Puts the value pushed at {@code t} (already in its slot) into the window. */
    private void add(long t) {
        int s = slot(t);
        double v = value[s];
        if (v != v) {
            missing++;
            return;
        }
        rank(v);
        concordance += contribution(t);
        ties += 3L * equal * (equal + 1);
        index[s] = t;
        priority[s] = hash(t);
        root = insert(root, s);
    }

    /** Takes the value pushed at {@code t} out of the window: the exact inverse of {@link #add}. */
    private void remove(long t) {
        int s = slot(t);
        double v = value[s];
        if (v != v) {
            missing--;
            return;
        }
        root = delete(root, s);
        rank(v);
        concordance -= contribution(t);
        ties -= 3L * equal * (equal + 1);
    }

    /** {@code Σⱼ sgn(x − xⱼ)·(t − tⱼ)} over the tree, for the value last passed to {@link #rank}. */
    private long contribution(long t) {
        return (below * t - belowIndexSum) - (above * t - aboveIndexSum);
    }

    /**
     * Counts the tree's values below, equal to and above {@code v}, and sums the indices of those below and above:
     * one descent while the path is common to "below v" and "not above v", then one branch each below the first node
     * equal to v.
     */
    private void rank(double v) {
        int n = 0;
        long sum = 0;
        int node = root;
        while (node >= 0 && value[node] != v) {
            if (value[node] < v) {
                n += sizeOf(left[node]) + 1;
                sum += sumOf(left[node]) + index[node];
                node = right[node];
            } else {
                node = left[node];
            }
        }
        int notAbove = n;
        long notAboveSum = sum;
        if (node >= 0) {
            // node holds v: everything in its left subtree is ≤ v, everything right of it ≥ v.
            notAbove += sizeOf(left[node]) + 1;
            notAboveSum += sumOf(left[node]) + index[node];
            for (int lo = left[node]; lo >= 0; ) {
                if (value[lo] < v) {
                    n += sizeOf(left[lo]) + 1;
                    sum += sumOf(left[lo]) + index[lo];
                    lo = right[lo];
                } else {
                    lo = left[lo];
                }
            }
            for (int hi = right[node]; hi >= 0; ) {
                if (value[hi] <= v) {
                    notAbove += sizeOf(left[hi]) + 1;
                    notAboveSum += sumOf(left[hi]) + index[hi];
                    hi = right[hi];
                } else {
                    hi = left[hi];
                }
            }
        }
        below = n;
        belowIndexSum = sum;
        equal = notAbove - n;
        above = sizeOf(root) - notAbove;
        aboveIndexSum = sumOf(root) - notAboveSum;
    }

    private int sizeOf(int node) {
        return node < 0 ? 0 : size[node];
    }

    private long sumOf(int node) {
        return node < 0 ? 0 : indexSum[node];
    }

    /** Whether node {@code a} sorts before node {@code b}: by value, then by push index. */
    private boolean before(int a, int b) {
        return value[a] < value[b] || (value[a] == value[b] && index[a] < index[b]);
    }

    private void pull(int node) {
        size[node] = sizeOf(left[node]) + 1 + sizeOf(right[node]);
        indexSum[node] = sumOf(left[node]) + index[node] + sumOf(right[node]);
    }

    private int insert(int node, int s) {
        if (node < 0) {
            left[s] = -1;
            right[s] = -1;
            pull(s);
            return s;
        }
        if (before(s, node)) {
            int child = insert(left[node], s);
            left[node] = child;
            if (priority[child] > priority[node]) {
                left[node] = right[child];
                right[child] = node;
                pull(node);
                pull(child);
                return child;
            }
        } else {
            int child = insert(right[node], s);
            right[node] = child;
            if (priority[child] > priority[node]) {
                right[node] = left[child];
                left[child] = node;
                pull(node);
                pull(child);
                return child;
            }
        }
        pull(node);
        return node;
    }

    private int delete(int node, int s) {
        if (node < 0) {
            throw new IllegalStateException("RankWindow: value at push " + index[s] + " is not in the tree");
        }
        if (node == s) {
            return join(left[s], right[s]);
        }
        if (before(s, node)) {
            left[node] = delete(left[node], s);
        } else {
            right[node] = delete(right[node], s);
        }
        pull(node);
        return node;
    }

    /** Joins two treaps whose keys are all ordered {@code a} before {@code b}. */
    private int join(int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        if (priority[a] > priority[b]) {
            right[a] = join(right[a], b);
            pull(a);
            return a;
        }
        left[b] = join(a, left[b]);
        pull(b);
        return b;
    }

    /** A fixed hash of the push index (SplitMix64's finalizer): the treap priority, so shapes are reproducible. */
    private static int hash(long t) {
        long z = t + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.seq = seq;
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq >= 0 && seq - m.seq <= 2 : "RankWindow: more than two pushes between mark and rewind";
        while (seq > m.seq) {
            long t = seq - 1;
            remove(t);
            if (t >= window) {
                add(t - window);
            }
            seq = t;
        }
    }

    /** The window (checked on read), the push count, then the window's values oldest first (NaN for missing). */
    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putLong(seq);
        for (long t = Math.max(0, seq - window); t < seq; t++) {
            out.putDouble(value[slot(t)]);
        }
    }

    /**
     * Reads the push count and the window's values and rebuilds the tree and both integers by the same insertions a
     * push makes. Values older than the window are not stored: a restored stream re-derives its checkpoint by
     * stepping, so nothing rewinds past this point.
     */
    @Override
    public void read(StateReader in) {
        in.expectInt("rank window", window);
        long s = in.getCount("rank window push count");
        long from = Math.max(0, s - window);
        if (s - from > in.remaining()) {
            throw in.corrupt("a rank window of " + (s - from) + " values runs past the end of the snapshot");
        }
        allocate(capacity(Math.min(s, slots)));
        root = -1;
        missing = 0;
        concordance = 0;
        ties = 0;
        seq = s;
        for (long t = from; t < s; t++) {
            value[slot(t)] = stored(in);
            add(t);
        }
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

    /** A {@link RankWindow} checkpoint: the push count to undo back to. */
    public static final class Mark implements StatePart.Mark {
        long seq;

        /** Only {@link RankWindow#newMark()} makes one. */
        Mark() {}
    }
}
