package io.ta.runtime.time;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import io.ta.runtime.plan.Node;
import io.ta.runtime.plan.Ref;
import io.ta.runtime.resample.Aggregator;
import io.ta.runtime.resample.Resample.Agg;
import io.ta.spi.StateReader;
import io.ta.spi.StateSnapshot;
import io.ta.spi.StateWriter;
import java.time.ZoneId;

/**
 * Runs {@link TimeSpec.Frame}: forms the coarse bar from the base bars of its period (one {@link Aggregator} per
 * input, as {@link io.ta.runtime.resample.Resample} does), and when the period closes commits it to a stream of the
 * inner plan. The output is the inner plan's value after the latest <em>closed</em> period — never the forming one.
 *
 * <p>When a period closes (timestamps mark bar closes; a period is {@code (start, end]}): at a base bar stamped
 * exactly at its end, or else at the first base bar stamped after its end — that bar belongs to a later period, and
 * the closed value is visible from it on. A count of bars closes at its last bar. So the value shown at a base bar
 * depends only on bars up to it, and on no bar of a period still open.
 *
 * <p>Per bar: O(inputs), no allocation, except (1) once per period the calendar arithmetic of a day, week or month
 * (java.time objects), (2) a preview of a bar that both closes the pending period and, stamped exactly at a
 * boundary, its own — the inner stream is checkpointed around it — and (3) the first preview that reaches the inner
 * stream after it commits, which keeps that stream's snapshot for this operator's ({@link #innerCommitted}).
 */
final class FrameOperator extends BlockSteps {
    private static final long SCHEMA = 0x7461_6672_616d_6502L;

    private final Timeframe tf;
    private final Agg[] aggs;
    private final PlanStream inner;
    private final Aggregator[] acc;
    private final Aggregator[] saved;
    private final Aggregator[] scratch;
    private final double[] coarse;
    /** The period ends, remembered for the bar {@link #accept} saw, whose update asks again. */
    private final PeriodEnds ends;
    /** Where the inner plan's value is among its snapshot's values. */
    private final int rootSlot;
    /**
     * Fresh operators of the inner plan's time-aware nodes (sessions on the coarse bars), which {@link #accept} asks to
     * place each coarse bar a base bar would commit: the inner stream refuses it only once this operator has taken it.
     */
    private final TimeOperator[] innerTimed;

    private boolean open;
    /** The forming period: its end (time frames) or its number (counts of bars). */
    private long end;
    private long index;
    private long lastTime;
    private boolean started;
    private double committed = Double.NaN;
    private boolean closedOwn;
    private boolean savedOpen;
    private long savedEnd;
    /**
     * The inner stream's snapshot from before its first preview since it last committed, or null. A preview leaves
     * its values in the inner stream, and a snapshot holds the values of the latest call; written, the preview's would
     * not be the value {@link #committed} says the closed periods give, and restore would refuse the state. Taken at
     * most once per closed period, not per tick.
     */
    private PlanSnapshot innerCommitted;

    FrameOperator(TimeSpec.Frame spec, ZoneId zone) {
        super(spec.aggs().size(), 1);
        this.tf = spec.timeframe();
        this.aggs = spec.aggs().toArray(new Agg[0]);
        this.inner = new PlanStream(new Plan(spec.inner()));
        int n = aggs.length;
        this.acc = new Aggregator[n];
        this.saved = new Aggregator[n];
        this.scratch = new Aggregator[n];
        for (int k = 0; k < n; k++) {
            acc[k] = new Aggregator();
            saved[k] = new Aggregator();
            scratch[k] = new Aggregator();
        }
        this.coarse = new double[n];
        this.ends = new PeriodEnds(tf, zone);
        this.rootSlot = rootSlot(inner.plan());
        this.innerTimed = inner.plan().nodes().stream().filter(node -> node instanceof Node.Timed)
                .map(node -> ((Node.Timed) node).spec().newOperator(zone)).toArray(TimeOperator[]::new);
    }

    /** The slot of the plan's first root among a snapshot's values: one per node output, nodes in plan order. */
    private static int rootSlot(Plan plan) {
        Ref root = plan.roots().values().iterator().next();
        int slot = 0;
        for (Node n : plan.nodes()) {
            if (n == root.node()) {
                return slot + root.output();
            }
            slot += n.outputs();
        }
        throw new IllegalStateException("the root is not a node of its plan");
    }

