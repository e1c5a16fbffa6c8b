package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.error.SnapshotMismatchException;
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
 * they cannot drift and an outlier leaves no trace once it has left the window.
 *
 * <p>Checkpoints: two slots beyond the window keep the values that left in the last two pushes, so a mark is just the
 * push count, and rewinding one push deletes the value it inserted and re-inserts the one it removed (O(log window),
 * the cost of the push it undoes). Snapshots hold the push count and the last {@code window + 2} values; the tree is
 * rebuilt on restore, so no structure is ever read from bytes. Arrays grow geometrically while the window fills.
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
    /** The rounding bound of {@link #deviation}, relative to the magnitude of the sums it is taken from. */
    private final double zero;
    private double[] key;
    private long[] id;
    private int[] priority;
    private int[] left;
    private int[] right;
    private int[] size;
    private double[] total;
    private int root = NIL;
    private long seq;
    private long lastMissing = Long.MIN_VALUE / 2;
    // The last split(): values at most the pivot (count, sum) and above it (sum).
    private int lowCount;
    private double lowSum;
    private double highSum;

    /** A window of {@code window} values (at least 1). */
    public OrderStatistics(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("OrderStatistics window must be >= 1, got " + window);
        }
        this.window = window;
        this.slots = window + 2;
        // Tree sums add along paths of expected length ~2·ln n; 3·log2 n + 4 levels bound them generously.
        this.zero = 4.0 * (3.0 * (32 - Integer.numberOfLeadingZeros(window)) + 4.0) * 0x1p-53;
        allocate(Math.min(slots, INITIAL_CAPACITY));
    }

    private void allocate(int n) {
        key = new double[n];
        id = new long[n];
        priority = new int[n];
        left = new int[n];
        right = new int[n];
        size = new int[n];
        total = new double[n];
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
        total = java.util.Arrays.copyOf(total, n);
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

    /** The sum of the finite values in the window. */
    public double sum() {
        return root == NIL ? 0.0 : total[root];
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
        total[slot] = key[slot];
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

    /** Recomputes a node's count and sum from its children: the sums are never updated incrementally. */
    private void pull(int t) {
        int l = left[t];
        int r = right[t];
        int n = 1;
        double s = key[t];
        if (l != NIL) {
            n += size[l];
            s = total[l] + s;
        }
        if (r != NIL) {
            n += size[r];
            s = s + total[r];
        }
        size[t] = n;
        total[t] = s;
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
     * Splits the window's finite values at {@code pivot}: {@link #lowCount()} and {@link #lowSum()} of those at most
     * {@code pivot}, {@link #highSum()} of those above it. Both sums are taken from whole subtrees, never by
     * subtracting one from the window total.
     */
    public void split(double pivot) {
        int c = 0;
        double lo = 0.0;
        double hi = 0.0;
        int t = root;
        while (t != NIL) {
            if (key[t] <= pivot) {
                int l = left[t];
                if (l != NIL) {
                    c += size[l];
                    lo += total[l];
                }
                c++;
                lo += key[t];
                t = right[t];
            } else {
                int r = right[t];
                if (r != NIL) {
                    hi += total[r];
                }
                hi += key[t];
                t = left[t];
            }
        }
        lowCount = c;
        lowSum = lo;
        highSum = hi;
    }

    /**
     * {@code Σ|x − pivot|} over the window's finite values, as {@code (Σhigh − n_high·pivot) + (n_low·pivot − Σlow)}
     * from one {@link #split}; 0 when it is below the rounding bound of those sums — a relative test on the magnitude
     * of the values, so a window constant to within rounding has no deviation at any price level.
     */
    public double deviation(double pivot) {
        split(pivot);
        int low = lowCount;
        double lo = lowSum;
        double hi = highSum;
        double d = (hi - (size() - low) * pivot) + (low * pivot - lo);
        return d <= zero * (Math.abs(hi) + Math.abs(lo)) ? 0.0 : d;
    }

    /** From the last {@link #split}: how many values are at most the pivot. */
    public int lowCount() {
        return lowCount;
    }

    /** From the last {@link #split}: the sum of the values at most the pivot. */
    public double lowSum() {
        return lowSum;
    }

    /** From the last {@link #split}: the sum of the values above the pivot. */
    public double highSum() {
        return highSum;
    }

    @Override
    public Mark newMark() {
        return new Mark(this);
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

    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putLong(seq);
        for (long s = Math.max(0, seq - slots); s < seq; s++) {
            out.putDouble(key[(int) (s % slots)]);
        }
    }

    @Override
    public void read(StateReader in) {
        in.expectInt("window", window);
        long s = in.getLong();
        if (s < 0 || s > MAX_PUSHES) {
            throw new SnapshotMismatchException("corrupt snapshot: order statistics push count " + s);
        }
        long from = Math.max(0, s - slots);
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
            boolean finite = Math.abs(key[slot]) <= Double.MAX_VALUE;
            if (!finite) {
                missing = t;
            }
            if (finite && t >= s - window) {
                insert(slot);
            }
        }
        seq = s;
        lastMissing = missing;
    }

    /** The newest missing push before push {@code s}, from the values the part still holds. */
    private long missingBefore(long s) {
        long m = Long.MIN_VALUE / 2;
        for (long t = Math.max(0, s - window); t < s; t++) {
            if (!(Math.abs(key[(int) (t % slots)]) <= Double.MAX_VALUE)) {
                m = t;
            }
        }
        return m;
    }

    /** An {@link OrderStatistics} checkpoint: the push count (and the newest missing push, derived on read). */
    public static final class Mark implements StatePart.Mark {
        private final OrderStatistics part;
        long seq;
        long lastMissing = Long.MIN_VALUE / 2;

        Mark(OrderStatistics part) {
            this.part = part;
        }

        @Override
        public void write(StateWriter out) {
            out.putLong(seq);
        }

        @Override
        public void read(StateReader in) {
            long s = in.getLong();
            long at = part.seq;
            if (s != at && s != at - 1 || s < 0) {
                throw new SnapshotMismatchException(
                        "corrupt snapshot: checkpoint at push " + s + " of an order-statistics part at push " + at);
            }
            seq = s;
            lastMissing = part.missingBefore(s);
        }
    }
}
