package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.Arrays;

/**
 * The maximum (or minimum) of the last {@code window} pushed values, and its position, in O(1) amortized time per
 * push. Ties of position go to the most recent value, or to the oldest with {@link #maxOldestWins} /
 * {@link #minOldestWins}; the value of a tie between +0 and −0 is that of {@link Math#max} (+0 for a maximum,
 * −0 for a minimum). A non-finite push occupies its place in the window but never wins; while one is inside the
 * window {@link #value()} is NaN (docs/spec.md §5.2).
 * Built by {@link #max(int)}, {@link #min(int)} and their {@code OldestWins} variants.
 *
 * <p>Why not a monotonic deque: its pop loop runs a data-dependent number of times, so on real prices the branch
 * mispredicts constantly. This is van Herk / Gil-Werman made incremental: pushes are cut into blocks of
 * {@code window}; a window is the suffix of the previous block plus the prefix of the current one. The prefix
 * maximum is a running value; the previous block's suffix maxima are computed once, when that block completes
 * (one pass over a plain array, every {@code window} pushes). Blocks alternate between two buffers (values and
 * suffixes), so the two pushes a stream may make past a checkpoint (an update, then a preview) never overwrite the
 * checkpoint's window — except for a window of one value, which its mark keeps: marks and rewinds stay O(1).
 * Contract: at most one push per kernel step.
 *
 * <p>Values are compared as longs: a double's bits, with every bit but the sign flipped for negative values, order
 * exactly as {@link Math#max} orders doubles that are not NaN (−∞ lowest, −0 below +0), and a long's maximum is a
 * compare and a conditional move where the double's, which must also handle NaN, is a chain of several instructions on
 * the loop-carried path: the running prefix maximum and the suffix pass ran at about half the speed. A missing value
 * is stored as −∞, the key no finite value has.
 *
 * <p>Positions (for {@link #index()} and {@link #age()}) are kept only once asked for: a kernel that reads only the
 * value never pays for them, and a kernel that reads them on every bar pushes with {@link #pushKeepingPositions}. The
 * first call derives them from the window's keys in O(window), again only after a snapshot is read or a rewind to a
 * mark taken before that call; from then on every push keeps them, and ties between +0 and −0 count as ties, as the
 * doubles' {@code ==} has them.
 *
 * <p>Memory grows with the data: until the first block completes only the first block's values exist, in a buffer
 * that starts small and doubles; the second block and the suffix arrays are allocated when the first block completes.
 * The growth check shares the block-boundary comparison the push makes anyway ({@code next} reaching {@code edge}, the
 * end of the allocated part of the first block, or the block size), so it costs nothing per push.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.LINEAR)
public final class SlidingExtreme implements StatePart<SlidingExtreme.Mark> {
    private static final int INITIAL = 16;
    /** The suffix arrays until the first block completes, told apart by identity. */
    private static final long[] NONE_YET = {};
    /** The key of a missing value, −∞, as a long: below every other key. */
    static final long MISSING = order(Double.NEGATIVE_INFINITY);
    /**
     * {@link #prefixIndex} while pushes keep no positions: before the first {@link #index()}, after a snapshot is read,
     * and after a rewind to a mark taken before positions were kept (the next call derives them again).
     */
    private static final long UNTRACKED = Long.MIN_VALUE;

    private final int window;
    private final double sign;
    private final boolean newestWins;
    // Two blocks, block-major: block b occupies [b * window, (b + 1) * window). Grown as described above.
    private long[] blockValue;
    private long[] suffixValue;
    private long[] suffixIndex;
    /** {@code next} reaching this ends the fast path: the first block's buffer is full, or the block is complete. */
    private int edge;
    private int block;
    private int next;
    private long seq;
    private long prefixValue = MISSING;
    /** The position of the prefix's extreme; {@link #UNTRACKED} while pushes keep no positions. */
    private long prefixIndex = UNTRACKED;
    private long lastMissing = AnchoredSum.NEVER;
    /**
     * The values {@code lastMissing} had before the last two pushes that set it, newest first: what rewinds of those
     * pushes put back (two pushes may pass a checkpoint: an update, then a preview's). A mark then need not save
     * {@code lastMissing}, which few pushes change, as {@link AnchoredSum}'s does not.
     */
    private long missingBefore = AnchoredSum.NEVER;
    private long missingBefore2 = AnchoredSum.NEVER;

    /**
     * The maximum of the last {@code window} values; equal values go to the most recent.
     *
     * @param window the number of values the maximum is taken over, at least 1
     * @return an empty window
     */
    public static SlidingExtreme max(int window) {
        return new SlidingExtreme(window, 1.0, true);
    }

    /**
     * The minimum of the last {@code window} values; equal values go to the most recent.
     *
     * @param window the number of values the minimum is taken over, at least 1
     * @return an empty window
     */
    public static SlidingExtreme min(int window) {
        return new SlidingExtreme(window, -1.0, true);
    }

    /**
     * Like {@link #max(int)}, but equal values go to the oldest of them.
     *
     * @param window the number of values the maximum is taken over, at least 1
     * @return an empty window
     */
    public static SlidingExtreme maxOldestWins(int window) {
        return new SlidingExtreme(window, 1.0, false);
    }

    /**
     * Like {@link #min(int)}, but equal values go to the oldest of them.
     *
     * @param window the number of values the minimum is taken over, at least 1
     * @return an empty window
     */
    public static SlidingExtreme minOldestWins(int window) {
        return new SlidingExtreme(window, -1.0, false);
    }

    /*
     * The sign is +1 for a maximum and -1 for a minimum: a minimum is the maximum of the negated values, exactly. C2
     * does not inline the factories into a kernel's constructor (called once per batch: "low call site frequency"), so
     * the part is never scalar-replaced and its fields live in memory; what keeps a batch fast is the push inlined
     * into the loop (see push). Tried: the constructor called directly, the part then scalar-replaced, rolling max
     * 4.2 ns/bar against 3.85 through the factory (docs/performance-log.md, "Pushes under the inlining limit").
     */
    private SlidingExtreme(int window, double sign, boolean newestWins) {
        if (window < 1 || window > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("SlidingExtreme window must be in [1, " + Integer.MAX_VALUE / 2 + "], got " + window);
        }
        this.window = window;
        this.sign = sign;
        this.newestWins = newestWins;
        this.blockValue = new long[Math.min(window, INITIAL)];
        this.suffixValue = NONE_YET;
        this.suffixIndex = NONE_YET;
        this.edge = blockValue.length;
    }

    /** The value as this structure compares it: negated for a minimum (exact), −∞ when missing. */
    public double key(double x) {
        return Math.abs(x) <= Double.MAX_VALUE ? x * sign : Double.NEGATIVE_INFINITY;
    }

    /** A key as a long that orders as {@link Math#max} orders the doubles (see the class comment). */
    static long order(double key) {
        long bits = Double.doubleToRawLongBits(key);
        return bits ^ ((bits >> 63) >>> 1);
    }

    /** The key {@link #order} made {@code k} from. */
    static double keyOf(long k) {
        return Double.longBitsToDouble(k ^ ((k >> 63) >>> 1));
    }

    /**
     * {@code k} with −0 made +0, what position ties compare (the doubles' {@code ==} has −0 equal to +0): every negative
     * key moves up by one, so −0's (−1) meets +0's (0) and the order is otherwise kept, with no comparison.
     */
    static long tie(long k) {
        return k + (k >>> 63);
    }

    /**
     * Adds the next value; the value {@code window} pushes back leaves.
     *
     * <p>Kept under the 325 bytes of bytecode C2 inlines into a hot loop ({@code FreqInlineSize}, guarded by
     * {@code InlineSizeTest}): a kernel's batch loop then runs the push in place instead of calling it on every bar
     * (rolling max 4.8–5.0 → 3.7 ns/bar; it was 418 bytes). Rare work is out of line: a missing value's bookkeeping
     * and, at a block's end, the first block's growth and the suffix pass.
     */
    public void push(double x) {
        long s = seq++;
        long v = stored(x, s);
        int w = window;
        int n = next;
        blockValue[block * w + n] = v;
        boolean positions = prefixIndex != UNTRACKED;
        if (n == 0) {
            prefixValue = v;
            if (positions) {
                prefixIndex = s;
            }
        } else {
            long p = prefixValue;
            if (positions) {
                prefixIndex = wins(v, p) ? s : prefixIndex;
            }
            prefixValue = Math.max(v, p);
        }
        counted(n, s, w, positions);
    }

    /**
     * {@link #push}, keeping the positions of the extreme from the first call on (deriving them once, in O(window), if
     * none were kept): for a kernel that reads {@link #index()} or {@link #age()} on every bar. It is the push without
     * its test of whether positions are kept, whose branch profile is shared by every kernel on this part in the JVM:
     * after an aroon had run, williams_r's two pushes were compiled with the positions' path too, its step came out
     * over the size C2 inlines into a loop, and its batch went from 9.4 to 14.6 ns/bar (docs/performance-log.md,
     * "Kernels next to each other in one JVM").
     */
    public void pushKeepingPositions(double x) {
        pushKept(x);
    }

    /** {@link #pushKeepingPositions}, returning the key it stored, as {@link #order} has it ({@link RescanExtreme}). */
    long pushKept(double x) {
        if (prefixIndex == UNTRACKED) {
            keepPositions();
        }
        long s = seq++;
        long v = stored(x, s);
        int w = window;
        int n = next;
        blockValue[block * w + n] = v;
        if (n == 0) {
            prefixValue = v;
            prefixIndex = s;
        } else {
            long p = prefixValue;
            prefixIndex = wins(v, p) ? s : prefixIndex;
            prefixValue = Math.max(v, p);
        }
        counted(n, s, w, true);
        return v;
    }

    /**
     * The key push {@code s} stores for {@code x}, recording a missing one. One test for a missing value, where the
     * key's own test and a comparison of the key with MISSING made two: each branch a profile never saw taken is a
     * deoptimisation trap of some sixty bytes in the compiled push, and a step over C2's InlineSmallCode is not
     * inlined into its batch loop (docs/performance-log.md).
     */
    private long stored(double x, long s) {
        if (Math.abs(x) <= Double.MAX_VALUE) {
            return order(x * sign);
        }
        missing(s);
        return MISSING;
    }

    /**
     * Whether the new key {@code v} takes the prefix's position from {@code p}'s. A new prefix extreme is a coin flip
     * on market data: callers select rather than branch on it.
     */
    private boolean wins(long v, long p) {
        return newestWins ? tie(v) >= tie(p) : tie(v) > tie(p);
    }

    /** Counts the push {@code s} just stored at {@code n}, completing the block when it is full. */
    private void counted(int n, long s, int w, boolean positions) {
        if ((next = n + 1) == edge) {
            // The first block's end, by identity: the array's length would take a null test, another trap.
            if (suffixValue == NONE_YET && fillingFirst(n + 1, positions)) {
                return;
            }
            suffixes(blockValue, suffixValue, suffixIndex, block * w, w, s - w + 1, newestWins, positions);
            next = 0;
            block = 1 - block;
        }
    }

    /** Records a missing value pushed at {@code s}, keeping the two before it for rewinds. */
    private void missing(long s) {
        missingBefore2 = missingBefore;
        missingBefore = lastMissing;
        lastMissing = s;
    }

    /**
     * The first block's buffer is full after {@code filled} values: it grows (O(log window) times in a life) and the
     * block goes on filling (true), or the block is complete, and from now on both blocks and their suffixes are in
     * use (false). Out of {@link #push}, which it would take over C2's inlining limit; a part is never scalar-replaced
     * (its factories are called once per kernel, and C2 does not inline them there), so passing {@code this} costs no
     * registers.
     */
    private boolean fillingFirst(int filled, boolean positions) {
        int w = window;
        if (filled < w) {
            blockValue = Arrays.copyOf(blockValue, Math.min(2 * filled, w));
            edge = blockValue.length;
            return true;
        }
        blockValue = Arrays.copyOf(blockValue, 2 * w);
        suffixValue = new long[2 * w];
        suffixIndex = positions ? new long[2 * w] : NONE_YET;
        return false;
    }

    /**
     * The suffix maxima of the block just filled, newest to oldest, and their positions if {@code positions}: a
     * strict comparison keeps the newer of equal values, {@code >=} takes the older. One method for both, so
     * {@link #push} makes one call.
     */
    private static void suffixes(long[] bv, long[] sv, long[] si, int base, int window, long first, boolean newestWins,
            boolean positions) {
        long m = MISSING;
        if (!positions) {
            for (int j = window - 1; j >= 0; j--) {
                m = Math.max(bv[base + j], m);
                sv[base + j] = m;
            }
            return;
        }
        long mi = first + window - 1;
        for (int j = window - 1; j >= 0; j--) {
            long v = bv[base + j];
            boolean wins = newestWins ? tie(v) > tie(m) : tie(v) >= tie(m);
            mi = wins ? first + j : mi;
            m = Math.max(v, m);
            sv[base + j] = m;
            si[base + j] = mi;
        }
    }

    /** Pushes so far. */
    public long count() {
        return seq;
    }

    /** Whether {@link #count()} has reached the window size. */
    public boolean isFull() {
        return seq >= window;
    }

    /** Whether a non-finite value is inside the current window. */
    public boolean hasMissing() {
        return seq - 1 - lastMissing < window;
    }

    /**
     * The extreme of the current window (of everything pushed, before the window is full); NaN while a non-finite
     * value is inside it or before any push.
     */
    public double value() {
        if (seq == 0 || hasMissing()) {
            return Double.NaN;
        }
        return keyOf(extremeKey()) * sign;
    }

    /** Pushes since the extreme was pushed (0 = the newest value). Undefined when {@link #value()} is NaN. */
    public long age() {
        return seq - 1 - index();
    }

    /** The push index (0-based) of the extreme. Undefined when {@link #value()} is NaN. */
    public long index() {
        if (prefixIndex == UNTRACKED) {
            keepPositions();
        }
        if (next == 0 || seq < window) {
            return prefixIndex; // the window is exactly the current (or first) block
        }
        int at = (1 - block) * window + next;
        long suffix = tie(suffixValue[at]);
        long prefix = tie(prefixValue);
        // The prefix part of the window is newer than the suffix part.
        return prefix > suffix || (newestWins && prefix == suffix) ? prefixIndex : suffixIndex[at];
    }

    /**
     * From now on pushes keep positions: derives those of the window from its keys, the previous block's suffix
     * positions and the current prefix's, O(window). Once in a part's life, but for the cases {@link #UNTRACKED} names.
     */
    private void keepPositions() {
        if (suffixValue != NONE_YET) {
            if (suffixIndex.length == 0) {
                suffixIndex = new long[2 * window];
            }
            long s = seq - next; // the first push of the current block
            suffixes(blockValue, suffixValue, suffixIndex, (1 - block) * window, window, s - window, newestWins, true);
        }
        prefixIndex = prefixPosition(blockValue, block, next, seq, window, newestWins);
    }

    /**
     * The position of the running extreme of the current block, or, right after a block completed, of that block; -1
     * before any push.
     */
    private static long prefixPosition(long[] bv, int block, int next, long seq, int window, boolean newestWins) {
        int from = next > 0 ? block * window : (1 - block) * window;
        int count = next > 0 ? next : seq > 0 ? window : 0;
        long first = seq - count;
        long best = MISSING;
        long at = -1;
        for (int j = 0; j < count; j++) {
            long v = tie(bv[from + j]);
            if (j == 0 || v > best || (newestWins && v == best)) {
                best = v;
                at = first + j;
            }
        }
        return at;
    }

    /** The extreme of the finite values in the current window, even while a missing one is inside; NaN if none. */
    public double finiteExtreme() {
        long k = seq == 0 ? MISSING : extremeKey();
        return k == MISSING ? Double.NaN : keyOf(k) * sign;
    }

    /** The extreme key of the current window as {@link #order} has it; a missing value's when all are (seq > 0). */
    long extremeKey() {
        if (next == 0 || seq < window) {
            return prefixValue; // the window is exactly the block just completed (or the first, partial one)
        }
        return Math.max(prefixValue, suffixValue[(1 - block) * window + next]);
    }

    /**
     * Longs currently allocated: {@code 4 * window} once the first block completes, {@code 6 * window} with positions.
     */
    public long allocated() {
        return (long) blockValue.length + suffixValue.length + suffixIndex.length;
    }

    /** The key of push {@code t}, which must lie in the current window. */
    double keyAt(long t) {
        return keyOf(blockValue[position(t)]);
    }

    /** The extreme key of the current window, −∞ when every value in it is missing (or before any push). */
    double windowKey() {
        return seq == 0 ? Double.NEGATIVE_INFINITY : keyOf(extremeKey());
    }

    private int position(long t) {
        return (int) ((t / window) & 1) * window + (int) (t % window);
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        // Only what a rewind cannot derive from the state after the push: a stream saves a mark on every update.
        m.seq = seq;
        m.prefixValue = prefixValue;
        m.prefixIndex = prefixIndex;
        if (window == 1 && seq > 0) {
            // A window of one value is the whole previous block, and the second push after this mark (an update,
            // then a preview) refills that block: the mark keeps the key so a rewind gives the window back intact.
            m.key = blockValue[1 - block];
        }
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq <= 1 && seq >= m.seq : "SlidingExtreme: more than one push between mark and rewind";
        if (seq != m.seq) {
            // Undo the one push: its place is one back, in the previous block if it completed one (whose suffixes it
            // wrote where the window before it does not read them), and a missing value at its index was its own.
            if (lastMissing == m.seq) {
                lastMissing = missingBefore;
                missingBefore = missingBefore2;
            }
            if (next == 0) {
                block = 1 - block;
                next = window - 1;
            } else {
                next--;
            }
            seq = m.seq;
        }
        prefixValue = m.prefixValue;
        prefixIndex = m.prefixIndex;
        edge = Math.min(blockValue.length, window);
        if (window == 1 && seq > 0) {
            blockValue[1 - block] = m.key;
        }
    }

    /** The fixed shape (checked on read), the push count, then the window's keys oldest first. */
    @Override
    public void write(StateWriter out) {
        out.putInt(window);
        out.putDouble(sign);
        out.putBoolean(newestWins);
        out.putLong(seq);
        for (long t = seq - Math.min(seq, window); t < seq; t++) {
            out.putDouble(keyAt(t));
        }
    }

    /**
     * Rebuilds the blocks from the window's keys: the previous block's suffixes, the current prefix and the last
     * missing value are all derived (positions too, when next asked for), so no snapshot can make them disagree.
     */
    @Override
    public void read(StateReader in) {
        in.expectInt("window", window);
        in.expectDouble("direction", sign);
        in.expectBoolean("tie rule", newestWins);
        long s = in.getCount("push count");
        int m = (int) Math.min(s, window);
        if (in.remaining() < m) {
            throw in.corrupt("the window of " + m + " values runs past the end of the snapshot");
        }
        int n = (int) (s % window);
        boolean started = s >= window;
        long[] bv = new long[started ? 2 * window : Math.min(window, Math.max(INITIAL, 2 * Integer.highestOneBit(n)))];
        long missing = AnchoredSum.NEVER;
        for (long t = s - m; t < s; t++) {
            double k = in.getDouble();
            if (!(k == Double.NEGATIVE_INFINITY || Math.abs(k) <= Double.MAX_VALUE)) {
                throw in.corrupt("extreme window holds the key " + k + " (a finite value or -Infinity expected)");
            }
            if (k == Double.NEGATIVE_INFINITY) {
                missing = t;
            }
            bv[(int) ((t / window) & 1) * window + (int) (t % window)] = order(k);
        }
        int b = (int) ((s / window) & 1);
        long[] sv = NONE_YET;
        if (started) {
            sv = new long[2 * window];
            suffixes(bv, sv, NONE_YET, (1 - b) * window, window, 0, true, false);
        }
        // The prefix is the running extreme of the current block; right after a block completes, of that block.
        int from = n > 0 ? b * window : (1 - b) * window;
        int count = n > 0 ? n : s > 0 ? window : 0;
        long pv = MISSING;
        for (int j = 0; j < count; j++) {
            pv = Math.max(bv[from + j], pv);
        }
        blockValue = bv;
        suffixValue = sv;
        suffixIndex = NONE_YET;
        edge = Math.min(bv.length, window);
        block = b;
        next = n;
        seq = s;
        prefixValue = pv;
        prefixIndex = UNTRACKED;
        lastMissing = missing;
        missingBefore = AnchoredSum.NEVER;
        missingBefore2 = AnchoredSum.NEVER;
    }

    /** A {@link SlidingExtreme} checkpoint. */
    public static final class Mark implements StatePart.Mark {
        long seq;
        long prefixValue;
        long prefixIndex;
        /** The window's only key, for a window of one value. */
        long key;

        /** Only {@link SlidingExtreme#newMark()} makes one. */
        Mark() {}
    }
}
