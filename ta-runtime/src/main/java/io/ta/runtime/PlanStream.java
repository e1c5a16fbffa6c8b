package io.ta.runtime;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.error.StreamStateException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.exec.ExecNode;
import io.ta.runtime.exec.Fused;
import io.ta.runtime.exec.Program;
import io.ta.runtime.plan.Node;
import io.ta.runtime.plan.Ref;
import io.ta.runtime.time.TimeOperator;
import io.ta.spi.KernelStream;
import io.ta.spi.StateSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A plan run bar by bar for live data: {@link #update} commits a closed bar, {@link #preview} evaluates the forming
 * bar without committing it, {@link #replaceLast} revises the last committed bar, and {@link #snapshot} /
 * {@link #restore} checkpoint the whole plan. It drives the same kernels through the same operators as the block
 * executor ({@link Plan#run}), so every value equals the batch result at that bar exactly. No allocation per bar.
 *
 * <p>A bar is given as one value per {@linkplain #columns() column the plan reads}, in that order.
 */
public final class PlanStream {
    private final Plan plan;
    private final List<Node> nodes;
    private final List<String> columns;
    private final Program program;
    private final KernelStream[] streams;
    private final TimeOperator[] operators;
    /** Every value of the last bar, one slot per node output (nodes in plan order). */
    private final double[] values;
    private final boolean timed;
    /** The number of columns a bar must carry. */
    private final int width;
    /** The first root's slot: {@link #value()}'s. */
    private final int firstRoot;
    private Fused fused;
    private long count;
    private long lastTime;
    /** Whether the last committed bar came with its time (update(time, bar)) rather than a bar number. */
    private boolean lastTimed;
    /** The time of the bar the current values belong to, and whether the caller gave it. */
    private long valueTime;
    private boolean valueTimed;
    /** Why the stream refuses to go on (a bar failed part-way through the plan), or null. */
    private String broken;

    /**
     * A fresh stream of {@code plan}.
     *
     * @throws InvalidParameterException if the plan is null
     */
    public PlanStream(Plan plan) {
        this(plan, true);
    }

    /** A fresh stream; {@code fuse} false interprets the nodes (the compiled code's reference, for tests). */
    PlanStream(Plan plan, boolean fuse) {
        if (plan == null) {
            throw new InvalidParameterException("plan_stream", List.of("plan"), "non-null", "plan_stream: plan must not be null");
        }
        this.plan = plan;
        this.nodes = plan.nodes();
        // Its own copy, handed out as it is: a caller reordering columns() would reorder the bars bar(Map) builds.
        this.columns = List.copyOf(plan.columns());
        this.width = columns.size();
        this.program = Program.of(plan, fuse);
        this.firstRoot = program.rootSlots.length > 0 ? program.rootSlots[0] : -1;
        this.streams = program.newStreams();
        this.operators = program.newOperators();
        this.timed = program.timed();
        this.values = new double[program.slots];
        clearValues();
        this.fused = program.fused(streams);
    }

    /** NaN in every slot but the constants'. */
    private void clearValues() {
        java.util.Arrays.fill(values, Double.NaN);
        for (ExecNode n : program.nodes) {
            if (n instanceof ExecNode.Constant k) {
                values[k.slot()] = k.value();
            }
        }
    }

    /** The columns a bar must carry, in order. */
    public List<String> columns() {
        return columns;
    }

    /** Committed bars. */
    public long count() {
        return count;
    }

    /** Whether every root is past its warm-up ({@code count() > plan.lookback()}). */
    public boolean isReady() {
        return count > plan.lookback();
    }

    /**
     * Commits a closed bar. Its time is its number (0, 1, 2, …), which is all a plan without time-aware nodes or with
     * only counts of bars needs.
     *
     * @throws StreamStateException if the plan reads timestamps ({@code close@1w}, {@code shift(close, '1d')}); use
     *     {@link #update(long, double...)}
     */
    public void update(double... bar) {
        Fused f = fused;
        if (f != null && bar != null && bar.length == width && broken == null) {
            // A compiled plan reads no time (plans with time-aware nodes are not compiled): its bar's time is its
            // number, always after the last. The path a live feed takes every bar, with nothing else on it.
            try {
                f.update(bar, values);
            } catch (RuntimeException e) {
                throw broke(count, e);
            }
            committed(count, false);
            return;
        }
        commit(untimed("update"), bar, false);
    }

    /**
     * Commits a bar that closed at {@code time} (epoch milliseconds, strictly after the previous bar's). Only a plan
     * with time-aware nodes reads the time; for any other it is ignored.
     *
     * @throws ShapeMismatchException if the plan reads time and {@code time} is not after the previous bar's
     */
    public void update(long time, double... bar) {
        timeTakenForValue("update", time, bar);
        commit(time, bar, true);
    }

    private void commit(long time, double[] bar, boolean given) {
        ascending(time, "update");
        accept(time);
        step(time, bar, 0);
        committed(time, given);
    }

    /** Records a committed bar: its time, whether the caller gave it, and one more bar. */
    private void committed(long time, boolean given) {
        lastTime = time;
        lastTimed = given;
        valueTime = time;
        valueTimed = given;
        count++;
    }

    /**
     * Evaluates the forming bar; nothing is committed (read the results with {@link #value}).
     *
     * @throws StreamStateException if the plan reads timestamps; use {@link #preview(long, double...)}
     */
    public void preview(double... bar) {
        Fused f = fused;
        if (f != null && bar != null && bar.length == width && broken == null) {
            // As update's: a compiled plan reads no time.
            try {
                f.preview(bar, values);
            } catch (RuntimeException e) {
                throw broke(count, e);
            }
            previewed(count, false);
            return;
        }
        long time = untimed("preview");
        ascending(time, "preview");
        accept(time);
        step(time, bar, 1);
        previewed(time, false);
    }

    /**
     * Evaluates the forming bar, which will close at {@code time}; nothing is committed.
     *
     * @throws ShapeMismatchException if the plan reads time and {@code time} is not after the last committed bar's
     */
    public void preview(long time, double... bar) {
        timeTakenForValue("preview", time, bar);
        ascending(time, "preview");
        accept(time);
        step(time, bar, 1);
        previewed(time, true);
    }

    /** Records a previewed bar: the values are its, at its time, which the caller gave or not. */
    private void previewed(long time, boolean given) {
        valueTime = time;
        valueTimed = given;
    }

    private long untimed(String call) {
        if (plan.needsTime()) {
            throw new StreamStateException("plan: this plan reads timestamps (timeframes, wall-clock shifts or sessions); call "
                    + call + "(time, bar) with each bar's close time in epoch milliseconds");
        }
        return count;
    }

    /**
     * Every time operator places the bar first (a period ending past the largest timestamp is refused there), so that
     * a bar one of them refuses leaves every node as it was: none has stepped yet.
     */
    private void accept(long time) {
        if (timed) {
            for (TimeOperator op : operators) {
                if (op != null) {
                    op.accept(time);
                }
            }
        }
    }

    private void ascending(long time, String call) {
        if (timed && count > 0 && time <= lastTime) {
            throw new ShapeMismatchException("plan", "plan: " + call + " at " + time + " ms is not after the last committed bar ("
                    + lastTime + " ms); bar times must be strictly ascending");
        }
    }

    /**
     * Replaces the last committed bar.
     *
     * @throws StreamStateException before the first {@link #update}
     */
    public void replaceLast(double... bar) {
        if (count == 0) {
            throw new StreamStateException("plan: replaceLast needs a committed bar; call update first");
        }
        step(lastTime, bar, 2);
        valueTime = lastTime;
        valueTimed = lastTimed;
    }

    /**
     * Whether {@link #time()} is known: the current values belong to a bar given with its close time
     * ({@code update(time, bar)}, {@code preview(time, bar)}, or a {@code replaceLast} of such a bar), or restored
     * from a snapshot of a plan that reads time (its snapshot holds the last bar's time). Not after
     * {@code update(bar)} without a time, nor after restoring a plan that does not read time.
     */
    public boolean hasTime() {
        return valueTimed;
    }

    /**
     * The close time (epoch ms) of the bar the current {@link #value values} belong to: the last committed bar, or
     * the previewed one after {@link #preview(long, double...)} — so a live feed can print time and value without
     * keeping its own copy of the bar.
     *
     * @throws StreamStateException if the time is not known ({@link #hasTime()})
     */
    public long time() {
        if (!valueTimed) {
            throw new StreamStateException(count == 0 ? "plan: no bar yet; call update(time, bar) first"
                    : "plan: the current values carry no time; give each bar's close time with update(time, bar)");
        }
        return valueTime;
    }

    /**
     * Java binds {@code update(3)} and {@code update(100, 101.5)} to the timed overload, the more specific one for an
     * integer first argument, so a bar whose first value is written without {@code .0} loses it to the time: say so
     * where the values are one short, rather than only that the bar is.
     */
    private void timeTakenForValue(String call, long time, double[] bar) {
        if (bar != null && bar.length == width - 1) {
            StringBuilder meant = new StringBuilder(call).append('(').append(time).append(".0");
            for (double v : bar) {
                meant.append(", ").append(v);
            }
            String given = call + "(" + time + (bar.length > 0 ? ", …" : "") + ")";
            throw new ShapeMismatchException("plan", shape(bar) + "; " + given + " takes " + time
                    + " as the bar's close time (epoch ms): if it is the bar's first value, write " + meant + ")");
        }
    }

    private String shape(double[] bar) {
        return "plan: a bar needs " + width + " values (" + String.join(", ", columns) + "), got "
                + (bar == null ? 0 : bar.length);
    }

    private void step(long time, double[] bar, int mode) {
        if (broken != null) {
            throw new StreamStateException(broken);
        }
        if (bar == null || bar.length != width) {
            throw new ShapeMismatchException("plan", shape(bar));
        }
        Fused f = fused;
        try {
            if (f != null) {
                switch (mode) {
                    case 0 -> f.update(bar, values);
                    case 1 -> f.preview(bar, values);
                    default -> f.replaceLast(bar, values);
                }
            } else {
                for (ExecNode n : program.nodes) {
                    n.bar(values, bar, time, streams, operators, mode);
                }
            }
        } catch (RuntimeException e) {
            throw broke(time, e);
        }
    }

    /**
     * Stops the stream after a bar that failed part-way: the nodes before the one that threw took the bar and the
     * rest did not (and a kernel that throws from its step has counted the bar), which is no state of the plan, so it
     * gives no more numbers. Every check a caller can meet runs before the first node ({@link #accept}, the bar's
     * shape, its time's order), so only a kernel that throws from its step (an extension's defect) or a defect of
     * ours gets here.
     */
    private RuntimeException broke(long time, RuntimeException e) {
        broken = "plan: the bar at " + time + " failed part-way through the plan (" + e + "), so the stream no longer "
                + "holds a state of the plan; restore a snapshot or reset it";
        java.util.Arrays.fill(values, Double.NaN);
        return e;
    }

    /**
     * A root's value after the most recent update, preview or replaceLast.
     *
     * @throws UnknownNameException naming the roots that exist
     */
    public double value(String root) {
        Ref r = plan.roots().get(root);
        if (r == null) {
            throw UnknownNameException.result(root, plan.roots().keySet());
        }
        return values[program.slot(r)];
    }

    /** The value of a single-expression plan's root. */
    public double value() {
        return values[firstRoot];
    }

    /** The complete state of every node. */
    public PlanSnapshot snapshot() {
        if (broken != null) {
            throw new StreamStateException(broken);
        }
        List<StateSnapshot> kernels = new ArrayList<>();
        for (Node n : nodes) {
            if (streams[n.id()] != null) {
                kernels.add(streams[n.id()].snapshot());
            }
            if (operators[n.id()] != null) {
                kernels.add(operators[n.id()].snapshot());
            }
        }
        if (timed) {
            kernels.add(new StateSnapshot(CLOCK, CLOCK_SCHEMA, new long[] {lastTime}));
        }
        if (fused != null) {
            // The compiled plan writes only the column and root slots per bar; the rest as the interpreter computes it.
            fused.kernelOutputs(values);
            for (ExecNode n : program.nodes) {
                if (n instanceof ExecNode.Operator o) {
                    values[o.slot()] = o.value(values);
                }
            }
        }
        return new PlanSnapshot(plan.fingerprint(), count, values.clone(), kernels);
    }

    /**
     * Restores a snapshot taken from a stream of the same plan.
     *
     * @throws SnapshotMismatchException if it comes from another plan; this stream is then unchanged
     * @throws CorruptSnapshotException if it does not hold a state this plan can reach (a constant that differs, a
     *     kernel whose bar count is not the plan's, an infinite kernel output, an operator value its inputs do not
     *     give); this stream is then unchanged
     */
    public void restore(PlanSnapshot s) {
        if (s == null) {
            throw new SnapshotMismatchException("plan: snapshot is null");
        }
        if (s.plan() != plan.fingerprint()) {
            throw new SnapshotMismatchException("plan: snapshot was taken from a different plan");
        }
        int expectedValues = 0;
        int expectedKernels = 0;
        for (Node n : nodes) {
            expectedValues += n.outputs();
            expectedKernels += streams[n.id()] != null || operators[n.id()] != null ? 1 : 0;
        }
        expectedKernels += timed ? 1 : 0;
        if (s.values().length != expectedValues || s.kernels().size() != expectedKernels) {
            throw new SnapshotMismatchException("plan: snapshot has " + s.values().length + " values and " + s.kernels().size()
                    + " kernel states, this plan has " + expectedValues + " and " + expectedKernels);
        }
        double[] vs = s.values();
        int v = 0;
        // Kernels emit finite values or NaN, and every operator maps a missing operand and overflow to NaN, so an
        // infinity can only enter through a column (and pass through a time operator); a time operator's infinite value
        // while no column is infinite was forged.
        boolean infiniteColumn = false;
        int infiniteTimed = -1;
        for (Node n : nodes) {
            for (int o = 0; o < n.outputs(); o++, v++) {
                double x = vs[v];
                switch (n) {
                    case Node.Constant k -> {
                        // A NaN's payload is not a value: a constant folded to NaN on this CPU and the NaN of the compiled
                        // plan's constant pool differ in their bits (0xfff8… against 0x7ff8…), not in what they mean.
                        if (Double.doubleToLongBits(x) != Double.doubleToLongBits(k.value())) {
                            throw new CorruptSnapshotException("plan: corrupt snapshot: constant node " + n.id() + " holds " + x
                                    + ", the plan says " + k.value());
                        }
                    }
                    case Node.Kernel kn -> {
                        if (Double.isInfinite(x)) {
                            throw new CorruptSnapshotException("plan: corrupt snapshot: kernel node " + n.id() + " ("
                                    + kn.descriptor().name() + ") holds " + x + " (kernel outputs are finite or NaN)");
                        }
                    }
                    case Node.Column c -> infiniteColumn |= Double.isInfinite(x);
                    case Node.Timed t -> {
                        if (Double.isInfinite(x) && infiniteTimed < 0) {
                            infiniteTimed = n.id();
                        }
                    }
                    case Node.Operator _ -> {
                        // Recomputed from its inputs below.
                    }
                }
            }
        }
        if (infiniteTimed >= 0 && !infiniteColumn) {
            throw new CorruptSnapshotException("plan: corrupt snapshot: node " + infiniteTimed
                    + " holds an infinity, but no input column does (only an infinite input passes through)");
        }
        double[] restored = derive(vs);
        // Restore into fresh streams first so a bad kernel snapshot leaves this stream untouched.
        KernelStream[] fresh = new KernelStream[streams.length];
        TimeOperator[] freshOperators = new TimeOperator[operators.length];
        int k = 0;
        for (Node n : nodes) {
            if (n instanceof Node.Kernel kn) {
                KernelStream f = kn.descriptor().newStream(kn.params());
                f.restore(s.kernels().get(k++));
                if (f.count() != s.count()) {
                    throw new CorruptSnapshotException("plan: corrupt snapshot: kernel " + kn.descriptor().name() + " has seen "
                            + f.count() + " bars, the plan " + s.count());
                }
                fresh[n.id()] = f;
            } else if (n instanceof Node.Timed t) {
                freshOperators[n.id()] = t.spec().newOperator(plan.zone());
                freshOperators[n.id()].restore(s.kernels().get(k++));
            }
        }
        long time = timed ? clock(s.kernels().get(k)) : 0;
        for (TimeOperator op : freshOperators) {
            // Every operator takes every bar, so each one's last time is the plan's clock (none before the first bar).
            if (op != null && op.lastTime() != (s.count() > 0 ? time : Long.MIN_VALUE)) {
                throw new CorruptSnapshotException("plan: corrupt snapshot: the clock says the last bar closed at "
                        + time + ", a time operator at " + op.lastTime());
            }
        }
        Fused rebound = program.fused(fresh);
        for (Node n : nodes) {
            streams[n.id()] = fresh[n.id()];
            operators[n.id()] = freshOperators[n.id()];
        }
        System.arraycopy(restored, 0, values, 0, values.length);
        fused = rebound;
        count = s.count();
        lastTime = time;
        lastTimed = plan.needsTime() && count > 0; // such a plan refuses bars without times, so its clock holds real ones
        valueTime = time;
        valueTimed = lastTimed;
        broken = null;
    }

    /**
     * The snapshot's values with every operator node's value recomputed, in plan order, from the values it reads — the
     * columns of the last bar, the kernels' outputs, constants and operators before it — by the same {@link Ops} calls
     * every execution makes. Only the inputs of the plan and the kernels' outputs are taken from the snapshot: a derived
     * value is never trusted. A stored operator value that differs from its recomputation (any NaN equals any NaN)
     * cannot come from this plan, so the snapshot is refused rather than silently repaired.
     *
     * @throws CorruptSnapshotException naming the first inconsistent node
     */
    private double[] derive(double[] stored) {
        double[] out = stored.clone();
        for (ExecNode n : program.nodes) {
            if (n instanceof ExecNode.Operator o) {
                double x = o.value(out);
                if (Double.compare(x, stored[o.slot()]) != 0) {
                    throw new CorruptSnapshotException("plan: corrupt snapshot: operator node " + nodeAt(o.slot()) + " (" + o.op()
                            + ") holds " + stored[o.slot()] + ", its inputs give " + x);
                }
                out[o.slot()] = x;
            }
        }
        return out;
    }

    /** The id of the node whose outputs start at {@code slot}. */
    private int nodeAt(int slot) {
        int first = 0;
        for (Node n : nodes) {
            if (first == slot) {
                return n.id();
            }
            first += n.outputs();
        }
        return -1;
    }

    /**
     * The stream's own clock, the last committed bar's time, as one more state entry after the nodes' — only in
     * plans with time-aware nodes, so other plans' snapshots are unchanged.
     */
    private static final String CLOCK = "plan_clock";

    private static final long CLOCK_SCHEMA = 0x7461_636c_6f63_6b01L;

    private static long clock(StateSnapshot s) {
        if (!CLOCK.equals(s.kernel()) || s.schema() != CLOCK_SCHEMA || s.words().length != 1) {
            throw new SnapshotMismatchException("plan: snapshot does not match this plan's nodes (no clock entry)");
        }
        return s.words()[0];
    }

    /** Back to the state of a new stream. */
    public void reset() {
        for (Node n : nodes) {
            if (streams[n.id()] != null) {
                streams[n.id()].reset();
            }
            if (operators[n.id()] != null) {
                operators[n.id()].reset();
            }
        }
        clearValues();
        broken = null;
        count = 0;
        lastTime = 0;
        lastTimed = false;
        valueTime = 0;
        valueTimed = false;
    }

    /** Whether this stream runs the plan compiled ({@link FusedCompiler}) rather than interpreted. */
    boolean fused() {
        return fused != null;
    }

    /** The plan this stream runs. */
    public Plan plan() {
        return plan;
    }

    /**
     * Convenience for OHLCV plans: the named bar fields, mapped onto {@link #columns()}.
     *
     * @throws UnknownNameException naming a column the map has no value for
     * @throws ShapeMismatchException if {@code fields} is null
     */
    public double[] bar(Map<String, Double> fields) {
        if (fields == null) {
            throw new ShapeMismatchException("plan", "plan: the bar's fields are null");
        }
        double[] b = new double[columns.size()];
        for (int i = 0; i < b.length; i++) {
            Double v = fields.get(columns.get(i));
            if (v == null) {
                throw new UnknownNameException("column", columns.get(i), null, "plan: the bar has no value for column '" + columns.get(i) + "'");
            }
            b[i] = v;
        }
        return b;
    }
}
