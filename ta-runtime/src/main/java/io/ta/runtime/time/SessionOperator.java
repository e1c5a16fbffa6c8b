package io.ta.runtime.time;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import io.ta.runtime.resample.Aggregator;
import io.ta.runtime.resample.Resample.Agg;
import io.ta.spi.StateReader;
import io.ta.spi.StateSnapshot;
import io.ta.spi.StateWriter;
import java.time.ZoneId;

/**
 * Runs {@link TimeSpec.Session}: tracks the period the latest bar belongs to (periods as {@link Timeframe}, bars
 * stamped at their close) and either flags the bar that opens a new period or aggregates the period so far with the
 * same {@link Aggregator} as the timeframe operator. O(1) per bar; calendar arithmetic once per period.
 */
final class SessionOperator extends BlockSteps {
    private static final long SCHEMA = 0x7461_7365_7373_0002L;

    private final TimeSpec.SessionKind kind;
    private final Timeframe tf;
    private final Agg agg;
    private final Aggregator acc = new Aggregator();
    private final Aggregator saved = new Aggregator();
    private final Aggregator scratch = new Aggregator();
    private boolean started;
    private long end;
    private long index;
    private long lastTime;
    private boolean savedStarted;
    private long savedEnd;
    /** The period ends, remembered for the bar {@link #accept} saw, whose update asks again. */
    private final PeriodEnds ends;

    SessionOperator(TimeSpec.Session spec, ZoneId zone) {
        super(spec.kind() == TimeSpec.SessionKind.START ? 0 : 1, 1);
        this.kind = spec.kind();
        this.tf = spec.timeframe();
        this.agg = switch (kind) {
            case HIGH -> Agg.MAX;
            case LOW -> Agg.MIN;
            default -> Agg.FIRST;
        };
        this.ends = new PeriodEnds(tf, zone);
    }

    /** The period of the {@code index}-th bar, closing at {@code t}. */
    private long period(long t, long index) {
        if (tf.kind() == Timeframe.Kind.BARS) {
            return index / tf.size();
        }
        return started && t <= end ? end : ends.of(t);
    }

    @Override
    public void accept(long time) {
        period(time, index);
    }

    private double value(boolean fresh, Aggregator a) {
        return kind == TimeSpec.SessionKind.START ? (fresh ? 1.0 : 0.0) : a.value(agg);
    }

    @Override
    public void update(long time, double[] in, double[] out) {
        savedStarted = started;
        savedEnd = end;
        saved.copyFrom(acc);
        step(time, in, out);
        lastTime = time;
        index++;
    }

    private void step(long time, double[] in, double[] out) {
        long p = period(time, index);
        boolean fresh = !started || p != end;
        if (fresh) {
            acc.clear();
            end = p;
            started = true;
        }
        if (in.length > 0) {
            acc.add(in[0]);
        }
        out[0] = value(fresh, acc);
    }

    @Override
    public long lastTime() {
        return index > 0 ? lastTime : Long.MIN_VALUE;
    }

    @Override
    public void preview(long time, double[] in, double[] out) {
        long p = period(time, index);
        boolean fresh = !started || p != end;
        if (fresh) {
            scratch.clear();
        } else {
            scratch.copyFrom(acc);
        }
        if (in.length > 0) {
            scratch.add(in[0]);
        }
        out[0] = value(fresh, scratch);
    }

    @Override
    public void replaceLast(double[] in, double[] out) {
        started = savedStarted;
        end = savedEnd;
        acc.copyFrom(saved);
        index--;
        step(lastTime, in, out);
        index++;
    }

    @Override
    public StateSnapshot snapshot() {
        StateWriter w = new StateWriter();
        w.putBoolean(started);
        w.putLong(end);
        w.putLong(index);
        w.putLong(lastTime);
        w.putBoolean(savedStarted);
        w.putLong(savedEnd);
        acc.write(w);
        saved.write(w);
        return new StateSnapshot("session", SCHEMA, w.toArray());
    }

    @Override
    public void restore(StateSnapshot s) {
        if (s == null || !s.kernel().equals("session") || s.schema() != SCHEMA) {
            throw new SnapshotMismatchException("session: the snapshot is not one of a session operator");
        }
        StateReader r = s.reader();
        boolean st = r.getBoolean();
        long e = r.getLong();
        long i = r.getCount("bar index");
        long lt = r.getLong();
        boolean ss = r.getBoolean();
        long se = r.getLong();
        Aggregator a = new Aggregator();
        a.read(r);
        Aggregator sv = new Aggregator();
        sv.read(r);
        r.end();
        if (st != (i > 0) || ss != (i > 1)) {
            throw new CorruptSnapshotException("session: corrupt snapshot (" + i + " bars, started " + st + ")");
        }
        // The period is the last bar's, and the one before it the previous bar's: this one or one ended before it. An
        // end forged further on would run the session on past its close (session_start 0 on the next day's first bar).
        boolean before = !ss || (tf.kind() == Timeframe.Kind.BARS ? se == ends.ofRestored(lt, i - 2, "session")
                : se == e || se < lt && ends.ofRestored(se, i - 2, "session") == se);
        boolean empty = kind != TimeSpec.SessionKind.START && a.count() == 0;
        if (st && (e != ends.ofRestored(lt, i - 1, "session") || !before || empty)) {
            throw new CorruptSnapshotException("session: corrupt snapshot (a session ending at " + e + ", before it "
                    + se + ", for the last bar at " + lt + ")");
        }
        started = st;
        end = e;
        index = i;
        lastTime = lt;
        savedStarted = ss;
        savedEnd = se;
        acc.copyFrom(a);
        saved.copyFrom(sv);
    }

    @Override
    public void reset() {
        acc.clear();
        saved.clear();
        started = false;
        end = 0;
        index = 0;
        lastTime = 0;
        savedStarted = false;
        savedEnd = 0;
    }
}
