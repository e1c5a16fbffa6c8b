package io.ta.kernels.candle;

import static io.ta.kernels.candle.CandleSetting.BODY_DOJI;
import static io.ta.kernels.candle.CandleSetting.BODY_LONG;
import static io.ta.kernels.candle.CandleSetting.BODY_SHORT;
import static io.ta.kernels.candle.CandleSetting.BODY_VERY_LONG;
import static io.ta.kernels.candle.CandleSetting.EQUAL;
import static io.ta.kernels.candle.CandleSetting.FAR;
import static io.ta.kernels.candle.CandleSetting.NEAR;
import static io.ta.kernels.candle.CandleSetting.SHADOW_LONG;
import static io.ta.kernels.candle.CandleSetting.SHADOW_SHORT;
import static io.ta.kernels.candle.CandleSetting.SHADOW_VERY_LONG;
import static io.ta.kernels.candle.CandleSetting.SHADOW_VERY_SHORT;

import io.ta.annotation.Complexity;
import io.ta.annotation.Cost;
import io.ta.kernels.candle.CandleSetting.RangeType;
import io.ta.kernels.stats.RollingSum;
import io.ta.kernels.stats.RollingSum_State;
import io.ta.spi.StatePart;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;
import java.util.Arrays;

/**
 * The candles a pattern looks at and the {@link CandleSetting} averages it judges them by: the one state part every
 * candlestick kernel holds, so the patterns share one definition of "long", "doji" or "near" and one way of keeping
 * it.
 *
 * <p><b>What it keeps.</b> The last few candles (open, high, low, close, and what patterns read of them: real body,
 * body top and bottom, shadows, colour — computed once per candle, not once per read), and for each range the
 * settings average (real body over 10 candles, high-low over 10, shadows over 10, high-low over 5) a
 * {@link RollingSum} of that range plus, per kept candle, the mean of that range over the candles <em>before</em> it.
 * TA-Lib keeps one running total
 * per setting and candle offset in every function ({@code ShadowVeryShortPeriodTotal[2]}, {@code [1]}, {@code [0]}
 * for the three candles of three black crows); each is the sum of the {@code period} candles before candle
 * {@code i − k}, which is exactly the total this frame recorded when candle {@code i − k} arrived. So one rolling sum
 * per range serves every setting on that range at every offset, and a bar costs one push per range, not one per
 * setting and offset. The sums are {@link RollingSum}s — window sums that never subtract a candle from a total
 * that has held it for longer than two windows — so an outlier candle is forgotten at most a window after it has
 * left the window and a stream running for years does not drift, where TA-Lib's running totals keep both; they also
 * bring RollingSum's handling of missing values.
 *
 * <p><b>Averages</b> are TA-Lib's {@code TA_CANDLEAVERAGE}: {@code factor · (sum / period)}, halved for the
 * {@link RangeType#SHADOWS} range, and {@code factor ·} the candle's own range for a period of 0 — the same operations
 * in the same order (the quotient is taken once per candle and kept). The sums can differ from TA-Lib's running
 * totals in the last bits, so a pattern could differ from TA-Lib only on a candle that equals its threshold to within
 * that rounding; on the golden data (22 years of daily bars and the generated candles) all 61 match TA-Lib C 0.6
 * bar for bar.
 *
 * <p><b>Missing values.</b> {@link #push} returns how many complete candles (all four prices finite) end at the
 * newest one. A pattern whose lookback is {@code L} reads at most the last {@code L + 1} candles (its own and the
 * averaging windows before them), so {@code push(...) > L} is exactly "every candle this pattern reads is present":
 * the pattern is NaN while a missing candle is in its reach and exact again once it leaves (docs/spec.md §5.2), and
 * the first output is at {@code L} on complete data. A candle whose averages are NaN although every candle they sum
 * is present (ranges near the largest double that summed past it, until their block is rebuilt: docs/contracts.md,
 * "Extreme values") does not count as complete either: a pattern reads NaN there, not comparisons with NaN, which are
 * false and read as "no pattern".
 *
 * <p><b>Checkpoints</b> cost O(1): a mark records the position, the streak, the latest sums and each rolling sum's
 * own O(1) mark; the candle ring keeps at least two slack slots beyond the oldest candle the frame needs, so a
 * rewound step never finds an overwritten candle.
 *
 * <p><b>Snapshots</b> hold the logical content only: the candle count, the streak of complete candles, and the
 * prices of the last {@code depth + 2·period} candles (the ones a pattern reads, and the two blocks of {@code period}
 * candles the averaging sum of the oldest of them is computed from), oldest first. Everything else — bodies, shadows,
 * colours, the sums and the per-candle means — is rebuilt on read by the operations {@link #push} uses: each sum is
 * replayed over those candles, aligned to the original count (a window sum depends only on the values of its last two
 * blocks and the count modulo its period), so a restored frame continues bit for bit and takes no derived number on
 * trust.
 */
