package io.ta.runtime.source;

import io.ta.error.SnapshotMismatchException;
import java.util.function.ToDoubleFunction;

/**
 * The running state of one {@link Aggregate} within the open bar: events are {@linkplain #add added} in arrival order
 * (any order of time within the bar), and {@link #close()} yields the bar's value and starts the next bar. Batch and
 * stream both run this class, so they agree bit for bit when they see the events of a bar in the same order.
 *
 * <p>Per bar: {@code count} counts the events passing the filter (0 for an empty bar); {@code sum} is 0 for an empty
 * bar; {@code avg}, {@code max}, {@code min}, {@code first}, {@code last} and weighted means ({@code vwap}) are NaN
 * for a bar without events. An event whose aggregated field is NaN counts but does not enter sums, extremes or means.
 * {@code first}/{@code last} go by event time (ties: arrival order). State values (order-book {@code spread},
 * {@code mid}, …) are the latest snapshot's and carry into bars without a snapshot, NaN before the first one; a
 * snapshot missing a field the value reads (a NaN bid for {@code mid}) is skipped, as {@code last} skips it. Sums
 * are Neumaier-compensated, so a bar of millions of trades does not drift, and held with a wider exponent
 * ({@link WideSum}), so a mean or vwap whose sums pass the largest double is still the mean; a sum no double holds is
 * NaN, as is every aggregate over an infinite value.
 */
public final class Accumulator {
    private static final int STATE_LENGTH = 14;
    private final Kind kind;
    private final int field;
    private final Filter filter;
    private final ToDoubleFunction<double[]> value;
    private final ToDoubleFunction<double[]> weight;
    /** The fields a state value reads; an event missing one (NaN) leaves the state as it was. */
    private final boolean[] reads;

    private final WideSum sum = new WideSum();
    private final WideSum weights = new WideSum();
    private long count;
    private long valued;
    private double extreme;
    private long at;
    private double kept;
    /** The latest time among the open bar's events this aggregate took; Long.MIN_VALUE for none. */
    private long latest;

    private enum Kind { COUNT, SUM, AVG, MAX, MIN, FIRST, LAST, WEIGHTED_MEAN, STATE }

    Accumulator(Aggregate a) {
        this.filter = a.filter();
        this.field = a.field();
        SourceType.Derived d = a.type().derived().get(a.function());
        if (a.field() < 0 && d != null) {
            this.kind = d.mode() == SourceType.Mode.STATE ? Kind.STATE : Kind.WEIGHTED_MEAN;
            this.value = d.value();
            this.weight = d.weight();
        } else {
            this.kind = Kind.valueOf(a.function().toUpperCase(java.util.Locale.ROOT));
            this.value = null;
            this.weight = null;
        }
        this.reads = kind == Kind.STATE ? reads(value, a.type().fields().size()) : null;
        reset();
    }

    /** Forgets everything, including a carried state. */
    public void reset() {
        kept = Double.NaN;
        at = Long.MIN_VALUE;
        open();
    }

    /** Empties the open bar; a state value carries into it. */
    void open() {
        latest = Long.MIN_VALUE;
        count = 0;
        valued = 0;
        sum.clear();
        weights.clear();
        extreme = Double.NaN;
        if (kind != Kind.STATE) {
            at = kind == Kind.FIRST ? Long.MAX_VALUE : Long.MIN_VALUE;
            kept = Double.NaN;
        }
    }

    /** Adds one event of the open bar: its time (epoch ms) and its fields in schema order. */
    public void add(long time, double[] row) {
        if (filter != null && !filter.test(row)) {
            return;
        }
        latest = Math.max(latest, time);
        count++;
        switch (kind) {
            case COUNT -> { }
            case SUM, AVG -> {
                double x = row[field];
                if (!Double.isNaN(x)) {
                    valued++;
                    sum.add(x);
                }
            }
            case MAX -> {
                // Either infinity is held as +∞, which no later value replaces, so the bar's max is NaN: a −∞ kept as
                // such was replaced by the next finite value, and max(−∞, 5) read 5.
                double x = Double.isInfinite(row[field]) ? Double.POSITIVE_INFINITY : row[field];
                if (!(x <= extreme) && !Double.isNaN(x)) {
                    extreme = x;
                }
            }
            case MIN -> {
                double x = Double.isInfinite(row[field]) ? Double.NEGATIVE_INFINITY : row[field];
                if (!(x >= extreme) && !Double.isNaN(x)) {
                    extreme = x;
                }
            }
            case FIRST -> {
                // Nothing kept yet takes any time: an event at Long.MAX_VALUE is no earlier than `at` starts.
                if ((time < at || Double.isNaN(kept)) && !Double.isNaN(row[field])) {
                    at = time;
                    kept = row[field];
                }
            }
            case LAST -> {
                if (time >= at && !Double.isNaN(row[field])) {
                    at = time;
                    kept = row[field];
                }
            }
            case WEIGHTED_MEAN -> {
                double v = value.applyAsDouble(row);
                double w = weight.applyAsDouble(row);
                // A missing value or weight leaves the event out; ∞·0 is NaN too, but an infinite term makes it NaN
                if (!Double.isNaN(v) && !Double.isNaN(w)) {
                    valued++;
                    sum.addProduct(v, w);
                    weights.add(w);
                }
            }
            case STATE -> {
                if (time >= at && !missesARead(row)) {
                    at = time;
                    kept = value.applyAsDouble(row);
                }
            }
        }
    }

