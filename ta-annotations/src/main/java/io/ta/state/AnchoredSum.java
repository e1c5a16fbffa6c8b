package io.ta.state;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.spi.InputBacked;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.Arrays;

/**
 * The sum of the last {@code window} pushed values (missing ones count as 0; see {@link #hasMissing()}) as a running
 * total — TA-Lib's {@code total += entering − leaving}, one add per push — that is re-anchored to a fresh sum every
 * {@code window} pushes, in O(1) time per push (amortized only over a block of zeros; see below).
 *
 * <p>Why: a plain running total carries the rounding residue of every value that ever passed through it, so it drifts
 * with the length of a stream and keeps an outlier's residue for good (a 1e20 tick leaves ~1e4 behind). Here a second
 * sum, {@code shadow}, adds the values of the current block of {@code window} pushes and nothing else. When the block
 * is complete its values are exactly the window, so the shadow is a fresh sum of the window and replaces the total:
 * whatever the total had accumulated is dropped. The error is therefore bounded by the rounding of at most
 * {@code 2·window} additions of values near the window's, however long the stream, and an outlier's residue is gone
 * at the first block boundary after it left the window — at most one window after it left, as in {@link WindowSum},
 * whose push is less compact; this part is what the hot averages use. (Forgetting it the moment it leaves needs a
 * test on every push: docs/performance-log.md, "Forgetting a dominant value the moment it leaves".)
 *
 * <p>The ring has room for {@code window + 2} values, so the two pushes a stream may make past a checkpoint (an
 * update, then a preview) overwrite nothing its window holds, and marks and rewinds are O(1) scalars. Its length is a
 * power of two, so the slots a push writes and reads are its count masked by the length: C2 proves both within the
 * ring, and a push compiles without two bounds checks, a wrap and a stored slot (docs/performance-log.md, "Rings of a
 * power of two"). A ring of up to {@value #FULL_UP_TO} slots is allocated in full; a longer one grows geometrically
 * while the first values arrive (memory O(min(window, pushes))): see {@link #FULL_UP_TO} for why. Results depend only
 * on the push count, the values and the anchors, which are aligned to the first push, so batch and stream agree bit
 * for bit.
 *
 * <p>A whole-series batch may lend the part its input ({@link #backWith}, for an {@link io.ta.annotation.OfInput}
 * field): the leaving value is then read back from the input array, as TA-Lib's loop reads it, and the ring is never
 * written. Every other step is the same, so the batch stays bit for bit the stream. Only {@link #pushLendable} reads
 * a lent input; {@link #push}, for every other holder, compiles without that path.
 *
 * <p>A window of zeros sums to exactly 0, whatever the total kept of the values before them: when nothing but zeros is
 * left in the window of the last completed block, the window is the current block's values alone and the shadow, their
 * fresh sum, is the answer. Whether that is so is known from the newest non-zero value of the block, found when the
 * block completes by a scan back from its end that stops at the first non-zero value: one read for prices, a pass over
 * a block of zeros (O(1) per push amortized), and nothing at all on the pushes in between. The part declares its cost
 * O(1) rather than O(1) amortized for that reason: the scan is a static call taken at the end of a block that ends in
 * zero and never on prices, and a fused plan, which gives an amortized part a loop of its own for the calls such parts
 * make on every block, reads the declaration.
 *
 * <p>Snapshots hold the push count, the age of the newest missing value, the running total (it is the one number that
 * depends on values no longer in the window) and the window's values; the shadow and the last block's newest non-zero
 * value are recomputed on restore from the window's values. Contract: at most one push between a mark and its
 * rewind that is not itself rewound, and at most two pushes past the oldest mark still to be rewound (a stream's
 * update and its preview's).
 */