@Cost(time = Complexity.CONSTANT_AMORTIZED, memory = Complexity.CONSTANT)
public final class CandleFrame implements StatePart<CandleFrame.Mark> {
    private static final int BODY_N = period(RangeType.REAL_BODY, BODY_LONG, BODY_VERY_LONG, BODY_SHORT);
    private static final int RANGE_N = period(RangeType.HIGH_LOW, BODY_DOJI, SHADOW_VERY_SHORT);
    private static final int SHADOW_N = period(RangeType.SHADOWS, SHADOW_SHORT);
    private static final int NEAR_N = period(RangeType.HIGH_LOW, NEAR, FAR, EQUAL);
    private static final double BODY_LONG_F = BODY_LONG.factor();
    private static final double BODY_VERY_LONG_F = BODY_VERY_LONG.factor();
    private static final double BODY_SHORT_F = BODY_SHORT.factor();
    private static final double BODY_DOJI_F = BODY_DOJI.factor();
    private static final double SHADOW_LONG_F = own(SHADOW_LONG);
    private static final double SHADOW_VERY_LONG_F = own(SHADOW_VERY_LONG);
    private static final double SHADOW_SHORT_F = SHADOW_SHORT.factor();
    private static final double SHADOW_VERY_SHORT_F = SHADOW_VERY_SHORT.factor();
    private static final double NEAR_F = NEAR.factor();
    private static final double FAR_F = FAR.factor();
    private static final double EQUAL_F = EQUAL.factor();
    private static final int BODY = 1;
    private static final int RANGE = 2;
    private static final int SHADOW = 4;
    private static final int NEAR_GROUP = 8;

    // What the ring holds of each candle, at these offsets in its stride: the prices, what patterns read many times
    // per bar (computed once, when the candle arrives), and the ranges' means.
    private static final int OPEN = 0;
    private static final int HIGH = 1;
    private static final int LOW = 2;
    private static final int CLOSE = 3;
    private static final int BODY_SIZE = 4;
    private static final int TOP = 5;
    private static final int BOTTOM = 6;
    private static final int UPPER = 7;
    private static final int LOWER = 8;
    private static final int COLOR = 9;
    private static final int BODY_MEAN = 10;
    private static final int RANGE_MEAN = 11;
    private static final int SHADOW_MEAN = 12;
    private static final int NEAR_MEAN = 13;
    private static final int STRIDE_SHIFT = 4;

    /** Candles a snapshot holds: the deepest candle a pattern reads, plus the averaging window before it. */
    private final int keep;
    /**
     * The kept candles, candle p's value at offset k at {@code (p·16 + k) mod length}: one array a power of two long,
     * so that every slot is its index masked by {@code length − 1} and C2 tests only once per push that the array is
     * not empty. Fourteen arrays took a range check each, whose traps made the push larger than C2 inlines into a
     * pattern's batch loop (docs/performance-log.md, "Candle frames in one array").
     */
    private final double[] ring;
    private long count;
    private long complete;

    // Not final: a snapshot read replaces them by sums replayed over the snapshot's candles.
    private RollingSum bodySum;
    private RollingSum rangeSum;
    private RollingSum shadowSum;
    private RollingSum nearSum;
    /** Each sum after the newest candle: the "before" of the next one (0 for a sum not kept). */
    private double bodyLast;
    private double rangeLast;
    private double shadowLast;
    private double nearLast;
    /** The longest averaging period kept: a streak of complete candles this long has every average known. */
    private final long longest;

    /**
     * A frame for a pattern that reads the last {@code depth} candles and judges them by {@code settings}; only the
     * averages those settings need are kept, and the threshold of a setting not given is NaN.
     */
    public CandleFrame(int depth, CandleSetting... settings) {
        this(depth(depth) + 2 * longest(groups(settings)), groups(settings));
    }