    /**
     * The fields {@code value} reads: those whose NaN, alone in a row of ones, makes it NaN (a schema's derived value
     * is a formula of fields, not a declared list); every field where the row of ones gives NaN already.
     */
    private static boolean[] reads(ToDoubleFunction<double[]> value, int fields) {
        double[] row = new double[fields];
        java.util.Arrays.fill(row, 1.0);
        boolean all = Double.isNaN(value.applyAsDouble(row));
        boolean[] reads = new boolean[fields];
        for (int j = 0; j < fields; j++) {
            row[j] = Double.NaN;
            reads[j] = all || Double.isNaN(value.applyAsDouble(row));
            row[j] = 1.0;
        }
        return reads;
    }

    /**
     * Whether the event lacks a field the state value reads: a missing value is skipped (docs/spec.md §5.2), as
     * {@code last(bid)} skips it, so the state carries the last snapshot that had them, where a snapshot without a
     * bid made {@code mid} and {@code spread} NaN until the next one.
     */
    private boolean missesARead(double[] row) {
        for (int j = 0; j < reads.length; j++) {
            if (reads[j] && Double.isNaN(row[j])) {
                return true;
            }
        }
        return false;
    }

    /** The value of the bar that closes now; the accumulator then holds the next (empty) bar. */
    public double close() {
        double out = value();
        open();
        return out;
    }

    /** The latest time among the events of the open bar this aggregate took; Long.MIN_VALUE for none. */
    long latest() {
        return latest;
    }

    /** The open bar's value, were it to close now; nothing changes. */
    double value() {
        double out = switch (kind) {
            case COUNT -> count;
            case SUM -> sum.value();
            case AVG -> valued == 0 ? Double.NaN : sum.mean(valued);
            case MAX, MIN -> extreme;
            case FIRST, LAST -> kept;
            case WEIGHTED_MEAN -> valued == 0 ? Double.NaN : sum.over(weights);
            case STATE -> kept;
        };
        return Double.isFinite(out) ? out : Double.NaN;
    }

    /**
     * The state to snapshot: a copy of every field, restorable by {@link #restore}. A time is two numbers, its high
     * and low 32 bits, since a double holds a long exactly only below 2⁵³.
     */
    public double[] state() {
        double[] s = new double[STATE_LENGTH];
        s[0] = count;
        s[1] = valued;
        sum.write(s, 2);
        weights.write(s, 5);
        s[8] = extreme;
        s[9] = at >> 32;
        s[10] = at & 0xFFFF_FFFFL;
        s[11] = kept;
        s[12] = latest >> 32;
        s[13] = latest & 0xFFFF_FFFFL;
        return s;
    }

    /**
     * Restores a {@link #state()} of an accumulator of the same aggregate.
     *
     * @throws SnapshotMismatchException for a state of another length, or one no accumulator reaches (counts that are
     *     not whole or not {@code 0 <= valued <= count < 2^53}, a sum's parts not finite, a time's halves not whole);
     *     this accumulator is then unchanged
     */
    public void restore(double[] s) {
        check(s);
        count = (long) s[0];
        valued = (long) s[1];
        sum.read(s, 2);
        weights.read(s, 5);
        extreme = s[8];
        at = time(s, 9);
        kept = s[11];
        latest = time(s, 12);
    }

    /** Refuses a state {@link #restore} cannot take, changing nothing: a stream checks all before restoring any. */
    static void check(double[] s) {
        if (s == null || s.length != STATE_LENGTH) {
            throw new SnapshotMismatchException("an aggregate's state is " + STATE_LENGTH + " numbers; got "
                    + (s == null ? "none" : s.length));
        }
        if (!(s[0] >= 0 && s[0] < 0x1p53 && s[0] == Math.rint(s[0]) && s[1] >= 0 && s[1] <= s[0]
                && s[1] == Math.rint(s[1]))) {
            throw new SnapshotMismatchException("an aggregate's event count and valued count are whole, with "
                    + "0 <= valued <= count < 2^53; got " + s[0] + ", " + s[1]);
        }
        WideSum.check(s, 2);
        WideSum.check(s, 5);
        for (int at : new int[] {9, 12}) {
            if (!(s[at] >= Integer.MIN_VALUE && s[at] <= Integer.MAX_VALUE && s[at] == Math.rint(s[at])
                    && s[at + 1] >= 0 && s[at + 1] <= 0xFFFF_FFFFL && s[at + 1] == Math.rint(s[at + 1]))) {
                throw new SnapshotMismatchException("an aggregate's time is its high 32 bits (signed) and its low 32 "
                        + "bits, each whole; got " + s[at] + ", " + s[at + 1]);
            }
        }
    }

    /** The latest open-bar event time in a state {@link #check} accepted. */
    static long latest(double[] s) {
        return time(s, 12);
    }

    private static long time(double[] s, int at) {
        return (long) s[at] << 32 | (long) s[at + 1];
    }
}
