package io.ta.runtime.resample;

import io.ta.runtime.resample.Resample.Agg;
import io.ta.spi.Checks;
import io.ta.spi.StateReader;
import io.ta.spi.StateWriter;

/**
 * One bucket's running aggregate, value by value: the single implementation behind {@link Resample}'s buckets and the
 * plan's timeframe operators, so a coarse bar formed bar by bar in a stream equals the one {@link Resample} cuts from
 * a history, bit for bit. The sum runs left to right from 0, as a loop over the bucket would. A missing value (NaN,
 * ±Infinity) makes MEAN, SUM, MAX and MIN NaN for the rest of the bucket; FIRST and LAST are NaN when that value is
 * missing.
 *
 * <p>Finite values whose sum passes the largest double (two volumes near it) go on being summed at 2⁻⁶⁴ of their size,
 * which is exact, until the sum fits again: SUM is then NaN, a sum no double holds, and MEAN is the mean, the bits a
 * wider exponent would give (docs/contracts.md, "Extreme values"), where sum / count read NaN.
 */
public final class Aggregator {
    private static final double DOWN = 0x1p-64;
    private static final double UP = 0x1p64;
    private double first;
    private double last;
    /** The sum; +Infinity while it is past the largest double, and {@link #scaled} holds it. */
    private double sum;
    /** The sum at 2⁻⁶⁴, while it is past the largest double. */
    private double scaled;
    private double max;
    private double min;
    private long count;
    private boolean missing;

    /** An empty bucket. */
    public Aggregator() {
        clear();
    }

    /** Empties the bucket. */
    public void clear() {
        first = Double.NaN;
        last = Double.NaN;
        sum = 0.0;
        scaled = 0.0;
        max = Double.NEGATIVE_INFINITY;
        min = Double.POSITIVE_INFINITY;
        count = 0;
        missing = false;
    }

    /** Adds the next value. */
    public void add(double v) {
        if (count == 0) {
            first = v;
        }
        last = v;
        count++;
        double s = sum + v;
        if (Math.abs(s) <= Double.MAX_VALUE) {
            sum = s; // one test for the common case: v is finite and the sum fits
        } else if (!Double.isFinite(v)) {
            missing = true;
            return;
        } else if (sum == Double.POSITIVE_INFINITY) {
            scaled += v * DOWN;
            double back = scaled * UP;
            if (Math.abs(back) <= Double.MAX_VALUE) {
                sum = back; // fits again: exact, and the plain sum keeps the small values' bits that 2^-64 would lose
            }
        } else {
            scaled = sum * DOWN + v * DOWN;
            sum = Double.POSITIVE_INFINITY;
        }
        max = Math.max(max, v);
        min = Math.min(min, v);
    }

    /** Values added since the bucket was emptied. */
    public long count() {
        return count;
    }

    /** The bucket's aggregate; NaN for an empty bucket. */
    public double value(Agg agg) {
        if (count == 0) {
            return Double.NaN;
        }
        return switch (agg) {
            case FIRST -> Checks.finiteOrNaN(first);
            case LAST -> Checks.finiteOrNaN(last);
            case SUM -> missing ? Double.NaN : Checks.finiteOrNaN(sum);
            case MEAN -> missing ? Double.NaN
                    : Checks.finiteOrNaN(sum == Double.POSITIVE_INFINITY ? scaled / count * UP : sum / count);
            case MAX -> missing ? Double.NaN : max;
            case MIN -> missing ? Double.NaN : min;
        };
    }

    /** Becomes a copy of {@code other}. */
    public void copyFrom(Aggregator other) {
        first = other.first;
        last = other.last;
        sum = other.sum;
        scaled = other.scaled;
        max = other.max;
        min = other.min;
        count = other.count;
        missing = other.missing;
    }

    /** Writes the state (for plan snapshots). */
    public void write(StateWriter w) {
        w.putDouble(first);
        w.putDouble(last);
        w.putDouble(sum);
        w.putDouble(max);
        w.putDouble(min);
        w.putLong(count);
        w.putBoolean(missing);
        w.putDouble(scaled);
    }

    /**
     * Reads a state written by {@link #write}.
     *
     * @throws io.ta.error.CorruptSnapshotException for a count outside [0, 2^62] (no bucket holds more, and one of
     *     {@code Long.MAX_VALUE} would turn negative on its next value: a mean with the wrong sign), or extremes and
     *     sums no values give (a maximum of +∞ read as an infinite session high)
     */
    public void read(StateReader r) {
        double f = r.getDouble();
        double l = r.getDouble();
        double s = r.getDouble();
        double hi = r.getDouble();
        double lo = r.getDouble();
        long n = r.getCount("bucket count");
        boolean m = r.getBoolean();
        double sc = r.getDouble();
        // Empty: as clear() leaves it. Otherwise the extremes are of the finite values added (±∞ as clear() left them
        // while a missing value came first), and the sum is finite or +∞ (past the largest double), its 2^-64 part
        // finite (kept, unread, once the sum fits again).
        boolean empty = n == 0 && !m && hi == Double.NEGATIVE_INFINITY && lo == Double.POSITIVE_INFINITY && s == 0
                && sc == 0;
        boolean extremes = (Double.isFinite(hi) || hi == Double.NEGATIVE_INFINITY)
                && (Double.isFinite(lo) || lo == Double.POSITIVE_INFINITY)
                && (m || Double.isFinite(hi) && Double.isFinite(lo) && lo <= hi);
        boolean sums = (Double.isFinite(s) || s == Double.POSITIVE_INFINITY) && Double.isFinite(sc);
        if (!(empty || n > 0 && extremes && sums)) {
            throw new io.ta.error.CorruptSnapshotException("bucket: corrupt snapshot (" + n + " values, missing " + m
                    + ", sum " + s + " and " + sc + ", extremes " + lo + " to " + hi + ")");
        }
        first = f;
        last = l;
        sum = s;
        max = hi;
        min = lo;
        count = n;
        missing = m;
        scaled = sc;
    }
}
