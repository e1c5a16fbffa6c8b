package io.ta.flink;

import io.ta.runtime.PlanStream;

/**
 * The state of one key (instrument): its live plan stream and the timestamp of the last committed bar. This is the
 * value of the operator's keyed {@code ValueState}, written by {@link PlanStateSerializer} as the plan snapshot bytes
 * plus that timestamp, so Flink checkpoints, rescales and restores it like any keyed state.
 *
 * <p>Mutable and confined to the task thread; Flink's heap state backend keeps it as a live object between records
 * (copying it only when a checkpoint in flight still needs the old version — the checkpoint thread may then serialize
 * it while the task thread copies it, which is safe because both only take snapshots), a serializing backend such as
 * RocksDB reads and writes its bytes on every access.
 */
public final class PlanState {
    private final CompiledPlan plan;
    private final PlanStream stream;
    private long lastTime;

    PlanState(CompiledPlan plan, PlanStream stream) {
        this(plan, stream, Long.MIN_VALUE);
    }

    PlanState(CompiledPlan plan, PlanStream stream, long lastTime) {
        this.plan = plan;
        this.stream = stream;
        this.lastTime = lastTime;
    }

    /** Closed bars committed so far (revisions do not count). */
    public long count() {
        return stream.count();
    }

    /** The timestamp of the last committed bar; meaningless while {@link #count()} is 0. */
    public long lastTime() {
        return lastTime;
    }

    /** Commits a closed bar, given as the plan's columns. */
    void update(long time, double[] row) {
        stream.update(time, row);
        lastTime = time;
    }

    /** Revises the last committed bar. */
    void replaceLast(double[] row) {
        stream.replaceLast(row);
    }

    /** Evaluates a forming bar that will close at {@code time}; nothing is committed. */
    void preview(long time, double[] row) {
        stream.preview(time, row);
    }

    /** The roots' values after the most recent update, replaceLast or preview, in {@link PlanSpec#names()} order. */
    double[] values() {
        double[] out = new double[plan.names().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = stream.value(plan.names().get(i));
        }
        return out;
    }

    /** The plan snapshot in its portable encoding (opaque here: versioned and checked by the runtime). */
    byte[] snapshotBytes() {
        return stream.snapshot().toBytes();
    }

    /** An independent copy with the same state. */
    PlanState copy() {
        PlanStream s = new PlanStream(stream.plan());
        s.restore(stream.snapshot());
        return new PlanState(plan, s, lastTime);
    }

    CompiledPlan plan() {
        return plan;
    }
}