    // Small enough for the JIT to inline into a generated batch loop, so escape analysis can keep the frame's
    // scalars in registers; the decisions are in the static helpers.
    private CandleFrame(int keep, int groups) {
        int capacity = capacity(keep);
        this.keep = keep;
        this.longest = longest(groups);
        this.ring = new double[capacity << STRIDE_SHIFT];
        // The means of averages not kept stay NaN, so a pattern that reads a setting it did not ask for gets no number.
        Arrays.fill(ring, Double.NaN);
        this.bodySum = (groups & BODY) != 0 ? new RollingSum(BODY_N) : null;
        this.rangeSum = (groups & RANGE) != 0 ? new RollingSum(RANGE_N) : null;
        this.shadowSum = (groups & SHADOW) != 0 ? new RollingSum(SHADOW_N) : null;
        this.nearSum = (groups & NEAR_GROUP) != 0 ? new RollingSum(NEAR_N) : null;
        // A kept sum is NaN before its first candle, as its mean for that candle; one not kept adds 0 to push's test.
        this.bodyLast = bodySum != null ? Double.NaN : 0.0;
        this.rangeLast = rangeSum != null ? Double.NaN : 0.0;
        this.shadowLast = shadowSum != null ? Double.NaN : 0.0;
        this.nearLast = nearSum != null ? Double.NaN : 0.0;
    }

