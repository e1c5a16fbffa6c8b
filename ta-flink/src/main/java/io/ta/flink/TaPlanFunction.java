package io.ta.flink;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Runs one compiled plan per key over a keyed stream of {@link Bar}s and emits the plan's outputs per bar as a
 * {@link TaResult} carrying the bar's timestamp. Use it as {@code bars.keyBy(Bar::symbol).process(new
 * TaPlanFunction<>(spec))}, or through {@link TaFlink#evaluate}.
 *
 * <p><b>State.</b> Per key, the plan's complete state is one {@code ValueState<PlanState>} written by
 * {@link PlanStateSerializer} (the plan snapshot bytes and the last committed timestamp), so Flink checkpoints,
 * rescales and restores it. Under {@link Ordering#EVENT_TIME} two more keyed states hold what the watermark has not
 * released yet: closed bars by timestamp ({@code MapState<Long, Bar>}) and the newest forming bar. The compiled plan is
 * transient: built once per operator instance in {@link #open}.
 *
 * <p><b>Event time</b> ({@link Ordering#EVENT_TIME}, the default). A closed bar newer than the watermark is buffered
 * until the watermark passes it, then committed in timestamp order; a second closed bar with the same timestamp
 * replaces the buffered one (the latest arrival wins). A closed bar whose timestamp equals the last committed one is a
 * revision: {@code replaceLast}, emitted as {@link TaResult.Kind#REVISION}. A closed bar at or behind the watermark but
 * newer than the last committed one reorders nothing (every buffered bar is newer than the watermark) and is committed
 * at once. A bar older than the last committed one is late: it goes to {@link TaFlink#LATE} — never silently dropped,
 * never reordering history.
 *
 * <p><b>Forming bars</b> ({@link Bar#forming()}) are previewed ({@link TaResult.Kind#PREVIEW}), never committed or
 * stored as plan state. A forming bar is evaluated as soon as no closed bar is waiting for the watermark; while one is,
 * the newest forming bar is held and evaluated once they are committed — unless a closed bar at or after its timestamp
 * was committed meanwhile, which supersedes it (counted in the {@code supersededPreviews} metric). A forming bar not
 * newer than the last committed bar is late.
 *
 * <p><b>Time-aware plans</b> (timeframes, sessions, wall-clock lags) read each committed or previewed bar's own
 * {@link Bar#time()}, never the watermark or processing time, so their values equal the batch plan's; the watermark
 * only decides when a bar is committed. A coarse period's value appears with the key's first bar at or after the
 * period's end, as in batch; the forming period, sessions so far and lag windows live in the plan snapshot, so a
 * restore in the middle of a period continues it. See {@code docs/flink.md}, "Time in Flink".
 *
 * <p><b>Arrival order</b> ({@link Ordering#ARRIVAL}): for feeds already in order per key (a message queue partitioned
 * by symbol), bars are applied as they arrive with no buffering and no watermark needed; the revision and late rules
 * are the same. Resuming an {@code EVENT_TIME} run's state, the bars it left waiting are committed first, in order.
 *
 * <p>A bar whose time the plan refuses (a timeframe's or session's period ending past the largest timestamp) goes to
 * {@link TaFlink#REFUSED} and changes nothing.
 *
 * <p>Metrics (operator scope): {@code lateBars}, {@code revisions}, {@code previews}, {@code supersededPreviews},
 * {@code refusedBars}.
 *
 * @param <K> the key type
 */
public final class TaPlanFunction<K> extends KeyedProcessFunction<K, Bar, TaResult> implements ResultTypeQueryable<TaResult> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** How bars of one key are put in order before they reach the plan. */
    public enum Ordering {
        /** Buffer closed bars until the watermark passes them, then commit them in timestamp order. */
        EVENT_TIME,
        /** Apply bars in arrival order; the feed is in order per key. */
        ARRIVAL
    }

    private final PlanSpec spec;
    private final Ordering ordering;

    private transient CompiledPlan plan;
    private transient double[] row;
    private transient ValueState<PlanState> planState;
    private transient MapState<Long, Bar> pending;
    private transient ValueState<Bar> heldForming;
    private transient Counter lateBars;
    private transient Counter revisions;
    private transient Counter previews;
    private transient Counter supersededPreviews;
    private transient Counter refusedBars;

    /** Evaluates {@code spec} in event-time order. */
    public TaPlanFunction(PlanSpec spec) {
        this(spec, Ordering.EVENT_TIME);
    }

    /**
     * Evaluates {@code spec} with the given ordering.
     *
     * @throws InvalidParameterException if an argument is null
     */
    public TaPlanFunction(PlanSpec spec, Ordering ordering) {
        if (spec == null || ordering == null) {
            throw new InvalidParameterException("ta_flink", List.of(spec == null ? "spec" : "ordering"), "non-null",
                    "ta_flink: " + (spec == null ? "spec" : "ordering") + " must not be null");
        }
        this.spec = spec;
        this.ordering = ordering;
    }

    /** The plan this function evaluates; {@link PlanSpec#names()} is the order of {@link TaResult#values()}. */
    public PlanSpec spec() {
        return spec;
    }

    /** How bars are ordered before they reach the plan. */
    public Ordering ordering() {
        return ordering;
    }

    @Override
    public TypeInformation<TaResult> getProducedType() {
        return TypeInformation.of(TaResult.class);
    }

    @Override
    public void open(OpenContext context) {
        plan = spec.compiled();
        row = new double[plan.columnCount()];
        planState = getRuntimeContext().getState(new ValueStateDescriptor<>("ta-plan", new PlanStateSerializer(spec)));
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("ta-pending", Types.LONG, TypeInformation.of(Bar.class)));
        heldForming = getRuntimeContext().getState(new ValueStateDescriptor<>("ta-forming", TypeInformation.of(Bar.class)));
        var metrics = getRuntimeContext().getMetricGroup();
        lateBars = metrics.counter("lateBars");
        revisions = metrics.counter("revisions");
        previews = metrics.counter("previews");
        supersededPreviews = metrics.counter("supersededPreviews");
        refusedBars = metrics.counter("refusedBars");
    }

    @Override
    public void processElement(Bar bar, Context ctx, Collector<TaResult> out) throws Exception {
        long t = bar.time();
        if (ordering == Ordering.ARRIVAL && !pending.isEmpty()) {
            // Left by an EVENT_TIME run whose state this one resumed: those bars arrived before this one.
            releaseWaiting(ctx, out);
        }
        PlanState st = planState.value();
        boolean any = st != null && st.count() > 0;
        long last = any ? st.lastTime() : Long.MIN_VALUE;
        if (any && (t < last || t == last && bar.forming())) {
            lateBars.inc();
            ctx.output(TaFlink.LATE, bar);
            return;
        }
        if (bar.forming()) {
            if (ordering == Ordering.EVENT_TIME && !pending.isEmpty()) {
                heldForming.update(bar);
            } else {
                preview(st == null ? plan.newState() : st, bar, ctx, out);
            }
            return;
        }
        if (any && t == last) {
            plan.columns(bar, row);
            st.replaceLast(row);
            planState.update(st);
            revisions.inc();
            out.collect(new TaResult(bar.symbol(), t, TaResult.Kind.REVISION, st.values()));
            return;
        }
        if (ordering == Ordering.ARRIVAL) {
            commit(st == null ? plan.newState() : st, bar, ctx, out);
            return;
        }
        if (t <= ctx.timerService().currentWatermark()) {
            releaseHeld(commit(st == null ? plan.newState() : st, bar, ctx, out), ctx, out);
            return;
        }
        // A timer per timestamp: registering one that exists is a no-op, and the buffered bar is simply replaced.
        ctx.timerService().registerEventTimeTimer(t);
        pending.put(t, bar);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TaResult> out) throws Exception {
        release(timestamp, ctx, out);
    }

    /** Commits the bar waiting for {@code timestamp}, if one still is, as the watermark passing it does. */
    private void release(long timestamp, Context ctx, Collector<TaResult> out) throws Exception {
        Bar bar = pending.get(timestamp);
        if (bar == null) {
            return;
        }
        pending.remove(timestamp);
        PlanState st = planState.value();
        releaseHeld(commit(st == null ? plan.newState() : st, bar, ctx, out), ctx, out);
    }

    /**
     * Commits every bar waiting for the watermark, in timestamp order, as if it had passed them all; their timers then
     * find nothing. Only an ARRIVAL run meets waiting bars: an EVENT_TIME run's, restored from its checkpoint.
     */
    private void releaseWaiting(Context ctx, Collector<TaResult> out) throws Exception {
        List<Long> times = new ArrayList<>();
        for (Long t : pending.keys()) {
            times.add(t);
        }
        Collections.sort(times);
        for (long t : times) {
            release(t, ctx, out);
        }
    }

    /** Commits a closed bar newer than the last one, unless the plan refuses it; returns the key's state. */
    private PlanState commit(PlanState st, Bar bar, Context ctx, Collector<TaResult> out) throws Exception {
        plan.columns(bar, row);
        try {
            st.update(bar.time(), row);
        } catch (ShapeMismatchException e) {
            refuse(bar, ctx);
            return st;
        }
        planState.update(st);
        out.collect(new TaResult(bar.symbol(), bar.time(), TaResult.Kind.BAR, st.values()));
        return st;
    }

    /** After a commit: releases a held forming bar once no closed bar waits, or retires it if its period closed. */
    private void releaseHeld(PlanState st, Context ctx, Collector<TaResult> out) throws Exception {
        Bar f = heldForming.value();
        if (f != null) {
            if (st.count() > 0 && f.time() <= st.lastTime()) {
                heldForming.clear();
                supersededPreviews.inc();
            } else if (pending.isEmpty()) {
                heldForming.clear();
                preview(st, f, ctx, out);
            }
        }
    }

    private void preview(PlanState st, Bar bar, Context ctx, Collector<TaResult> out) {
        plan.columns(bar, row);
        try {
            st.preview(bar.time(), row);
        } catch (ShapeMismatchException e) {
            refuse(bar, ctx);
            return;
        }
        previews.inc();
        out.collect(new TaResult(bar.symbol(), bar.time(), TaResult.Kind.PREVIEW, st.values()));
    }

    /**
     * A bar whose time the plan refuses (a period of a timeframe or session that would end past the largest
     * timestamp, within a period of Long.MAX_VALUE) before any node steps it, so the key's state is
     * as it was. Failing the task would fail it again on every replay of the bar.
     */
    private void refuse(Bar bar, Context ctx) {
        refusedBars.inc();
        ctx.output(TaFlink.REFUSED, bar);
    }
}
