package io.ta.kernels.pattern;

import io.ta.annotation.Chart;
import io.ta.annotation.Family;
import io.ta.annotation.Invariant;
import io.ta.annotation.Kernel;
import io.ta.annotation.Output;
import io.ta.annotation.OutputKind;
import io.ta.annotation.Param;
import io.ta.annotation.Range;
import io.ta.annotation.Scale;
import io.ta.annotation.Selector;
import io.ta.annotation.Step;
import io.ta.state.DoubleRing;

/**
 * Fibonacci retracement of the latest confirmed swing legs (laakhay-ta {@code fib_retracement}, docs/spec.md §3.9);
 * one level per kernel (laakhay's {@code levels} tuple is several calls). No TTR/Tulip/TA-Lib equivalent.
 *
 * <p>Pivots are those of the composed {@link SwingPoints} (same left, right, allow_equal_extremes), visible from
 * their confirming bar c on and taken in order of c, a high before a low at the same c. Legs:
 * <ul>
 *   <li>{@code strict_alternating}: pivots build an alternating list; a pivot of the other kind is appended, one of
 *       the same kind replaces the last entry if it is at least as extreme (≥ for highs, ≤ for lows), else it is
 *       ignored. Each adjacent pair whose second pivot has the later c is a leg: low→high a {@code down} leg,
 *       high→low an {@code up} leg.</li>
 *   <li>{@code latest_valid}: each high forms a {@code down} leg with the most recent low of smaller c, each low an
 *       {@code up} leg with the most recent high of smaller c.</li>
 * </ul>
 * Legs with {@code high ≤ low}, or with {@code 100·(high−low)/|start| < min_leg_size_pct} (start = the low of a down
 * leg, the high of an up leg; start 0 counts as an infinite move), are dropped. At bar t the {@code leg}-th most
 * recent leg of each direction is used; it is invalid when absent or when {@code max_leg_age_bars ≥ 0} and
 * {@code t − c_end > max_leg_age_bars} (c_end: c of its second pivot). {@code down = high − (high−low)·level},
 * {@code up = low + (high−low)·level}; NaN for an invalid leg or a direction {@code mode} excludes. The anchors are
 * the ends of the down leg (mode down), the up leg (mode up), or with {@code both} of the valid leg with the larger
 * c_end, the down leg on a tie; NaN if there is none.
 *
 * <p>Bounded state: in strict mode only the last entry of the alternating list can still change, so only the last
 * pair (the "tail" leg) is provisional; every earlier pair is final. Final legs go to rings holding the last
 * {@code leg} legs per direction (at most one per direction per bar), which is all the selection can reach.
 *
 * <p>Deliberate choices, each where the catalog leaves a gap or differs from laakhay-ta:
 * <ul>
 *   <li>Visibility and leg ages use the confirming bar c (catalog). laakhay-ta used the pivot bar p, which is
 *       look-ahead; with c its ages are {@code right} bars shorter.</li>
 *   <li>{@code latest_valid}, a bar that is both a pivot high and a pivot low: the low pairs with the most recent high
 *       of <em>smaller</em> c, as the catalog words it (laakhay-ta's latest high would be the same bar, and it made
 *       no leg).</li>
 *   <li>Missing values (§5.2): every output is NaN at a bar whose H or L is missing (the step reads it); the legs
 *       carry on. Pivot windows holding a missing value yield no pivot.</li>
 *   <li>The lookback is the catalog's {@code left + right}; a leg needs two pivots confirmed at different bars, so
 *       the first value can in fact appear one bar later at the earliest.</li>
 * </ul>
 */
@Chart(pane = Chart.Pane.PRICE, style = Chart.Style.STEP)
@Kernel(
        name = "fib_retracement",
        family = Family.PATTERN,
        kind = OutputKind.LEVEL,
        summary = "Fibonacci retracement level of the latest confirmed swing leg, with the leg's anchors.",
        reference = "laakhay-ta fib_retracement; no TTR/Tulip/TA-Lib equivalent",
        selectors = {
            @Selector(alias = "fib_level_up", output = "up"),
            @Selector(alias = "fib_up_level", output = "up"),
            @Selector(alias = "fib_up", output = "up"),
            @Selector(alias = "fib_level_down", output = "down"),
            @Selector(alias = "fib_down_level", output = "down"),
            @Selector(alias = "fib_down", output = "down"),
            @Selector(alias = "fib_anchor_high", output = "anchor_high"),
            @Selector(alias = "fib_high_anchor", output = "anchor_high"),
            @Selector(alias = "fib_anchor_low", output = "anchor_low"),
            @Selector(alias = "fib_low_anchor", output = "anchor_low")
        },
        scale = Scale.PRICE)
