package io.ta.runtime.time;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.ShapeMismatchException;
import java.time.ZoneId;

/**
 * {@link Timeframe#end} of one timeframe and zone, remembered for the last time asked: a plan stream asks each
 * operator to {@linkplain TimeOperator#accept accept} a bar before any node steps it, and the operator's step then asks
 * for the same period end, so a calendar period's arithmetic still runs once per period. A cache of a pure function,
 * not state: snapshots leave it out.
 */
final class PeriodEnds {
    private final Timeframe tf;
    private final ZoneId zone;
    private boolean known;
    private long time;
    private long end;

    PeriodEnds(Timeframe tf, ZoneId zone) {
        this.tf = tf;
        this.zone = zone;
    }

    /** The end of the period holding a bar that closed at {@code t}. */
    long of(long t) {
        if (!known || t != time) {
            end = tf.end(t, zone); // throws before anything is remembered
            time = t;
            known = true;
        }
        return end;
    }

    /**
     * For a restore: the period of the {@code index}-th bar, which closed at {@code t} (its number of periods when the
     * timeframe counts bars).
     *
     * @throws CorruptSnapshotException naming {@code operator} when that time has no period
     */
    long ofRestored(long t, long index, String operator) {
        if (tf.kind() == Timeframe.Kind.BARS) {
            return index / tf.size();
        }
        try {
            return of(t);
        } catch (ShapeMismatchException e) {
            throw new CorruptSnapshotException(operator + ": corrupt snapshot (the bar at " + t + " has no period)");
        }
    }
}