    /** The period of a bar closing at {@code t} that is the {@code index}-th bar. */
    private long period(long t, long index) {
        if (tf.kind() == Timeframe.Kind.BARS) {
            return index / tf.size();
        }
        return open && t <= end ? end : ends.of(t);
    }

    @Override
    public void accept(long time) {
        long p = period(time, index);
        if (innerTimed.length > 0) {
            if (open && p != end) {
                acceptInner(end);
            }
            if (closes(time, index, p)) {
                acceptInner(stamp(time, p));
            }
        }
    }

    private void acceptInner(long coarseTime) {
        for (TimeOperator op : innerTimed) {
            op.accept(coarseTime);
        }
    }

    private boolean closes(long t, long index, long period) {
        return tf.kind() == Timeframe.Kind.BARS ? index % tf.size() == tf.size() - 1 : t == period;
    }

    /** The stamp of a coarse bar: its period's end, or for a count of bars its last bar's time. */
    private long stamp(long t, long period) {
        return tf.kind() == Timeframe.Kind.BARS ? t : period;
    }

    private void fill(Aggregator[] from) {
        for (int k = 0; k < coarse.length; k++) {
            coarse[k] = from[k].value(aggs[k]);
        }
    }

    @Override
    public void update(long time, double[] in, double[] out) {
        long p = period(time, index);
        if (open && p != end) {
            fill(acc);
            inner.update(end, coarse);
            innerCommitted = null;
            committed = inner.value();
            open = false;
        }
        savedOpen = open;
        savedEnd = end;
        for (int k = 0; k < acc.length; k++) {
            saved[k].copyFrom(acc[k]);
        }
        add(time, p, in, false);
        lastTime = time;
        started = true;
        index++;
        out[0] = committed;
    }

    /** Adds the bar to its (possibly new) period and commits the period if the bar closes it. */
    private void add(long time, long p, double[] in, boolean replace) {
        if (!open) {
            for (Aggregator a : acc) {
                a.clear();
            }
            open = true;
            end = p;
        }
        for (int k = 0; k < acc.length; k++) {
            acc[k].add(in[k]);
        }
        closedOwn = closes(time, index, p);
        if (closedOwn) {
            fill(acc);
            if (replace) {
                inner.replaceLast(coarse);
            } else {
                inner.update(stamp(time, p), coarse);
            }
            innerCommitted = null;
            committed = inner.value();
            open = false;
        }
    }

    @Override
    public long lastTime() {
        return started ? lastTime : Long.MIN_VALUE;
    }

    @Override
    public void preview(long time, double[] in, double[] out) {
        long p = period(time, index);
        boolean pending = open && p != end;
        boolean own = closes(time, index, p);
        if (!own) {
            if (pending) {
                keepCommitted();
                fill(acc);
                inner.preview(end, coarse);
                out[0] = inner.value();
            } else {
                out[0] = committed;
            }
            return;
        }
        for (int k = 0; k < scratch.length; k++) {
            if (open && !pending) {
                scratch[k].copyFrom(acc[k]);
            } else {
                scratch[k].clear();
            }
            scratch[k].add(in[k]);
        }
        if (!pending) {
            keepCommitted();
            fill(scratch);
            inner.preview(stamp(time, p), coarse);
            out[0] = inner.value();
            return;
        }
        PlanSnapshot before = inner.snapshot();
        fill(acc);
        inner.update(end, coarse);
        fill(scratch);
        inner.preview(p, coarse);
        out[0] = inner.value();
        inner.restore(before);
    }

    /** Before the inner stream previews: the state a snapshot must write until the inner stream commits again. */
    private void keepCommitted() {
        if (innerCommitted == null) {
            innerCommitted = inner.snapshot();
        }
    }

    @Override
    public void replaceLast(double[] in, double[] out) {
        open = savedOpen;
        end = savedEnd;
        for (int k = 0; k < acc.length; k++) {
            acc[k].copyFrom(saved[k]);
        }
        index--;
        add(lastTime, period(lastTime, index), in, true);
        index++;
        out[0] = committed;
    }

