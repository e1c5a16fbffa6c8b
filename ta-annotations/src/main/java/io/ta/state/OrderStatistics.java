package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.ExactArithmetic;
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
 * restore, so no structure is ever read from bytes. The tree's arrays grow geometrically while the window fills.
 *
 * <p><b>Small windows are scanned.</b> Up to {@value #SCAN_MAX} values, walking a treap costs more than reading the
 * window: a 14-value mean deviation is two passes over two cache lines (~25 ns), where the treap's descents,
 * rotations and subtree sums cost ~10 times as much; the two meet at a few hundred values (~300 ns each). So the part
 * picks its algorithm once, from the window size, at construction: up to {@value #SCAN_MAX} values it keeps no tree —
 * the values sit in a mirrored ring (each slot stored twice, so the window is always one contiguous stretch),
 * {@link #centre()} makes two passes over it (the mean relative to the newest value with its rounding remainder,
 * then each value's deviation from that exact mean), and the order
 * queries read a sorted copy of the window, built on the first order query and kept in order by a binary search and
 * one array move per push from then on (a kernel that only asks for the mean deviation never pays for it). Every answer is still a fresh computation over the values inside the window, so
 * nothing drifts or remembers an outlier; the cost per push is bounded by {@value #SCAN_MAX} values, O(1) in the
 * period, and above it the treap's O(log n). Both paths give the same order statistics exactly and the same mean and
 * deviation to within a few ulps of the deviation's scale (ExactWindowsTest proves it on outlier-laden data); a
 * given window size always takes the same path, so batch, stream, rewound and restored states still agree bit for
 * bit, and the snapshot (push count and values) is the same for both.
 *
 * <p>Non-finite pushes are missing: they take their place in the window but not in the tree, and {@link #hasMissing()}
 * is true while one is inside. Contract: at most one push per kernel step.
 */
@Cost(time = Complexity.LOGARITHMIC, memory = Complexity.LINEAR)
public final class OrderStatistics implements StatePart<OrderStatistics.Mark> {
    private static final int NIL = -1;
    private static final int INITIAL_CAPACITY = 16;
    /** The largest window answered by scanning instead of a tree (measured: NumericsBench, docs/performance.md). */
    public static final int SCAN_MAX = 256;

    private final int window;
    private final int slots;
    /** Whether this part scans its window ({@code window <= SCAN_MAX}) rather than keeping a tree. */
    private final boolean scan;
    /** The slot of the next push: {@code seq mod slots}, kept without a division per push. */
    private int head;
    /** Scan path: the finite values in the window. */
    private int finite;
    /** Scan path: whether {@link #sorted} is kept (from the first order query on). */
    private boolean ordered;
    /** Scan path: the window's finite values in ascending order, its first {@link #finite} entries. */
    private double[] sorted;
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
    private long lastMissing = AnchoredSum.NEVER;
    // The last centre(): the mean as a rounded value and its remainder, and Σ|x − mean|.
    private double mean = Double.NaN;
    private double remainder;
    private double deviation;

    /** A window of {@code window} values (at least 1). */
    public OrderStatistics(int window) {
        this(window, window > SCAN_MAX);
    }

    /** Tests only: forces the tree ({@code tree}) or the scan for any window size, to prove both paths agree. */
    OrderStatistics(int window, boolean tree) {
        if (window < 1) {
            throw new IllegalArgumentException("OrderStatistics window must be >= 1, got " + window);
        }
        this.window = window;
        this.slots = window + 2;
        this.scan = !tree;
        allocate(Math.min(slots, INITIAL_CAPACITY));
    }

    private void allocate(int n) {
        if (scan) {
            // Mirrored: slot i is also stored at i + slots, so the window is always one contiguous stretch.
            key = new double[2 * slots];
            return;
        }
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
        if (scan) {
            return;
        }
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
        if (scan) {
            return finite;
        }
        return root == NIL ? 0 : size[root];
    }

    /** The sum of the finite values in the window (at the level of the values; {@link #centre()} is exact). */
    public double sum() {
        if (scan) {
            double s = 0.0;
            for (int i = oldest(), end = i + occupied(); i < end; i++) {
                double v = key[i];
                if (Math.abs(v) <= Double.MAX_VALUE) {
                    s += v;
                }
            }
            return s;
        }
        return root == NIL ? 0.0 : relative[root] + size[root] * key[root];
    }

    /** Values (finite or not) in the window: {@code min(seq, window)}. */
    private int occupied() {
        return (int) Math.min(seq, window);
    }

    /** The slot of the oldest value in the window. */
    private int oldest() {
        int j = head - occupied();
        return j < 0 ? j + slots : j;
    }

    /** Adds the next value; the value {@code window} pushes back leaves. */
    public void push(double x) {
        if (scan) {
            pushScan(x);
            return;
        }
        long s = seq;
        int h = head;
        if (s >= window) {
            // The value that leaves was pushed window = slots − 2 pushes ago: slot h + 2 (mod slots).
            int out = h + 2 < slots ? h + 2 : h + 2 - slots;
            if (Math.abs(key[out]) <= Double.MAX_VALUE) {
                root = delete(root, out);
            }
        }
        if (h >= key.length) {
            grow(h + 1);
        }
        key[h] = x;
        if (Math.abs(x) <= Double.MAX_VALUE) {
            id[h] = s;
            insert(h);
        } else {
            lastMissing = s;
        }
        seq = s + 1;
        head = h + 1 == slots ? 0 : h + 1;
    }

    private void pushScan(double x) {
        long s = seq;
        int h = head;
        double[] v = key;
        boolean enters = Math.abs(x) <= Double.MAX_VALUE;
        double out = s >= window ? v[h + 2] : Double.NaN;
        exchange(out, x);
        v[h] = x;
        v[h + slots] = x;
        if (!enters) {
            lastMissing = s;
        }
        seq = s + 1;
        head = h + 1 == slots ? 0 : h + 1;
    }

    /**
     * Scan path: {@code out} leaves the window and {@code in} enters it, each only if finite (NaN for none). A push
     * and the rewind of one both come here: when both values are finite, the sorted copy moves only the values
     * between their two places, and ends as a drop and an add would leave it.
     */
    private void exchange(double out, double in) {
        boolean leaves = Math.abs(out) <= Double.MAX_VALUE;
        boolean enters = Math.abs(in) <= Double.MAX_VALUE;
        if (!ordered) {
            // Only the count moves, and with no call: a kernel that never asks for an order statistic (avgdev, cci)
            // comes here on every push, and the calls of the ordered path, taken while a stream's first window fills,
            // were compiled into its update.
            if (leaves != enters) {
                finite += enters ? 1 : -1;
            }
            return;
        }
        if (!leaves || !enters) {
            if (leaves) {
                drop(out);
            } else if (enters) {
                add(in);
            }
            return;
        }
        double[] a = sorted;
        int n = finite;
        int i = indexOf(a, n, out);
        int j = java.util.Arrays.binarySearch(a, 0, n, in);
        if (j < 0) {
            j = -j - 1;
        }
        // j is where the entering value goes while the leaving one is still at i.
        if (j > i) {
            System.arraycopy(a, i + 1, a, i, j - 1 - i);
            a[j - 1] = in;
        } else {
            System.arraycopy(a, j, a, j + 1, i - j);
            a[j] = in;
        }
    }

    /** Scan path, once ordered: a finite value enters the window and its place in the sorted copy. */
    private void add(double v) {
        int n = finite;
        int i = java.util.Arrays.binarySearch(sorted, 0, n, v);
        if (i < 0) {
            i = -i - 1;
        }
        System.arraycopy(sorted, i, sorted, i + 1, n - i);
        sorted[i] = v;
        finite = n + 1;
    }

    /** Scan path, once ordered: a finite value leaves the window and the sorted copy. */
    private void drop(double v) {
        int n = finite - 1;
        int i = indexOf(sorted, n + 1, v);
        System.arraycopy(sorted, i + 1, sorted, i, n - i);
        finite = n;
    }

    /** Scan path: the place of {@code v} among the first {@code n} values of the sorted copy, which hold it. */
    private static int indexOf(double[] sorted, int n, double v) {
        int i = java.util.Arrays.binarySearch(sorted, 0, n, v);
        if (i < 0) {
            throw new IllegalStateException("OrderStatistics: value " + v + " is not in the window");
        }
        return i;
    }

    /** Scan path: sorts the window's finite values once; pushes keep them in order from then on. */
    private void order() {
        if (sorted == null) {
            sorted = new double[window];
        }
        int n = 0;
        for (int i = oldest(), end = i + occupied(); i < end; i++) {
            double v = key[i];
            if (Math.abs(v) <= Double.MAX_VALUE) {
                sorted[n++] = v;
            }
        }
        java.util.Arrays.sort(sorted, 0, n);
        ordered = true;
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
        if (scan) {
            if (!ordered) {
                order();
            }
            return sorted[k];
        }
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
        if (scan) {
            return rank(v, false);
        }
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
        if (scan) {
            return rank(v, true);
        }
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

    /** Scan path: how many sorted values are below {@code v} (or at most {@code v}), by binary search. */
    private int rank(double v, boolean inclusive) {
        if (!ordered) {
            order();
        }
        double[] a = sorted;
        int lo = 0;
        int hi = finite;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v || (inclusive && a[mid] == v)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
        if (scan) {
            centreScan();
            return;
        }
        int n = size[root];
        double base = key[root];
        double s = relative[root];
        double q = s / n;
        double m = base + q;
        // m is base + q rounded; the remainder is the rounding of both the sum and the division, exactly enough.
        double rest = ((base - m) + q) + ExactArithmetic.remainder(s, q, n) / n;
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

    /**
     * {@link #centre()} by two passes over the window: the sum relative to the newest finite value, then the
     * deviations from the mean so found — the tree's formula with the window as one flat subtree.
     */
    private void centreScan() {
        double[] v = key;
        int n = finite;
        int from = oldest();
        int end = from + occupied();
        if (n < end - from) {
            centreScanMissing(from, end);
            return;
        }
        // Two chains per pass (even and odd slots): each pass is a chain of dependent additions, and two halve it. The
        // division by n is a multiplication by 1/n, taken while the first pass runs: the remainder corrects q
        // whatever its rounding. Each deviation is measured from the exact mean m + rest directly, |(m − x) + rest|:
        // the tree's formula (the sum above the mean minus the sum below, then the remainder once per value counted)
        // would need the count of values below, which cost a third of the scan.
        double base = v[end - 1];
        double inverse = 1.0 / n;
        double s0 = 0.0;
        double s1 = 0.0;
        int i = from;
        for (; i + 1 < end; i += 2) {
            s0 += v[i] - base;
            s1 += v[i + 1] - base;
        }
        if (i < end) {
            s0 += v[i] - base;
        }
        double s = s0 + s1;
        double q = s * inverse;
        double m = base + q;
        double rest = ((base - m) + q) + ExactArithmetic.remainder(s, q, n) * inverse;
        double a0 = 0.0;
        double a1 = 0.0;
        for (i = from; i + 1 < end; i += 2) {
            a0 += Math.abs((m - v[i]) + rest);
            a1 += Math.abs((m - v[i + 1]) + rest);
        }
        if (i < end) {
            a0 += Math.abs((m - v[i]) + rest);
        }
        mean = m;
        remainder = rest;
        deviation = a0 + a1;
    }

    /** {@link #centreScan()} over a window that holds missing values: the same sums over its finite values. */
    private void centreScanMissing(int from, int end) {
        double[] v = key;
        int n = finite;
        double base = Double.NaN;
        for (int i = end - 1; i >= from; i--) {
            if (Math.abs(v[i]) <= Double.MAX_VALUE) {
                base = v[i];
                break;
            }
        }
        double s = 0.0;
        for (int i = from; i < end; i++) {
            if (Math.abs(v[i]) <= Double.MAX_VALUE) {
                s += v[i] - base;
            }
        }
        double inverse = 1.0 / n;
        double q = s * inverse;
        double m = base + q;
        double rest = ((base - m) + q) + ExactArithmetic.remainder(s, q, n) * inverse;
        double absolute = 0.0;
        for (int i = from; i < end; i++) {
            if (Math.abs(v[i]) <= Double.MAX_VALUE) {
                absolute += Math.abs((m - v[i]) + rest);
            }
        }
        mean = m;
        remainder = rest;
        deviation = absolute;
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
            int slot = head == 0 ? slots - 1 : head - 1;
            int back = slot + 2 < slots ? slot + 2 : slot + 2 - slots;
            double x = key[slot];
            double v = s >= window ? key[back] : Double.NaN;
            if (scan) {
                // The value pushed leaves, the one it pushed out comes back.
                exchange(x, v);
            } else {
                if (Math.abs(x) <= Double.MAX_VALUE) {
                    root = delete(root, slot);
                }
                if (Math.abs(v) <= Double.MAX_VALUE) {
                    insert(back);
                }
            }
            seq = s;
            head = slot;
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
        long s = in.getCount("order statistics push count");
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
        finite = 0;
        ordered = false;
        long missing = AnchoredSum.NEVER;
        for (long t = from; t < s; t++) {
            int slot = (int) (t % slots);
            key[slot] = in.getDouble();
            if (scan) {
                key[slot + slots] = key[slot];
            }
            if (Math.abs(key[slot]) <= Double.MAX_VALUE) {
                if (scan) {
                    finite++;
                } else {
                    id[slot] = t;
                    insert(slot);
                }
            } else {
                missing = t;
            }
        }
        seq = s;
        head = (int) (s % slots);
        lastMissing = missing;
        mean = Double.NaN;
        remainder = 0.0;
        deviation = 0.0;
    }

    /** An {@link OrderStatistics} checkpoint: the push count and the newest missing push. */
    public static final class Mark implements StatePart.Mark {
        long seq;
        long lastMissing = AnchoredSum.NEVER;

        /** Only {@link OrderStatistics#newMark()} makes one. */
        Mark() {}
    }
}