public final class FibRetracement {
    /** Which retracement directions are produced. */
    public enum Mode {
        BOTH,
        DOWN,
        UP
    }

    /** How pivots are paired into legs. */
    public enum PairingMode {
        STRICT_ALTERNATING,
        LATEST_VALID
    }

    private static final int TAIL = -1;
    private static final int NONE = -2;

    final SwingPoints swings;
    final double level;
    final boolean wantDown;
    final boolean wantUp;
    final int leg;
    final boolean strict;
    final int maxLegAgeBars;
    final double minLegSizePct;

    // Final legs per direction, newest first: the high end, the low end, the bar its second pivot was confirmed.
    final DoubleRing downHigh;
    final DoubleRing downLow;
    final DoubleRing downEnd;
    final DoubleRing upHigh;
    final DoubleRing upLow;
    final DoubleRing upEnd;

    /** Index of the current bar. */
    long bar = -1;

    // strict_alternating: the last two entries of the alternating list (their kinds alternate).
    @Range(min = "0", max = "2")
    int entries;
    boolean lastIsHigh;
    double lastPrice;
    long lastBar;
    double previousPrice;
    long previousBar;

    // latest_valid: the most recent pivot of each kind.
    boolean highSeen;
    double highPrice;
    boolean lowSeen;
    double lowPrice;

    @Output(doc = "High end of the anchoring leg.")
    double anchorHigh;

    @Output(doc = "Low end of the anchoring leg.")
    double anchorLow;

    @Output(doc = "Retracement down from the high of the down leg: high - (high - low) * level.")
    double down;

    @Output(doc = "Retracement up from the low of the up leg: low + (high - low) * level.")
    double up;

    public FibRetracement(
            @Param(defaultValue = "2", min = 1, max = 1_000, doc = "Swing bars before the pivot.") int left,
            @Param(defaultValue = "2", min = 1, max = 1_000, doc = "Swing bars after the pivot (confirmation delay).") int right,
            @Param(defaultValue = "0.618", min = 0, max = 2, doc = "Retracement ratio.") double level,
            @Param(defaultValue = "both", doc = "Directions produced: both, down or up.") Mode mode,
            @Param(defaultValue = "1", min = 1, max = 1_000, doc = "1 = the latest leg, 2 = the one before, ...") int leg,
            @Param(defaultValue = "strict_alternating", doc = "How pivots pair into legs.") PairingMode pairingMode,
            @Param(defaultValue = "-1", min = -1, max = 1_000_000, doc = "Bars after its completion a leg stays valid; -1 = forever.") int maxLegAgeBars,
            @Param(defaultValue = "0", min = 0, max = 1_000_000, doc = "Smallest leg move in percent of its start.") double minLegSizePct,
            @Param(defaultValue = "false", doc = "Whether a pivot may tie another bar of its window.") boolean allowEqualExtremes) {
        this.swings = new SwingPoints(left, right, SwingPoints.ReturnMode.FLAGS, allowEqualExtremes);
        this.level = level;
        this.wantDown = mode != Mode.UP;
        this.wantUp = mode != Mode.DOWN;
        this.leg = leg;
        this.strict = pairingMode == PairingMode.STRICT_ALTERNATING;
        this.maxLegAgeBars = maxLegAgeBars;
        this.minLegSizePct = minLegSizePct;
        this.downHigh = new DoubleRing(leg);
        this.downLow = new DoubleRing(leg);
        this.downEnd = new DoubleRing(leg);
        this.upHigh = new DoubleRing(leg);
        this.upLow = new DoubleRing(leg);
        this.upEnd = new DoubleRing(leg);
    }

    public static int lookback(int left, int right) {
        return SwingPoints.lookback(left, right);
    }

    /** The three rings of a direction are pushed together, so they hold the same number of legs. */
    @Invariant
    boolean legsAligned() {
        return downHigh.size() == downLow.size() && downLow.size() == downEnd.size()
                && upHigh.size() == upLow.size() && upLow.size() == upEnd.size();
    }

