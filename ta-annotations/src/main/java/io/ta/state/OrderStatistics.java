package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * The last {@code window} pushed values as an order-statistics tree: the k-th smallest, how many values lie below or
 * at a given one, and the sums of the values on either side of it, each in O(log window) time per query and per
 * push. Median, quantiles, percent rank and mean absolute deviation ({@code Σ|x − m|} from the counts and sums
 * below and above {@code m}) are built on it.
 *
 * <p>A treap in primitive arrays: one node per pushed value, in slot {@code push index mod (window + 2)}, ordered by
 * (value, push index) and heap-ordered by a hash of the push index. Its shape is therefore a function of the values in
 * the window alone, never of the order of operations, and so is every sum: batch, stream, rewound and restored states
 * give the same results bit for bit. Subtree counts and sums are recomputed from the children on every change, so
 * they cannot drift and an outlier leaves no trace once it has left the window. Each subtree's sum is kept relative to
 * its own root's value ({@code Σ(x − x_root)}), so every stored number is a difference of values inside the window:
 * a window near 1e6 with a spread of 0.01 keeps its deviations to the last digit, which raw sums of the prices would
 * lose to cancellation.
 *
 * <p>Checkpoints: two slots beyond the window keep the values that left in the last two pushes, so a mark is just the
 * push count, and rewinding one push deletes the value it inserted and re-inserts the one it removed (O(log window),
 * the cost of the push it undoes). Snapshots hold the push count and the window's values; the tree is rebuilt on
 * restore, so no structure is ever read from bytes. Arrays grow geometrically while the window fills.
 *
 * <p>Non-finite pushes are missing: they take their place in the window but not in the tree, and {@link #hasMissing()}
 * is true while one is inside. Contract: at most one push per kernel step.
 */
@Cost(time = Complexity.LOGARITHMIC, memory = Complexity.LINEAR)
public final class OrderStatistics implements StatePart<OrderStatistics.Mark> {
    private static final int NIL = -1;
    private static final int INITIAL_CAPACITY = 16;
    /** No stream pushes 2⁶² values (146 years at a value per nanosecond): a larger count is a corrupt snapshot. */
    static final long MAX_PUSHES = 1L << 62;

    private final int window;
    private final int slots;
    private double[] key;
    private long[] id;
    private int[] priority;
    private int[] left;
    private int[] right;
    private int[] size;
    /** {@code Σ(x − key)} over each node's subtree: sums relative to the subtree's root value. */
    private double[] relative;
    private int root = NIL;
    private long seq;
    private long lastMissing = Long.MIN_VALUE / 2;
    // The last centre(): the mean as a rounded value and its remainder, and Σ|x − mean|.
    private double mean = Double.NaN;
    private double remainder;
    private double deviation;

    /** A window of {@code window} values (at least 1). */
    public OrderStatistics(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("OrderStatistics window must be >= 1, got " + window);
        }
        this.window = window;
        this.slots = window + 2;
        allocate(Math.min(slots, INITIAL_CAPACITY));
    }

    private void allocate(int n) {
        key = new double[n];
        id = new long[n];
        priority = new int[n];
        left = new int[n];
        right = new int[n];
        size = new int[n];
        relative = new double[n];
    }

    private void grow(int needed) {
        int n = key.length;
        while (n < needed) {
            n = Math.min(slots, n * 2);
        }
        key = java.util.Arrays.copyOf(key, n);
        id = java.util.Arrays.copyOf(id, n);
        priority = java.util.Arrays.copyOf(priority, n);
        left = java.util.Arrays.copyOf(left, n);
        right = java.util.Arrays.copyOf(right, n);
        size = java.util.Arrays.copyOf(size, n);
        relative = java.util.Arrays.copyOf(relative, n);
    }

    /** The window size. */
    public int window() {
        return window;
    }

    /** Pushes so far. */
    public long count() {
        return seq;
    }

    /** Whether {@code window} values have been pushed. */
    public boolean isFull() {
        return seq >= window;
    }

    /** Whether a missing (non-finite) value is inside the window. */
    public boolean hasMissing() {
        return seq - 1 - lastMissing < window;
    }

    /** Finite values in the window (the tree's size). */
    public int size() {
        return root == NIL ? 0 : size[root];
    }

    /** The sum of the finite values in the window (at the level of the values; {@link #centre()} is exact). */
    public double sum() {
        return root == NIL ? 0.0 : relative[root] + size[root] * key[root];
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        long s = seq;
        if (s >= window) {
            remove(s - window);
        }
        int slot = (int) (s % slots);
        if (slot >= key.length) {
            grow(slot + 1);
        }
        key[slot] = x;
        id[slot] = s;
        if (Math.abs(x) <= Double.MAX_VALUE) {
            insert(slot);
        } else {
            lastMissing = s;
        }
        seq = s + 1;
    }

    private void remove(long s) {
        int slot = (int) (s % slots);
        if (Math.abs(key[slot]) <= Double.MAX_VALUE) {
            root = delete(root, slot);
        }
    }

    private void insert(int slot) {
        left[slot] = NIL;
        right[slot] = NIL;
        size[slot] = 1;
        relative[slot] = 0.0;
        priority[slot] = hash(id[slot]);
        root = insert(root, slot);
    }

    /** A well-mixed priority from the push index (SplitMix64's finaliser): the data cannot unbalance the tree. */
    private static int hash(long s) {
        long z = s + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }

    /** In-order: by value, equal values by push index. */
    private boolean before(int a, int b) {
        double ka = key[a];
        double kb = key[b];
        return ka < kb || (ka == kb && id[a] < id[b]);
    }

    /** Heap order: by priority, equal priorities by push index, so the order is total and the shape unique. */
    private boolean above(int a, int b) {
        return priority[a] > priority[b] || (priority[a] == priority[b] && id[a] > id[b]);
    }

    private int insert(int t, int n) {
        if (t == NIL) {
            return n;
        }
        if (before(n, t)) {
            int l = insert(left[t], n);
            left[t] = l;
            if (above(l, t)) {
                left[t] = right[l];
                right[l] = t;
                pull(t);
                pull(l);
                return l;
            }
        } else {
            int r = insert(right[t], n);
            right[t] = r;
            if (above(r, t)) {
                right[t] = left[r];
                left[r] = t;
                pull(t);
                pull(r);
                return r;
            }
        }
        pull(t);
        return t;
    }

    private int delete(int t, int n) {
        if (t == NIL) {
            throw new IllegalStateException("OrderStatistics: value of push " + id[n] + " is not in the tree");
        }
        if (t == n) {
            return merge(left[t], right[t]);
        }
        if (before(n, t)) {
            left[t] = delete(left[t], n);
        } else {
            right[t] = delete(right[t], n);
        }
        pull(t);
        return t;
    }

    /** Joins two treaps whose values are all ordered {@code a} before {@code b}. */
    private int merge(int a, int b) {
        if (a == NIL) {
            return b;
        }
        if (b == NIL) {
            return a;
        }
        if (above(a, b)) {
            right[a] = merge(right[a], b);
            pull(a);
            return a;
        }
        left[b] = merge(a, left[b]);
        pull(b);
        return b;
    }

    /**
     * Recomputes a node's count and relative sum from its children — never updated incrementally. A child's sum moves
     * to this node's value as {@code Σ(x − k_child) + n_child·(k_child − k)}, a difference of two window values.
     */
    private void pull(int t) {
        int l = left[t];
        int r = right[t];
        double k = key[t];
        int n = 1;
        double s = 0.0;
        if (l != NIL) {
            n += size[l];
            s = relative[l] + size[l] * (key[l] - k);
        }
        if (r != NIL) {
            n += size[r];
            s = s + (relative[r] + size[r] * (key[r] - k));
        }
        size[t] = n;
        relative[t] = s;
    }

    /** The {@code k}-th smallest finite value in the window, {@code 0 <= k < size()}. */
    public double select(int k) {
        int t = root;
        while (true) {
            int l = left[t];
            int ls = l == NIL ? 0 : size[l];
            if (k < ls) {
                t = l;
            } else if (k == ls) {
                return key[t];
            } else {
                k -= ls + 1;
                t = right[t];
            }
        }
    }

    /** How many finite values in the window are below {@code v}. */
    public int countBelow(double v) {
        int c = 0;
        int t = root;
        while (t != NIL) {
            if (key[t] < v) {
                int l = left[t];
                c += (l == NIL ? 0 : size[l]) + 1;
                t = right[t];
            } else {
                t = left[t];
            }
        }
        return c;
    }

    /** How many finite values in the window are at most {@code v}. */
    public int countAtMost(double v) {
        int c = 0;
        int t = root;
        while (t != NIL) {
            if (key[t] <= v) {
                int l = left[t];
                c += (l == NIL ? 0 : size[l]) + 1;
                t = right[t];
            } else {
                t = left[t];
            }
        }
        return c;
    }

    /**
     * Computes the mean of the window's finite values and {@code Σ|x − mean|} for {@link #mean()},
     * {@link #offset(double)} and {@link #deviation()}. Requires at least one finite value.
     *
     * <p>The mean is the root's value plus the mean of the relative sums, carried as a rounded value and its rounding
     * remainder (TwoSum), so deviations are measured from the exact mean: a window near 1e6 does not lose its
     * deviations to the last bit of the mean, and two streams of the same window agree to the last digits whatever the
     * shape of their trees. {@code Σ|x − mean|} is the sum above the mean minus the sum below it, each taken from whole
     * subtrees on one descent (O(log n)); a constant window gives exactly 0.
     */
    public void centre() {
        int n = size[root];
        double base = key[root];
        double s = relative[root];
        double q = s / n;
        double m = base + q;
        // m is base + q rounded; the remainder is the rounding of both the sum and the division, exactly enough.
        double rest = ((base - m) + q) + Math.fma(-q, n, s) / n;
        double low = 0.0;
        double high = 0.0;
        int lowCount = 0;
        int t = root;
        while (t != NIL) {
            double k = key[t];
            if (k <= m) {
                int l = left[t];
                if (l != NIL) {
                    lowCount += size[l];
                    low += relative[l] + size[l] * (key[l] - m);
                }
                lowCount++;
                low += k - m;
                t = right[t];
            } else {
                int r = right[t];
                if (r != NIL) {
                    high += relative[r] + size[r] * (key[r] - m);
                }
                high += k - m;
                t = left[t];
            }
        }
        mean = m;
        remainder = rest;
        // Σ over the high side of (x − mean) minus Σ over the low side, with mean = m + rest.
        deviation = (high - low) - (n - 2 * lowCount) * rest;
    }

    /** The window's mean from the last {@link #centre()}, rounded to a double. */
    public double mean() {
        return mean;
    }

    /** {@code x} minus the exact mean of the last {@link #centre()} (not its rounded value). */
    public double offset(double x) {
        return (x - mean) - remainder;
    }

    /** {@code Σ|x − mean|} over the window's finite values, from the last {@link #centre()}. */
    public double deviation() {
        return deviation;
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        m.seq = seq;
        m.lastMissing = lastMissing;
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq <= 1 && seq >= m.seq : "OrderStatistics: more than one push between mark and rewind";
        if (m.seq < seq) {
            long s = seq - 1;
            int slot = (int) (s % slots);
            if (Math.abs(key[slot]) <= Double.MAX_VALUE) {
                root = delete(root, slot);
            }
            long gone = s - window;
            if (gone >= 0) {
                int back = (int) (gone % slots);
                if (Math.abs(key[back]) <= Double.MAX_VALUE) {
                    insert(back);
                }
            }
            seq = s;
        }
        lastMissing = m.lastMissing;
    }

    /** The window (checked on read), the push count, then the window's values oldest first. */
    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putLong(seq);
        for (long s = Math.max(0, seq - window); s < seq; s++) {
            out.putDouble(key[(int) (s % slots)]);
        }
    }

    /**
     * Reads the push count and the window's values and rebuilds the tree by inserting them; the treap's shape and
     * every subtree sum are functions of the window alone, so the result is the tree the pushes built, bit for bit.
     * Values older than the window are not stored: a restored stream re-derives its checkpoint by stepping, so
     * nothing rewinds past this point.
     */
    @Override
    public void read(StateReader in) {
        in.expectInt("window", window);
        long s = in.getLong("order statistics push count", 0, MAX_PUSHES);
        long from = Math.max(0, s - window);
        if (s - from > in.remaining()) {
            throw in.corrupt("a window of " + (s - from) + " values runs past the end of the snapshot");
        }
        int cap = Math.min(slots, INITIAL_CAPACITY);
        while (cap < Math.min(s, slots)) {
            cap = Math.min(slots, cap * 2);
        }
        allocate(cap);
        root = NIL;
        long missing = Long.MIN_VALUE / 2;
        for (long t = from; t < s; t++) {
            int slot = (int) (t % slots);
            key[slot] = in.getDouble();
            id[slot] = t;
            if (Math.abs(key[slot]) <= Double.MAX_VALUE) {
                insert(slot);
            } else {
                missing = t;
            }
        }
        seq = s;
        lastMissing = missing;
        mean = Double.NaN;
        remainder = 0.0;
        deviation = 0.0;
    }

    /** An {@link OrderStatistics} checkpoint: the push count and the newest missing push. */
    public static final class Mark implements StatePart.Mark {
        long seq;
        long lastMissing = Long.MIN_VALUE / 2;
    }
}