    @Override
    public StateSnapshot snapshot() {
        StateWriter w = new StateWriter();
        w.putInt(acc.length);
        w.putBoolean(open);
        w.putLong(end);
        w.putLong(index);
        w.putLong(lastTime);
        w.putBoolean(started);
        w.putDouble(committed);
        w.putBoolean(closedOwn);
        w.putBoolean(savedOpen);
        w.putLong(savedEnd);
        for (int k = 0; k < acc.length; k++) {
            acc[k].write(w);
            saved[k].write(w);
        }
        PlanSnapshot kept = innerCommitted;
        byte[] b = (kept != null ? kept : inner.snapshot()).toBytes();
        w.putInt(b.length);
        for (int i = 0; i < b.length; i += 8) {
            long word = 0;
            for (int j = 0; j < 8; j++) {
                word = (word << 8) | (i + j < b.length ? b[i + j] & 0xff : 0);
            }
            w.putLong(word);
        }
        return new StateSnapshot("timeframe", SCHEMA, w.toArray());
    }

    @Override
    public void restore(StateSnapshot s) {
        if (s == null || !s.kernel().equals("timeframe") || s.schema() != SCHEMA) {
            throw new SnapshotMismatchException("timeframe: the snapshot is not one of a timeframe operator");
        }
        StateReader r = s.reader();
        r.expectInt("inputs", acc.length);
        boolean o = r.getBoolean();
        long e = r.getLong();
        long i = r.getCount("bar index");
        long lt = r.getLong();
        boolean st = r.getBoolean();
        double c = r.getDouble();
        boolean co = r.getBoolean();
        boolean so = r.getBoolean();
        long se = r.getLong();
        if (st != (i > 0)) {
            throw new CorruptSnapshotException("timeframe: corrupt snapshot (" + i + " bars, started " + st + ")");
        }
        Aggregator[] a = new Aggregator[acc.length];
        Aggregator[] sv = new Aggregator[acc.length];
        for (int k = 0; k < acc.length; k++) {
            a[k] = new Aggregator();
            a[k].read(r);
            sv[k] = new Aggregator();
            sv[k].read(r);
        }
        // The forming period, and the one the last bar was added to, are that bar's: an end forged further on would
        // merge the coarse bars up to it into one (close@1d showed NaN for a week), and an empty one commit NaNs.
        boolean forming = !o || e == ends.ofRestored(lt, i - 1, "timeframe") && !empty(a);
        boolean before = !so || se == ends.ofRestored(lt, i - 1, "timeframe") && !empty(sv);
        if (st ? !forming || !before : o || so) {
            throw new CorruptSnapshotException("timeframe: corrupt snapshot (a forming period ending at " + (o ? e : se)
                    + " does not hold the last bar, at " + lt + ")");
        }
        int len = r.getInt();
        if (len < 0 || len > (long) s.words().length * 8) {
            throw new CorruptSnapshotException("timeframe: corrupt snapshot (inner state of " + len + " bytes)");
        }
        byte[] b = new byte[len];
        for (int k = 0; k < len; k += 8) {
            long word = r.getLong();
            for (int j = 0; j < 8 && k + j < len; j++) {
                b[k + j] = (byte) (word >>> (56 - 8 * j));
            }
        }
        r.end();
        PlanSnapshot closed = PlanSnapshot.fromBytes(b);
        // The value shown is the inner plan's after the latest closed period, which the inner snapshot holds too (its
        // restore checks that value against the rest of the inner state).
        double shown = closed.count() > 0 && closed.values().length > rootSlot ? closed.values()[rootSlot] : Double.NaN;
        if (Double.doubleToLongBits(c) != Double.doubleToLongBits(shown) && !(Double.isNaN(c) && Double.isNaN(shown))) {
            throw new CorruptSnapshotException("timeframe: corrupt snapshot (shows " + c + ", its closed periods give "
                    + shown + ")");
        }
        inner.restore(closed);
        innerCommitted = null;
        open = o;
        end = e;
        index = i;
        lastTime = lt;
        started = st;
        committed = c;
        closedOwn = co;
        savedOpen = so;
        savedEnd = se;
        for (int k = 0; k < acc.length; k++) {
            acc[k].copyFrom(a[k]);
            saved[k].copyFrom(sv[k]);
        }
    }

    private static boolean empty(Aggregator[] bucket) {
        for (Aggregator a : bucket) {
            if (a.count() == 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() {
        inner.reset();
        innerCommitted = null;
        for (int k = 0; k < acc.length; k++) {
            acc[k].clear();
            saved[k].clear();
        }
        open = false;
        end = 0;
        index = 0;
        lastTime = 0;
        started = false;
        committed = Double.NaN;
        closedOwn = false;
        savedOpen = false;
        savedEnd = 0;
    }
}