@Cost(time = Complexity.CONSTANT, memory = Complexity.LINEAR)
public final class AnchoredSum implements StatePart<AnchoredSum.Mark>, InputBacked {
    private static final int INITIAL_CAPACITY = 16;
    /**
     * A ring of at most this many slots (8 KB) is allocated in full when the part is built, and pushes never grow
     * it; a longer one starts at {@value #INITIAL_CAPACITY} slots and doubles while the first values arrive, so memory
     * follows the data where it is large (10,000 streams over a 100,000-bar window hold a few megabytes until the bars
     * come).
     *
     * <p>Why not grow every ring: C2 compiles a growth the pushes have ever taken (an allocation and a copy, taken
     * while each new stream fills) into a stream's update loop, and with it reachable, C2 keeps the fields of the
     * stream, its kernel and this part in memory across the loop instead of hoisting those that do not change: an
     * sma(20) stream update cost about twice as much (docs/performance-log.md, "Rings that never grow"). A ring that
     * grows is reached through the test for a missing value ({@code finiteUpTo}), not a test of its own.
     */
    static final int FULL_UP_TO = 1024;
    /** "Never", as a push index: far enough below any count that {@code seq − NEVER} cannot overflow. */
    static final long NEVER = Long.MIN_VALUE / 4;
    /** The longest window: its ring, a power of two, is at most 2^30 slots. */
    static final int MAX_WINDOW = (1 << 30) - 2;

    private final int window;
    /**
     * The pushed values, missing ones as 0, push p at slot {@code p mod ring.length}: a power of two, so that both
     * slots a push touches are masks of its count, which C2 knows to be within the ring, and no slot is stored.
     */
    double[] ring;
    /**
     * What a push adds to its count to find the slot of the value leaving, modulo the ring's length: the ring's length
     * less the window once it has its full size; while it grows, 2, a slot not yet written (the value leaving is 0).
     */
    private int leavingOffset;
    /**
     * The largest magnitude a push takes the common path for: {@code Double.MAX_VALUE} once the ring has its full size
     * (or is lent an input), −1 while it is still to grow, so that every push then takes the path a missing value
     * takes, which grows it. One test serves both: a test of the ring's size on every push made C2's compile of a
     * push a branch and a trap larger, and a kernel holding three averages (hma) too big to inline into its loop.
     */
    private double finiteUpTo;
    /**
     * The push count that completes the current block, the smallest multiple of the window above {@code seq}: a push
     * compares its new count with it and stores it once a block, where a count of the block's pushes would be stored
     * on every push.
     */
    long anchorAt;
    long seq;
    private long lastMissing = NEVER;
    /**
     * The values {@code lastMissing} had before the last two pushes that set it, newest first: what rewinds of those
     * pushes put back. Two, because two pushes may pass a checkpoint (an update, then a preview's). A mark need not
     * save {@code lastMissing}, which few pushes change, and a stream's update stores a field fewer per bar.
     */
    private long missingBefore = NEVER;
    private long missingBefore2 = NEVER;
    /**
     * For a part that keeps its runs of zeros (see {@link #add}): the newest push stored as 0 (a zero, or a missing
     * value), and the first of the run of such pushes it ends. At a block's end, the block's newest non-zero value is
     * then the push itself or the one before that run, with no scan back.
     */
    private long lastZero = NEVER;
    private long zeroRunFrom = NEVER;
    /** The values the two had before the last two zero pushes, newest first, as for {@link #missingBefore}. */
    private long zeroBefore = NEVER;
    private long zeroBefore2 = NEVER;
    private long runBefore = NEVER;
    private long runBefore2 = NEVER;
    /**
     * The push count from which no non-zero value of the last completed block is left in the window: its newest
     * non-zero value's index plus the window plus 1 (from NEVER if it held none). A count, so that the test on every
     * read is one comparison.
     */
    long onlyBlockFrom = NEVER + 1;
    /** The window's sum: the last anchor, plus every value that entered since, minus every value that left. */
    double total;
    /** The current block's values, summed in push order from 0. */
    double shadow;
    /** The input of the batch this part serves, read back instead of {@link #ring}; null in streams and plans. */
    double[] input;

