package io.ta.runtime.source;

import io.ta.error.CorruptSnapshotException;
import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.StreamStateException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.Plan;
import io.ta.runtime.PlanSnapshot;
import io.ta.runtime.PlanStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A plan run bar by bar on bars and interleaved events: {@link #event} adds an event to the open bar of its source,
 * {@link #update} closes the bar — every aggregate yields its value — and advances the plan. Given the events of each
 * bar in the same order, it computes exactly what {@link Sources#attach} and a batch run compute. An event at or
 * before the last closed bar's time is refused: a closed bar never changes. A bar is refused, and the stream left as
 * it was with its events still in the open bar, when its time is not after the last bar's or before one of its
 * events (that event belongs to a later bar, and the bar would show it before its time), or when the plan refuses
 * it.
 */
public final class SourceStream {
    private final PlanStream stream;
    private final List<String> barColumns = new ArrayList<>();
    private final int[] barSlot;
    private final int[] aggSlot;
    private final Accumulator[] accumulators;
    /** Each source the plan reads, by key: one lookup per event. */
    private final Map<String, Source> bySource = new HashMap<>();

    /** A source's aggregates (indices into the accumulators), its type and its fields' {@link Events#codes}. */
    private record Source(int[] targets, SourceType type, int[] codes) {}
    private final double[] row;
    private long last = Long.MIN_VALUE;
    /** Whether a bar has closed: {@link #last} is its time. */
    private boolean closed;

    /** A stream of {@code plan}. */
    public SourceStream(Plan plan) {
        if (plan == null) {
            throw new InvalidParameterException("source_stream", List.of("plan"), "non-null",
                    "source_stream: plan must not be null");
        }
        this.stream = plan.stream();
        List<String> columns = stream.columns();
        List<Integer> bars = new ArrayList<>();
        List<Integer> aggs = new ArrayList<>();
        List<Accumulator> acc = new ArrayList<>();
        Map<String, List<Integer>> by = new HashMap<>();
        Map<String, SourceType> types = new HashMap<>();
        Map<String, Set<String>> read = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            Aggregate a = Aggregate.parse(columns.get(i));
            if (a == null) {
                barColumns.add(columns.get(i));
                bars.add(i);
            } else {
                String key = Sources.key(a.symbol(), a.type());
                by.computeIfAbsent(key, k -> new ArrayList<>()).add(acc.size());
                types.put(key, a.type());
                Requirements.fieldsRead(a, read.computeIfAbsent(key, k -> new HashSet<>()));
                aggs.add(i);
                acc.add(a.accumulator());
            }
        }
        barSlot = bars.stream().mapToInt(Integer::intValue).toArray();
        aggSlot = aggs.stream().mapToInt(Integer::intValue).toArray();
        accumulators = acc.toArray(Accumulator[]::new);
        by.forEach((k, v) -> bySource.put(k, new Source(v.stream().mapToInt(Integer::intValue).toArray(),
                types.get(k), Events.codes(types.get(k), read.get(k)))));
        row = new double[columns.size()];
    }

    /** The bar columns {@link #update} takes, in order (the plan's columns that are not aggregates). */
    public List<String> barColumns() {
        return List.copyOf(barColumns);
    }

    /** The sources this stream aggregates, by {@link Sources#key}. */
    public List<String> sources() {
        return List.copyOf(bySource.keySet());
    }

    /**
     * Adds an event of {@code source} ({@code trades}, {@code BTC.trades}) to the open bar.
     *
     * @throws StreamStateException if the event is not after the last closed bar
     * @throws UnknownNameException if the plan reads no such source (its events would be silently lost)
     * @throws ShapeMismatchException unless there is one value per field, a text field's the code of one of its texts
     *     or NaN
     */
    public void event(String source, long time, double... fields) {
        Source from = source == null ? null : bySource.get(source);
        if (from == null) {
            throw new UnknownNameException("source", source, null, "the plan reads no " + source + " events; it reads: "
                    + (bySource.isEmpty() ? "none" : String.join(", ", bySource.keySet())));
        }
        SourceType type = from.type();
        if (fields == null || fields.length != type.fields().size()) {
            throw new ShapeMismatchException(source, source + ": an event has " + type.fields().size() + " fields ("
                    + String.join(", ", type.fieldNames()) + "), got " + (fields == null ? 0 : fields.length));
        }
        Events.checkText(type, source, fields, from.codes());
        if (closed && time <= last) {
            throw new StreamStateException(source + " event at " + time + " is not after the last closed bar (" + last
                    + "); a closed bar never changes");
        }
        for (int a : from.targets()) {
            accumulators[a].add(time, fields);
        }
    }

    /**
     * Closes the bar at {@code time} with the values of {@link #barColumns()} and advances the plan.
     *
     * @throws StreamStateException if {@code time} is not after the last bar's, or is before an event of the open bar;
     *     the stream is then unchanged
     * @throws ShapeMismatchException if the bar does not have one value per bar column, or the plan refuses the bar;
     *     the stream is then unchanged
     */
    public void update(long time, double... bar) {
        if (bar == null || bar.length != barSlot.length) {
            throw new ShapeMismatchException("stream", "a bar has " + barSlot.length + " values (" + String.join(", ", barColumns)
                    + "), got " + (bar == null ? 0 : bar.length));
        }
        if (closed && time <= last) {
            throw new StreamStateException("a bar at " + time + " is not after the last closed bar (" + last
                    + "); bar times must be strictly ascending");
        }
        for (Accumulator a : accumulators) {
            if (a.latest() > time) {
                throw new StreamStateException("the bar closing at " + time + " holds an event at " + a.latest()
                        + ", which belongs to a later bar; close each bar at or after its events' times");
            }
        }
        for (int i = 0; i < barSlot.length; i++) {
            row[barSlot[i]] = bar[i];
        }
        for (int i = 0; i < aggSlot.length; i++) {
            row[aggSlot[i]] = accumulators[i].value();
        }
        stream.update(time, row); // a bar it refuses leaves it as it was, so the open bar stays open
        for (Accumulator a : accumulators) {
            a.open();
        }
        last = time;
        closed = true;
    }

    /** The plan's value of {@code root} at the last closed bar. */
    public double value(String root) {
        return stream.value(root);
    }

    /** The single root's value at the last closed bar. */
    public double value() {
        return stream.value();
    }

    /** The state of the plan and of every open bar's aggregates. */
    public Snapshot snapshot() {
        double[][] acc = new double[accumulators.length][];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = accumulators[i].state();
        }
        return new Snapshot(stream.snapshot(), acc, last);
    }

    /** Restores a {@link #snapshot()} of a stream of the same plan. */
    public void restore(Snapshot s) {
        if (s == null) {
            throw new io.ta.error.SnapshotMismatchException("source_stream: snapshot is null");
        }
        if (s.accumulators() == null || s.accumulators().length != accumulators.length) {
            throw new io.ta.error.SnapshotMismatchException("source_stream: the snapshot holds "
                    + (s.accumulators() == null ? "no" : s.accumulators().length)
                    + " aggregates; this plan has " + accumulators.length);
        }
        for (double[] a : s.accumulators()) {
            Accumulator.check(a); // all before any, so that a refused snapshot leaves this stream as it was
        }
        clock(s);
        stream.restore(s.plan());
        for (int i = 0; i < accumulators.length; i++) {
            accumulators[i].restore(s.accumulators()[i]);
        }
        last = s.last();
        closed = stream.count() > 0;
    }

    /**
     * Refuses a last-bar time no stream of this plan holds with its snapshot's other parts: one set before any bar
     * closed, one the plan's own clock contradicts (plans with time-aware nodes keep one), or an open bar's event at or
     * before it. Set back, it let in an event of a bar that had closed (`a closed bar never changes`), and the next
     * bar aggregated it.
     */
    private static void clock(Snapshot s) {
        PlanSnapshot plan = s.plan();
        if (plan == null) {
            return; // the plan stream refuses it, typed
        }
        String last = " the last closed bar's time is " + s.last();
        if (plan.count() == 0 && s.last() != Long.MIN_VALUE) {
            throw new CorruptSnapshotException("source_stream: corrupt snapshot: no bar has closed, yet" + last);
        }
        List<io.ta.spi.StateSnapshot> states = plan.kernels();
        io.ta.spi.StateSnapshot clock = states.isEmpty() ? null : states.get(states.size() - 1);
        if (plan.count() > 0 && clock != null && clock.kernel().equals("plan_clock") && clock.words().length == 1
                && clock.words()[0] != s.last()) {
            throw new CorruptSnapshotException("source_stream: corrupt snapshot:" + last + ", the plan's clock says "
                    + clock.words()[0]);
        }
        for (double[] a : s.accumulators()) {
            long latest = Accumulator.latest(a);
            if (plan.count() > 0 && latest != Long.MIN_VALUE && latest <= s.last()) {
                throw new CorruptSnapshotException("source_stream: corrupt snapshot: the open bar holds an event at "
                        + latest + ", but" + last + " (its events come after it)");
            }
        }
    }

    /**
     * A snapshot of a {@link SourceStream}.
     *
     * @param plan        the plan stream's snapshot
     * @param accumulators each aggregate's open-bar state
     * @param last        the last closed bar's time
     */
    public record Snapshot(PlanSnapshot plan, double[][] accumulators, long last) {
        /** A snapshot value; it keeps its own copy of the aggregates' states, so it never changes. */
        public Snapshot {
            accumulators = copy(accumulators);
        }

        @Override
        public double[][] accumulators() {
            return copy(accumulators);
        }

        private static double[][] copy(double[][] a) {
            if (a == null) {
                return null;
            }
            double[][] c = a.clone();
            for (int i = 0; i < c.length; i++) {
                c[i] = c[i] == null ? null : c[i].clone();
            }
            return c;
        }

        /** Equal to a snapshot of the same plan state, aggregate states and last time (by content). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Snapshot s && Objects.equals(s.plan, plan)
                    && Arrays.deepEquals(s.accumulators, accumulators) && s.last == last;
        }

        @Override
        public int hashCode() {
            return (Objects.hashCode(plan) * 31 + Arrays.deepHashCode(accumulators)) * 31
                    + Long.hashCode(last);
        }

        @Override
        public String toString() {
            return "SourceStream.Snapshot[plan=" + plan + ", accumulators=" + Arrays.deepToString(accumulators)
                    + ", last=" + last + "]";
        }
    }
}