    @Step
    public void step(double high, double low) {
        bar++;
        swings.step(high, low);
        double ph = swings.pivotHigh();
        double pl = swings.pivotLow();
        if (strict) {
            if (ph == ph) {
                alternate(true, ph);
            }
            if (pl == pl) {
                alternate(false, pl);
            }
        } else {
            // A low pairs with a high of smaller c: the high confirmed at this very bar must not count.
            boolean earlierHigh = highSeen;
            double earlierHighPrice = highPrice;
            if (ph == ph) {
                if (lowSeen) {
                    addLeg(true, ph, lowPrice, bar);
                }
                highSeen = true;
                highPrice = ph;
            }
            if (pl == pl) {
                if (earlierHigh) {
                    addLeg(false, earlierHighPrice, pl, bar);
                }
                lowSeen = true;
                lowPrice = pl;
            }
        }
        if (!(Double.isFinite(high) && Double.isFinite(low))) {
            anchorHigh = anchorLow = down = up = Double.NaN;
            return;
        }
        int d = wantDown ? valid(true, pick(true)) : NONE;
        int u = wantUp ? valid(false, pick(false)) : NONE;
        down = d == NONE ? Double.NaN : legHigh(true, d) - (legHigh(true, d) - legLow(true, d)) * level;
        up = u == NONE ? Double.NaN : legLow(false, u) + (legHigh(false, u) - legLow(false, u)) * level;
        if (d != NONE && (u == NONE || legEnd(true, d) >= legEnd(false, u))) {
            anchorHigh = legHigh(true, d);
            anchorLow = legLow(true, d);
        } else if (u != NONE) {
            anchorHigh = legHigh(false, u);
            anchorLow = legLow(false, u);
        } else {
            anchorHigh = anchorLow = Double.NaN;
        }
    }

    /** strict_alternating: adds a pivot confirmed at this bar to the alternating list. */
    private void alternate(boolean isHigh, double price) {
        if (entries == 0) {
            lastIsHigh = isHigh;
            lastPrice = price;
            lastBar = bar;
            entries = 1;
        } else if (isHigh != lastIsHigh) {
            if (entries == 2 && tailIsLeg()) {
                // A newer entry follows the tail pair, so the pair can no longer change: it is a final leg.
                addLeg(lastIsHigh, tailHigh(), tailLow(), lastBar);
            }
            previousPrice = lastPrice;
            previousBar = lastBar;
            lastIsHigh = isHigh;
            lastPrice = price;
            lastBar = bar;
            entries = 2;
        } else if (isHigh ? price >= lastPrice : price <= lastPrice) {
            lastPrice = price;
            lastBar = bar;
        }
    }

    private double tailHigh() {
        return lastIsHigh ? lastPrice : previousPrice;
    }

    private double tailLow() {
        return lastIsHigh ? previousPrice : lastPrice;
    }

    /** Whether the last pair of the alternating list is a kept leg (of direction down iff its last entry is high). */
    private boolean tailIsLeg() {
        return entries == 2 && lastBar > previousBar && keep(lastIsHigh, tailHigh(), tailLow());
    }

    private boolean keep(boolean downLeg, double hi, double lo) {
        if (!(hi > lo)) {
            return false;
        }
        double start = downLeg ? lo : hi;
        // start = 0 divides to +Infinity, the catalog's infinite move.
        double movePct = 100.0 * (hi - lo) / Math.abs(start);
        return movePct >= minLegSizePct;
    }

    private void addLeg(boolean downLeg, double hi, double lo, long end) {
        if (!keep(downLeg, hi, lo)) {
            return;
        }
        (downLeg ? downHigh : upHigh).push(hi);
        (downLeg ? downLow : upLow).push(lo);
        (downLeg ? downEnd : upEnd).push(end);
    }

    /** The {@code leg}-th most recent leg of a direction: {@link #TAIL}, a ring position, or {@link #NONE}. */
    private int pick(boolean downLeg) {
        int k = leg;
        if (strict && lastIsHigh == downLeg && tailIsLeg()) {
            if (k == 1) {
                return TAIL;
            }
            k--;
        }
        return (downLeg ? downEnd : upEnd).size() >= k ? k - 1 : NONE;
    }

    /** {@code slot}, or {@link #NONE} when that leg is older than {@code max_leg_age_bars}. */
    private int valid(boolean downLeg, int slot) {
        if (slot == NONE || maxLegAgeBars < 0) {
            return slot;
        }
        return bar - legEnd(downLeg, slot) <= maxLegAgeBars ? slot : NONE;
    }

    private double legHigh(boolean downLeg, int slot) {
        return slot == TAIL ? tailHigh() : (downLeg ? downHigh : upHigh).get(slot);
    }

    private double legLow(boolean downLeg, int slot) {
        return slot == TAIL ? tailLow() : (downLeg ? downLow : upLow).get(slot);
    }

    private double legEnd(boolean downLeg, int slot) {
        return slot == TAIL ? lastBar : (downLeg ? downEnd : upEnd).get(slot);
    }
}