    /** A window of {@code window} values (at least 1). */
    public AnchoredSum(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("AnchoredSum window must be >= 1, got " + window);
        }
        if (window > MAX_WINDOW) {
            throw new IllegalArgumentException("AnchoredSum window must be <= " + MAX_WINDOW + ", got " + window);
        }
        this.window = window;
        setRing(new double[capacity(window, 0)]);
        this.anchorAt = window;
    }

    /**
     * The length a buffer of at most {@code full} slots starts at: all of them up to {@link #FULL_UP_TO} (it never
     * grows), else {@value #INITIAL_CAPACITY} (it doubles as pushes arrive). The {@link BlockWindow} parts,
     * {@link DoubleRing} and {@link RankWindow} start here; {@link MomentWindow} takes both its blocks by the same
     * bound, and this part's ring too, rounded up to a power of two ({@link #capacity}).
     */
    static int firstLength(long full) {
        return full <= FULL_UP_TO ? (int) full : INITIAL_CAPACITY;
    }

    /** The smallest power of two with room for the window and the two pushes a stream may make past a checkpoint. */
    static int fullLength(int window) {
        return Integer.highestOneBit(window + 1) << 1;
    }

    /**
     * The ring's length after {@code pushes} pushes: the smallest power of two with room for the window and the two
     * pushes a stream may make past a checkpoint; for a window too long to allocate in full ({@link #FULL_UP_TO}), the
     * smallest power of two from {@value #INITIAL_CAPACITY} up with room for those pushes and two more.
     */
    static int capacity(int window, long pushes) {
        int full = fullLength(window);
        int cap = full <= FULL_UP_TO ? full : INITIAL_CAPACITY;
        while (cap < pushes + 2 && cap < full) {
            cap *= 2;
        }
        return cap;
    }

    /** Puts {@code v} in place as the ring, and what a push reads of its length. */
    private void setRing(double[] v) {
        ring = v;
        boolean full = v.length >= window + 2;
        leavingOffset = full ? v.length - window : 2;
        finiteUpTo = full ? Double.MAX_VALUE : -1.0;
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

    /** Whether a missing (non-finite) value is inside the current window. */
    public boolean hasMissing() {
        return seq - 1 - lastMissing < window;
    }

    /**
     * The push count from which the window is full and holds no missing value, unless one is pushed: a test of both
     * is then one comparison with it, where the two are two branches.
     */
    long completeFrom() {
        return Math.max(window, lastMissing + 1 + window);
    }

    /**
     * The sum of the finite values in the window; exactly 0 for a window of zeros, whatever the total's rounding has
     * left behind of the values before them (a sum of drawdowns or gains must not come out at 1e-17): see the class
     * comment. Requires {@link #isFull()}.
     */
    public double sum() {
        return onlyBlock() ? shadow : total;
    }

    /**
     * Whether no non-zero value of the last completed block is left in the window, which then holds the current
     * block's values (and zeros): its fresh sums are the window's.
     */
    boolean onlyBlock() {
        return seq >= onlyBlockFrom;
    }

    /**
     * Adds the next value; the value {@code window} pushes back leaves. For a part no batch lends its input, which is
     * every part but an {@code @OfInput} kernel's own: see {@link #pushLendable}.
     */
    public void push(double x) {
        add(x, null, false);
    }

    /**
     * {@link #push} for a window whose input is often 0 (qstick's candle bodies): a zero takes the rare path, which
     * keeps where the current run of zeros began, so that a block that ends in 0 reads its newest non-zero value from
     * it instead of scanning back for it in a call. The same sums, to the bit; for a window of prices, {@link #push}
     * is cheaper (see {@link #add}).
     */
    public void pushKeepingZeroRuns(double x) {
        add(x, null, true);
    }

    /**
     * {@link #push} for the step of a kernel whose batch may lend this part its input ({@code @OfInput}, sma's): it
     * reads the leaving value back from the input when lent one, and from the ring otherwise, to the same sums.
     *
     * <p>Why two: C2 compiles a test by the branch profile of its bytecode, which every part in the JVM shares, so
     * after an sma's batch every average held inside another kernel (ppo's, apo's, vwma's) was compiled with the lent
     * path too, and their steps outgrew what C2 inlines into a loop: ppo's batch took 11.9 ns/bar after an sma's
     * instead of 4.7. {@link #push} hands the same code a constant null for the input, and C2 folds the test on a
     * constant whatever its profile says (docs/performance-log.md, "Lent and held averages apart").
     */
    public void pushLendable(double x) {
        add(x, input, false);
    }

    /**
     * A push, reading the leaving value back from {@code in} unless it is null; returns the value as stored (0 for a
     * missing one): what a part built on this one ({@link AnchoredWeightedSum}) adds to its own sums. A push that
     * completes a block re-anchors the total and moves {@link #anchorAt} on by the window.
     *
     * <p>With {@code zeroRuns} (a constant at each call site, which C2 folds), a push of a zero takes the rare path
     * too, which keeps where the current run of zeros began, and a block that ends in 0 reads its newest non-zero
     * value from it instead of scanning back for it in a call. Only {@link #pushKeepingZeroRuns} asks for it: the
     * test for a zero costs every push (sma's stream update 7–24 %, its batch 6–12 %, wma's stream update 12–19 %,
     * hma's up to 27 %; docs/performance-log.md, "Rings of a power of two"), and pays only where the input is often 0
     * (qstick's bodies, coppock's rates of change).
     */
    double add(double x, double[] in, boolean zeroRuns) {
        double stored = x;
        if (!(Math.abs(x) <= finiteUpTo) || zeroRuns && x == 0.0) {
            long s = seq;
            if (!(Math.abs(x) <= Double.MAX_VALUE)) {
                missingBefore2 = missingBefore;
                missingBefore = lastMissing;
                lastMissing = s;
                stored = 0.0;
            }
            if (zeroRuns && stored == 0.0) {
                zeroBefore2 = zeroBefore;
                zeroBefore = lastZero;
                runBefore2 = runBefore;
                runBefore = zeroRunFrom;
                if (lastZero != s - 1) {
                    zeroRunFrom = s;
                }
                lastZero = s;
            }
            // The ring grows (while it does, a push reads the slot two past its own, which must exist and be
            // unwritten), or is never written: a lent part's first push ends the test. Not in backWith, which must
            // stay under the 35 bytes C2 inlines at a call made once.
            double[] v = ring;
            if (in != null) {
                finiteUpTo = Double.MAX_VALUE;
            } else if (s + 2 >= v.length && v.length < window + 2) {
                setRing(Arrays.copyOf(v, 2 * v.length));
            }
        }
        addToSums(x, stored, in, zeroRuns);
        return stored;
    }

    /**
     * {@link #add} but for the bookkeeping of missing values, whose value as stored it is given: a method of its own
     * because C2 inlines a hot method only up to 325 bytes of bytecode, and a kernel's loop must inline all of it — a
     * part left behind a call escapes into it and its fields leave the registers.
     */
    private void addToSums(double x, double stored, double[] in, boolean zeroRuns) {
        long s = seq;
        int n = window;
        double leaving;
        if (in == null) {
            double[] v = ring;
            int m = v.length - 1;
            // The count's low 32 bits suffice: the length divides 2^32.
            int i = (int) s;
            leaving = v[(i + leavingOffset) & m];
            v[i & m] = stored;
        } else {
            // Lent the batch's input: push i is in[i], and the value leaving is read back as the ring would hold it —
            // a missing one as 0, which only a window holding a missing value needs to test. Written here rather
            // than called: a stream never takes this branch, so C2 would count such a call cold, leave it out of the
            // batch loop, and the part would escape into it.
            int i = (int) s;
            leaving = i >= n ? in[i - n] : 0.0;
            if (lastMissing >= s - n && !(Math.abs(leaving) <= Double.MAX_VALUE)) {
                leaving = 0.0;
            }
        }
        total += stored - leaving;
        shadow += stored;
        if ((seq = s + 1) == anchorAt) {
            anchorAt += n;
            total = shadow;
            shadow = 0.0;
            // Checked once a block, not on every push (a per-push test cost the batch several percent): a step that
            // pushes anything but its input, unchanged, once per step, fails within one window, and the property
            // suite's batch ≡ stream catches the rest.
            if (in != null && Double.doubleToRawLongBits(x) != Double.doubleToRawLongBits(in[(int) s])) {
                throw notItsInput(in, (int) s, x);
            }
            // The block's newest value is this one: non-zero, it is the block's newest non-zero value, with no call.
            // Else, where the part keeps its runs of zeros, the one before the run this push ends (one before the
            // window counts as none: either way the window is the block's values alone from the next count on).
            onlyBlockFrom = (stored != 0.0 ? s : zeroRuns ? zeroRunFrom - 1
                    : newestNonZero(in == null ? ring : in, s, n)) + n + 1;
        }
    }

    /**
     * The push index of the newest non-zero finite value of the {@code n} pushes that end at push {@code s}, read
     * back from the ring (where push p sits at slot p mod its length) or a lent input (at index p); NEVER if there is
     * none. Stops at the first: one read for a block of prices. Static, on arrays and numbers, so that where C2 leaves
     * a call made once a block out of line (it does in a JVM that also streams: "low call site frequency"), the part
     * does not escape into it; and out of the push, which must stay under the 325 bytes C2 inlines when hot.
     */
    static long newestNonZero(double[] v, long s, int n) {
        int j = (int) (s % v.length);
        for (int k = 0; k < n; k++) {
            double y = v[j];
            if (y != 0.0 && Math.abs(y) <= Double.MAX_VALUE) {
                return s - k;
            }
            j = (j == 0 ? v.length : j) - 1;
        }
        return NEVER;
    }

    /**
     * For one whole-series batch: {@link #pushLendable} reads the window back from {@code input} instead of storing
     * it (see {@link io.ta.annotation.OfInput}), which must not be null. The part is then never marked, rewound or
     * written. Small on purpose: the batch calls it once, and C2 inlines a call that cold only below 35 bytes — if it
     * did not, the kernel would escape and lose its registers.
     */
    @Override
    public void backWith(double[] input) {
        if (seq != 0 || this.input != null) {
            throw notFresh();
        }
        this.input = input;
    }

    static IllegalStateException notFresh() {
        return new IllegalStateException("AnchoredSum: only a fresh part can be backed by its input");
    }

    /** Out of line, so the message's concatenation does not make {@link #add} too big to inline. */
    private static IllegalStateException notItsInput(double[] in, int i, double x) {
        return new IllegalStateException("AnchoredSum backed by its input was pushed " + x + " as push " + i
                + ", where the input holds " + in[i] + ": an @OfInput part must be pushed its input, unchanged, once"
                + " per step");
    }

    /** Whether the last push completed a block: the count is a multiple of the window. */
    boolean anchored() {
        return anchorAt - seq == window;
    }

    /** Pushes in the current block: the count modulo the window. */
    int fill() {
        return (int) (window - (anchorAt - seq));
    }

    @Override
    public Mark newMark() {
        return new Mark();
    }

    @Override
    public void mark(Mark m) {
        // Only what a rewind cannot derive from the state after the push: a stream saves a mark on every update.
        m.seq = seq;
        m.onlyBlockFrom = onlyBlockFrom;
        m.total = total;
        m.shadow = shadow;
    }

    @Override
    public void rewind(Mark m) {
        assert seq - m.seq <= 1 && seq >= m.seq : "AnchoredSum: more than one push between mark and rewind";
        if (seq != m.seq) {
            // Undo the one push: its place in the block is one back (its slot follows the count; a ring grown by it
            // keeps its length and its values where they were), and a missing value at its index was its own.
            if (lastMissing == m.seq) {
                lastMissing = missingBefore;
                missingBefore = missingBefore2;
            }
            if (lastZero == m.seq) {
                lastZero = zeroBefore;
                zeroBefore = zeroBefore2;
                zeroRunFrom = runBefore;
                runBefore = runBefore2;
            }
            if (anchored()) {
                anchorAt -= window;
            }
            seq = m.seq;
        }
        onlyBlockFrom = m.onlyBlockFrom;
        total = m.total;
        shadow = m.shadow;
    }

    /**
     * The window (checked on read), the push count, the age of the newest missing value in the window (0: none), the
     * running total, then the window's values oldest first (missing ones as 0).
     */
    @Override
    public void write(StateWriter out) {
        writeWith(out);
    }

    /** {@link #write}, with a part's own totals ({@link AnchoredWeightedSum}'s) after the running total. */
    void writeWith(StateWriter out, double... totals) {
        out.putInt(window);
        out.putLong(seq);
        long age = seq - lastMissing;
        out.putLong(age <= window ? age : 0);
        out.putDouble(total);
        for (double t : totals) {
            out.putDouble(t);
        }
        int cap = ring.length;
        for (long p = Math.max(0, seq - window); p < seq; p++) {
            out.putDouble(ring[(int) (p % cap)]);
        }
    }

    /**
     * Reads what {@link #write} wrote and recomputes the shadow by the additions a push makes, so the part continues
     * bit for bit. The values older than the window are not stored: nothing reads them again.
     */
    @Override
    public void read(StateReader in) {
        readWith(in, 0);
    }

    /** Reads what {@link #writeWith} wrote with {@code totals} totals of its own, and returns those. */
    double[] readWith(StateReader in, int totals) {
        in.expectInt("window", window);
        long s = in.getCount("window push count");
        int count = (int) Math.min(s, window);
        long age = in.getLong("age of the newest missing value", 0, count);
        double t = in.getDouble();
        double[] own = new double[totals];
        for (int i = 0; i < totals; i++) {
            own[i] = in.getDouble();
        }
        if (count > in.remaining()) {
            throw in.corrupt("a window of " + count + " values runs past the end of the snapshot");
        }
        int cap = capacity(window, s);
        double[] v = new double[cap];
        // The last completed block's newest non-zero value, as far as the window holds it: one older has left it,
        // which is all a push, a mark or a rewind asks of it until the next block end.
        long blockEnd = s - s % window;
        long nonZero = NEVER;
        // The run of zeros the window ends with, as far as it holds it: one that began before it ends a block as one
        // that began at its start does (see addToSums).
        long zero = NEVER;
        long runFrom = NEVER;
        for (long p = s - count; p < s; p++) {
            double x = in.getDouble();
            // Finite, and 0 (not −0) at the age of the newest missing value, as a push stores them.
            if (!(Math.abs(x) <= Double.MAX_VALUE) || (s - p == age && Double.doubleToRawLongBits(x) != 0L)) {
                throw in.corrupt("window value " + x + " at push " + p + " is not one a push stores");
            }
            v[(int) (p % cap)] = x;
            if (x != 0.0 && p < blockEnd) {
                nonZero = p;
            }
            if (x == 0.0) {
                runFrom = zero == p - 1 ? runFrom : p;
                zero = p;
            }
        }
        int f = (int) (s % window);
        double sh = 0.0;
        for (long p = s - f; p < s; p++) {
            sh += v[(int) (p % cap)];
        }
        setRing(v);
        seq = s;
        anchorAt = s - f + window;
        lastMissing = age == 0 ? NEVER : s - age;
        lastZero = zero;
        zeroRunFrom = runFrom;
        zeroBefore = zeroBefore2 = runBefore = runBefore2 = NEVER;
        onlyBlockFrom = nonZero + window + 1;
        total = t;
        shadow = sh;
        return own;
    }

    /**
     * An {@link AnchoredSum} checkpoint: the push count, the last block's newest non-zero value and the two sums (the
     * place in the block and the newest missing value are derived on rewind). Extended (in this package
     * only) by {@link AnchoredWeightedSum.Mark}, so a checkpoint of that part is one object, as its stream's update
     * saves one.
     */
    public static class Mark implements StatePart.Mark {
        long seq;
        long onlyBlockFrom = NEVER + 1;
        double total;
        double shadow;

        Mark() {}
    }
}