    private static int depth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("CandleFrame depth must be >= 1, got " + depth);
        }
        return depth;
    }

    /** The smallest power of two holding {@code keep} candles and two slack slots. */
    private static int capacity(int keep) {
        return Integer.highestOneBit(keep + 1) << 1;
    }

    /** The longest averaging period among the groups, 0 for none. */
    private static int longest(int groups) {
        int n = 0;
        n = (groups & BODY) != 0 ? Math.max(n, BODY_N) : n;
        n = (groups & RANGE) != 0 ? Math.max(n, RANGE_N) : n;
        n = (groups & SHADOW) != 0 ? Math.max(n, SHADOW_N) : n;
        return (groups & NEAR_GROUP) != 0 ? Math.max(n, NEAR_N) : n;
    }

    /** Which averages the settings need, as a bit set of the group constants. */
    private static int groups(CandleSetting... settings) {
        int g = 0;
        for (CandleSetting s : settings) {
            g |= switch (s) {
                case BODY_LONG, BODY_VERY_LONG, BODY_SHORT -> BODY;
                case BODY_DOJI, SHADOW_VERY_SHORT -> RANGE;
                case SHADOW_SHORT -> SHADOW;
                case NEAR, FAR, EQUAL -> NEAR_GROUP;
                case SHADOW_LONG, SHADOW_VERY_LONG -> 0; // the candle's own body: nothing to keep
            };
        }
        return g;
    }

    /** The common period of settings that share one average; fails class initialisation if the table disagrees. */
    private static int period(RangeType range, CandleSetting... settings) {
        int n = settings[0].period();
        for (CandleSetting s : settings) {
            if (s.range() != range || s.period() != n || n < 1) {
                throw new IllegalStateException("CandleFrame averages " + s + " as " + range + " over " + n + " candles");
            }
        }
        return n;
    }

    /** The factor of a setting measured on the candle's own real body (period 0). */
    private static double own(CandleSetting s) {
        if (s.range() != RangeType.REAL_BODY || s.period() != 0) {
            throw new IllegalStateException("CandleFrame measures " + s + " on the candle's own real body");
        }
        return s.factor();
    }

    /**
     * Appends a candle and returns how many complete candles (all four prices finite) end with it — the patterns'
     * "is everything I read present" test.
     */
    public long push(double o, double h, double l, double c) {
        // Split into small methods so the JIT inlines all of it into a generated batch loop.
        double[] r = ring;
        int m = r.length - 1;
        // The index of the candle's first value; its low 32 bits suffice, since the length divides 2^32.
        int p = (int) count++ << STRIDE_SHIFT;
        // The sums this candle is judged by (the sums before it; one not kept is 0): NaN from the warm-up, a missing
        // candle, or ranges near the largest double that summed past it and have left the window, until their block
        // is rebuilt. (An infinite sum, the ranges still inside, stands: at its true size it dwarfs every candle too,
        // and so does the sum of the four, which may overflow where none of them does.)
        double before = bodyLast + rangeLast + shadowLast + nearLast;
        candle(r, m, p, o, h, l, c);
        if (bodySum != null) {
            bodyLast = roll(bodySum, r, (p + BODY_MEAN) & m, bodyLast, BODY_N, r[(p + BODY_SIZE) & m]);
        }
        if (rangeSum != null) {
            rangeLast = roll(rangeSum, r, (p + RANGE_MEAN) & m, rangeLast, RANGE_N, h - l);
        }
        if (shadowSum != null) {
            shadowLast = roll(shadowSum, r, (p + SHADOW_MEAN) & m, shadowLast, SHADOW_N,
                    r[(p + UPPER) & m] + r[(p + LOWER) & m]);
        }
        if (nearSum != null) {
            nearLast = roll(nearSum, r, (p + NEAR_MEAN) & m, nearLast, NEAR_N, h - l);
        }
        // x − x is 0 for a finite x and NaN otherwise: one test for the four prices. A candle whose sums are NaN
        // once the streak is long enough for them to be known (shorter, the warm-up or a missing candle, which the
        // streak already counts) is not complete either: a pattern then reads NaN, not a comparison with NaN, which
        // is false and read as "no pattern".
        long streak = complete;
        complete = (o - o) + (h - h) + (l - l) + (c - c) == 0.0 && (before == before || streak < longest)
                ? streak + 1 : 0;
        return complete;
    }

    /** Stores a candle and what the patterns read of it at {@code p}, the index of its first value in ring r. */
    private static void candle(double[] r, int m, int p, double o, double h, double l, double c) {
        r[(p + OPEN) & m] = o;
        r[(p + HIGH) & m] = h;
        r[(p + LOW) & m] = l;
        r[(p + CLOSE) & m] = c;
        boolean white = c >= o;
        double t = white ? c : o;
        double b = white ? o : c;
        r[(p + BODY_SIZE) & m] = Math.abs(c - o);
        r[(p + TOP) & m] = t;
        r[(p + BOTTOM) & m] = b;
        r[(p + UPPER) & m] = h - t;
        r[(p + LOWER) & m] = b - l;
        r[(p + COLOR) & m] = white ? 1 : -1;
    }

    /**
     * Records, for a candle, at index i of ring r, the mean of a range over the candles before it ({@code last}, the
     * sum so far, over {@code n}), then adds the candle's own range {@code x}; returns the new sum.
     */
    private static double roll(RollingSum sum, double[] r, int i, double last, int n, double x) {
        r[i] = last / n;
        return sum.step(x);
    }

    /** The value at offset k of the candle {@code ago} candles before the newest. */
    private double at(int ago, int k) {
        double[] r = ring;
        return r[(((int) (count - 1 - ago) << STRIDE_SHIFT) + k) & (r.length - 1)];
    }

    /** Open of the candle {@code ago} candles back (0 = the newest). */
    public double open(int ago) {
        return at(ago, OPEN);
    }

    /** High of the candle {@code ago} candles back. */
    public double high(int ago) {
        return at(ago, HIGH);
    }

    /** Low of the candle {@code ago} candles back. */
    public double low(int ago) {
        return at(ago, LOW);
    }

    /** Close of the candle {@code ago} candles back. */
    public double close(int ago) {
        return at(ago, CLOSE);
    }

    /** Real body {@code |close − open|} (TA-Lib {@code TA_REALBODY}). */
    public double body(int ago) {
        return at(ago, BODY_SIZE);
    }

    /** {@code high − max(open, close)} (TA-Lib {@code TA_UPPERSHADOW}). */
    public double upperShadow(int ago) {
        return at(ago, UPPER);
    }

    /** {@code min(open, close) − low} (TA-Lib {@code TA_LOWERSHADOW}). */
    public double lowerShadow(int ago) {
        return at(ago, LOWER);
    }

    /** {@code high − low} (TA-Lib {@code TA_HIGHLOWRANGE}). */
    public double range(int ago) {
        return at(ago, HIGH) - at(ago, LOW);
    }

    /** 1 for a white candle ({@code close >= open}), −1 for a black one (TA-Lib {@code TA_CANDLECOLOR}). */
    public int color(int ago) {
        return (int) at(ago, COLOR);
    }

    /** The top of the real body, {@code max(open, close)}. */
    public double bodyTop(int ago) {
        return at(ago, TOP);
    }

    /** The bottom of the real body, {@code min(open, close)}. */
    public double bodyBottom(int ago) {
        return at(ago, BOTTOM);
    }

    /** The real body of {@code later} lies above the real body of {@code earlier} (TA-Lib {@code TA_REALBODYGAPUP}). */
    public boolean bodyGapUp(int later, int earlier) {
        return bodyBottom(later) > bodyTop(earlier);
    }

    /** The real body of {@code later} lies below the real body of {@code earlier} (TA-Lib {@code TA_REALBODYGAPDOWN}). */
    public boolean bodyGapDown(int later, int earlier) {
        return bodyTop(later) < bodyBottom(earlier);
    }

    /** The low of {@code later} is above the high of {@code earlier} (TA-Lib {@code TA_CANDLEGAPUP}). */
    public boolean gapUp(int later, int earlier) {
        return low(later) > high(earlier);
    }

    /** The high of {@code later} is below the low of {@code earlier} (TA-Lib {@code TA_CANDLEGAPDOWN}). */
    public boolean gapDown(int later, int earlier) {
        return high(later) < low(earlier);
    }

    /** {@link CandleSetting#BODY_LONG}'s threshold for the candle {@code ago} back. */
    public double bodyLong(int ago) {
        return BODY_LONG_F * at(ago, BODY_MEAN);
    }

    /** {@link CandleSetting#BODY_VERY_LONG}'s threshold. */
    public double bodyVeryLong(int ago) {
        return BODY_VERY_LONG_F * at(ago, BODY_MEAN);
    }

    /** {@link CandleSetting#BODY_SHORT}'s threshold. */
    public double bodyShort(int ago) {
        return BODY_SHORT_F * at(ago, BODY_MEAN);
    }

    /** {@link CandleSetting#BODY_DOJI}'s threshold. */
    public double bodyDoji(int ago) {
        return BODY_DOJI_F * at(ago, RANGE_MEAN);
    }

    /** {@link CandleSetting#SHADOW_LONG}'s threshold: a multiple of the candle's own real body. */
    public double shadowLong(int ago) {
        return SHADOW_LONG_F * body(ago);
    }

    /** {@link CandleSetting#SHADOW_VERY_LONG}'s threshold: a multiple of the candle's own real body. */
    public double shadowVeryLong(int ago) {
        return SHADOW_VERY_LONG_F * body(ago);
    }

    /** {@link CandleSetting#SHADOW_SHORT}'s threshold (an average of both shadows' sum, halved). */
    public double shadowShort(int ago) {
        return SHADOW_SHORT_F * at(ago, SHADOW_MEAN) / 2.0;
    }

    /** {@link CandleSetting#SHADOW_VERY_SHORT}'s threshold. */
    public double shadowVeryShort(int ago) {
        return SHADOW_VERY_SHORT_F * at(ago, RANGE_MEAN);
    }

    /** {@link CandleSetting#NEAR}'s distance. */
    public double near(int ago) {
        return NEAR_F * at(ago, NEAR_MEAN);
    }

    /** {@link CandleSetting#FAR}'s distance. */
    public double far(int ago) {
        return FAR_F * at(ago, NEAR_MEAN);
    }

    /** {@link CandleSetting#EQUAL}'s distance. */
    public double equal(int ago) {
        return EQUAL_F * at(ago, NEAR_MEAN);
    }

    @Override
    public Mark newMark() {
        return new Mark(state(bodySum), state(rangeSum), state(shadowSum), state(nearSum));
    }

    private static RollingSum_State state(RollingSum sum) {
        return sum == null ? null : new RollingSum_State(sum);
    }

    @Override
    public void mark(Mark m) {
        m.count = count;
        m.complete = complete;
        m.bodyLast = bodyLast;
        m.rangeLast = rangeLast;
        m.shadowLast = shadowLast;
        m.nearLast = nearLast;
        if (bodySum != null) {
            m.body.save(bodySum);
        }
        if (rangeSum != null) {
            m.range.save(rangeSum);
        }
        if (shadowSum != null) {
            m.shadow.save(shadowSum);
        }
        if (nearSum != null) {
            m.near.save(nearSum);
        }
    }

    @Override
    public void rewind(Mark m) {
        assert count - m.count <= 1 : "CandleFrame: more than one push between mark and rewind";
        count = m.count;
        complete = m.complete;
        bodyLast = m.bodyLast;
        rangeLast = m.rangeLast;
        shadowLast = m.shadowLast;
        nearLast = m.nearLast;
        if (bodySum != null) {
            m.body.restore(bodySum);
        }
        if (rangeSum != null) {
            m.range.restore(rangeSum);
        }
        if (shadowSum != null) {
            m.shadow.restore(shadowSum);
        }
        if (nearSum != null) {
            m.near.restore(nearSum);
        }
    }

    /** The candle count, the streak of complete candles, then the last {@code keep} candles' prices, oldest first. */
    @Override
    public void write(StateWriter out) {
        out.putInt(keep);
        out.putLong(count);
        out.putLong(complete);
        for (int ago = (int) Math.min(count, keep) - 1; ago >= 0; ago--) {
            out.putDouble(at(ago, OPEN));
            out.putDouble(at(ago, HIGH));
            out.putDouble(at(ago, LOW));
            out.putDouble(at(ago, CLOSE));
        }
    }

    /**
     * Reads what {@link #write} wrote, checks the streak against the candles, and rebuilds the candles' bodies,
     * shadows and colours and every sum and mean from the prices.
     */
    @Override
    public void read(StateReader in) {
        in.expectInt("candles kept", keep);
        long n = in.getCount("candle count");
        long c = in.getLong("complete candles", 0, n);
        int k = (int) Math.min(n, keep);
        if (4L * k > in.remaining()) {
            throw in.corrupt(k + " candles run past the end of the snapshot");
        }
        Arrays.fill(ring, Double.NaN);
        long first = n - k;
        long streak = 0;
        for (long t = first; t < n; t++) {
            double o = in.getDouble();
            double h = in.getDouble();
            double l = in.getDouble();
            double cl = in.getDouble();
            candle(ring, ring.length - 1, (int) t << STRIDE_SHIFT, o, h, l, cl);
            streak = finite(o) && finite(h) && finite(l) && finite(cl) ? streak + 1 : 0;
        }
        // A complete candle has four prices; a candle with four may still be incomplete, judged by averages that
        // overflowed (their NaN is rebuilt below by the replay), so the streak of complete candles may be shorter.
        if (streak < k && c > streak) {
            throw in.corrupt("complete candles is " + c + ", but the last " + k + " candles end with " + streak
                    + " that have four prices");
        }
        count = n;
        complete = c;
        if (bodySum != null) {
            bodySum = new RollingSum(BODY_N);
            bodyLast = replay(bodySum, BODY, BODY_N, BODY_MEAN, first);
        }
        if (rangeSum != null) {
            rangeSum = new RollingSum(RANGE_N);
            rangeLast = replay(rangeSum, RANGE, RANGE_N, RANGE_MEAN, first);
        }
        if (shadowSum != null) {
            shadowSum = new RollingSum(SHADOW_N);
            shadowLast = replay(shadowSum, SHADOW, SHADOW_N, SHADOW_MEAN, first);
        }
        if (nearSum != null) {
            nearSum = new RollingSum(NEAR_N);
            nearLast = replay(nearSum, NEAR_GROUP, NEAR_N, NEAR_MEAN, first);
        }
    }

    /**
     * Replays a fresh sum of one range over the kept candles {@code [first, count)}, recording each one's mean as
     * {@link #push} does, and returns the sum after the newest. The sum first takes {@code first mod n} zeros, so that
     * its count is aligned with the original one; the zeros only reach means older than the deepest candle a pattern
     * reads.
     */
    private double replay(RollingSum sum, int group, int n, int meanAt, long first) {
        double last = Double.NaN;
        for (long p = first % n; p > 0; p--) {
            last = sum.step(0.0);
        }
        int m = ring.length - 1;
        for (long t = first; t < count; t++) {
            int p = (int) t << STRIDE_SHIFT;
            double x = switch (group) {
                case BODY -> ring[(p + BODY_SIZE) & m];
                case SHADOW -> ring[(p + UPPER) & m] + ring[(p + LOWER) & m];
                default -> ring[(p + HIGH) & m] - ring[(p + LOW) & m];
            };
            last = roll(sum, ring, (p + meanAt) & m, last, n, x);
        }
        return last;
    }

    private static boolean finite(double v) {
        return Math.abs(v) <= Double.MAX_VALUE;
    }

    /** A {@link CandleFrame} position: scalars plus each rolling sum's checkpoint. */
    public static final class Mark implements StatePart.Mark {
        final RollingSum_State body;
        final RollingSum_State range;
        final RollingSum_State shadow;
        final RollingSum_State near;
        long count;
        long complete;
        double bodyLast;
        double rangeLast;
        double shadowLast;
        double nearLast;

        Mark(RollingSum_State body, RollingSum_State range, RollingSum_State shadow, RollingSum_State near) {
            this.body = body;
            this.range = range;
            this.shadow = shadow;
            this.near = near;
        }
    }
}
