package io.ta.runtime.time;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.SnapshotMismatchException;
import io.ta.kernels.momentum.Roc;
import io.ta.runtime.plan.Ops;
import io.ta.spi.Checks;
import io.ta.spi.StateReader;
import io.ta.spi.StateSnapshot;
import io.ta.spi.StateWriter;

/**
 * Runs {@link TimeSpec.Lag}: keeps the bars of the last {@code d} milliseconds, plus the latest one at or before
 * {@code t − d}, in a ring of (time, value) pairs. Each bar pops what has fallen out of the window and pushes itself:
 * O(1) amortized, and the ring only grows (doubling) when the window holds more bars than ever before.
 */
final class LagOperator extends BlockSteps {
    private static final long SCHEMA = 0x7461_6c61_6700_0001L;

    private final TimeSpec.LagKind kind;
    private final long d;
    private long[] times = new long[16];
    private double[] values = new double[16];
    private int head;
    private int size;
    private long lastTime;
    private boolean started;
    private int savedHead;
    private int savedSize;

    LagOperator(TimeSpec.Lag spec) {
        super(1, 1);
        this.kind = spec.kind();
        this.d = spec.millis();
    }

    private int mask() {
        return times.length - 1;
    }

    /** Whether a bar at {@code s} is at or before {@code t − d}, without overflowing. */
    private boolean before(long s, long t) {
        return s <= t - d && t - d <= t; // the second test fails exactly when t − d wraps below Long.MIN_VALUE
    }

    private void grow() {
        long[] t = new long[times.length * 2];
        double[] v = new double[times.length * 2];
        for (int i = 0; i < size; i++) {
            t[i] = times[(head + i) & mask()];
            v[i] = values[(head + i) & mask()];
        }
        times = t;
        values = v;
        head = 0;
    }

    /** The value of the latest kept bar at or before {@code t − d}, or NaN; drops older ones when {@code pop}. */
    private double lagged(long t, boolean pop) {
        int h = head;
        int n = size;
        while (n >= 2 && before(times[(h + 1) & mask()], t)) {
            h = (h + 1) & mask();
            n--;
        }
        if (pop) {
            head = h;
            size = n;
        }
        return n >= 1 && before(times[h], t) ? values[h] : Double.NaN;
    }

    private double combine(double x, double p) {
        return switch (kind) {
            case SHIFT -> Checks.finiteOrNaN(p);
            case CHANGE -> Ops.apply(io.ta.expr.Expr.Op.SUB, x, p);
            case CHANGE_PCT -> Ops.apply(io.ta.expr.Expr.Op.MUL, 100.0, Ops.apply(io.ta.expr.Expr.Op.DIV, Ops.apply(io.ta.expr.Expr.Op.SUB, x, p), p));
            // The ratio of finite values can pass the largest double (x = -1e308 against p = 0.5): NaN, as the roc
            // kernel's loop writes it, never an infinity.
            case ROC -> Checks.finiteOrNaN(Roc.rate(x, p));
        };
    }

    @Override
    public void update(long time, double[] in, double[] out) {
        if (size == times.length) {
            grow();
        }
        savedHead = head;
        savedSize = size;
        step(time, in[0], out);
        lastTime = time;
        started = true;
    }

    private void step(long time, double x, double[] out) {
        double p = lagged(time, true);
        int at = (head + size) & mask();
        times[at] = time;
        values[at] = x;
        size++;
        out[0] = combine(x, p);
    }

    @Override
    public long lastTime() {
        return started ? lastTime : Long.MIN_VALUE;
    }

    @Override
    public void preview(long time, double[] in, double[] out) {
        out[0] = combine(in[0], lagged(time, false));
    }

    @Override
    public void replaceLast(double[] in, double[] out) {
        head = savedHead;
        size = savedSize;
        step(lastTime, in[0], out);
    }

    @Override
    public StateSnapshot snapshot() {
        StateWriter w = new StateWriter();
        w.putLong(d);
        w.putLong(lastTime);
        w.putBoolean(started);
        int popped = (head - savedHead) & mask();
        int total = size + popped;
        w.putInt(total);
        w.putInt(popped);
        w.putInt(savedSize);
        for (int i = 0; i < total; i++) {
            w.putLong(times[(savedHead + i) & mask()]);
            w.putDouble(values[(savedHead + i) & mask()]);
        }
        return new StateSnapshot("time_lag", SCHEMA, w.toArray());
    }

    @Override
    public void restore(StateSnapshot s) {
        if (s == null || !s.kernel().equals("time_lag") || s.schema() != SCHEMA) {
            throw new SnapshotMismatchException("time_lag: the snapshot is not one of a wall-clock lag");
        }
        StateReader r = s.reader();
        r.expectLong("duration", d);
        long lt = r.getLong();
        boolean st = r.getBoolean();
        int total = r.getInt();
        int popped = r.getInt();
        int ss = r.getInt();
        if (total < 0 || total > s.words().length || popped < 0 || popped > total || ss < 0 || ss > total
                || (st && total == 0) || (!st && total != 0)) {
            throw new CorruptSnapshotException("time_lag: corrupt snapshot (" + total + " bars kept, " + popped + " popped)");
        }
        int cap = 16;
        while (cap < total + 1) {
            cap *= 2;
        }
        long[] t = new long[cap];
        double[] v = new double[cap];
        for (int i = 0; i < total; i++) {
            t[i] = r.getLong();
            v[i] = r.getDouble();
            if (i > 0 && t[i] <= t[i - 1]) {
                throw new CorruptSnapshotException("time_lag: corrupt snapshot (times out of order)");
            }
        }
        r.end();
        // The last bar is the newest kept, pushed onto the bars before it, from which its step popped: a shorter ring
        // before it would have replaceLast drop bars still in the window (shift(close, '2h') read NaN for 5).
        if (st && (ss != total - 1 || popped > ss || t[total - 1] != lt)) {
            throw new CorruptSnapshotException("time_lag: corrupt snapshot (" + total + " bars kept, " + ss
                    + " before the last, which closed at " + t[total - 1] + ", not " + lt + ")");
        }
        times = t;
        values = v;
        savedHead = 0;
        savedSize = ss;
        head = popped;
        size = total - popped;
        lastTime = lt;
        started = st;
    }

    @Override
    public void reset() {
        head = 0;
        size = 0;
        savedHead = 0;
        savedSize = 0;
        lastTime = 0;
        started = false;
    }
}
