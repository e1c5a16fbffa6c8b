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
 * {@code mid}, …) are the latest snapshot's and carry into bars without a snapshot, NaN before the first one. Sums
 * are Neumaier-compensated, so a bar of millions of trades does not drift, and held with a wider exponent
 * ({@link WideSum}), so a mean or vwap whose sums pass the largest double is still the mean; a sum no double holds is
 * NaN, as is every aggregate over an infinite value.
 */
public final class Accumulator {
    private static final int STATE_LENGTH = 11;
    private final Kind kind;
    private final int field;
    private final Filter filter;
    private final ToDoubleFunction<double[]> value;
    private final ToDoubleFunction<double[]> weight;

    private final WideSum sum = new WideSum();
    private final WideSum weights = new WideSum();
    private long count;
    private long valued;
    private double extreme;
    private long at;
    private double kept;

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
        reset();
    }

    /** Forgets everything, including a carried state. */
    public void reset() {
        kept = Double.NaN;
        at = Long.MIN_VALUE;
        open();
    }

    private void open() {
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
                double x = row[field];
                if (!(x <= extreme) && !Double.isNaN(x)) {
                    extreme = x;
                }
            }
            case MIN -> {
                double x = row[field];
                if (!(x >= extreme) && !Double.isNaN(x)) {
                    extreme = x;
                }
            }
            case FIRST -> {
                if (time < at && !Double.isNaN(row[field])) {
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
                if (!Double.isNaN(v * w)) {
                    valued++;
                    sum.addProduct(v, w);
                    weights.add(w);
                }
            }
            case STATE -> {
                if (time >= at) {
                    at = time;
                    kept = value.applyAsDouble(row);
                }
            }
        }
    }

    /** The value of the bar that closes now; the accumulator then holds the next (empty) bar. */
    public double close() {
        double out = switch (kind) {
            case COUNT -> count;
            case SUM -> sum.value();
            case AVG -> valued == 0 ? Double.NaN : sum.mean(valued);
            case MAX, MIN -> extreme;
            case FIRST, LAST -> kept;
            case WEIGHTED_MEAN -> valued == 0 ? Double.NaN : sum.over(weights);
            case STATE -> kept;
        };
        open();
        return Double.isFinite(out) ? out : Double.NaN;
    }

    /** The state to snapshot: a copy of every field, restorable by {@link #restore}. */
    public double[] state() {
        double[] s = {count, valued, 0, 0, 0, 0, 0, 0, extreme, at, kept};
        sum.write(s, 2);
        weights.write(s, 5);
        return s;
    }

    /**
     * Restores a {@link #state()} of an accumulator of the same aggregate.
     *
     * @throws SnapshotMismatchException for a state of another length, or counts that are not whole and non-negative
     */
    public void restore(double[] s) {
        if (s == null || s.length != STATE_LENGTH || !(s[0] >= 0 && s[0] == Math.rint(s[0]) && s[0] < 0x1p62)
                || !(s[1] >= 0 && s[1] <= s[0] && s[1] == Math.rint(s[1]))) {
            throw new SnapshotMismatchException("an aggregate's state is " + STATE_LENGTH + " numbers, beginning with "
                    + "its event count and valued count (whole, 0 <= valued <= count < 2^62); got "
                    + (s == null ? "none" : s.length + (s.length >= 2 ? " beginning with " + s[0] + ", " + s[1] : "")));
        }
        count = (long) s[0];
        valued = (long) s[1];
        sum.read(s, 2);
        weights.read(s, 5);
        extreme = s[8];
        at = (long) s[9];
        kept = s[10];
    }
}
