package io.ta.runtime.source;

import io.ta.error.InvalidParameterException;
import io.ta.runtime.plan.Node;
import io.ta.runtime.plan.PlanGraph;
import io.ta.runtime.plan.Ref;
import io.ta.runtime.time.TimeSpec;
import io.ta.runtime.time.Timeframe;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a plan needs from the outside, so a caller fetches only that: the bar columns, the event sources with the
 * fields read from each, the other symbols, the timeframes, and the history — in bars (one more than the warm-up, to
 * get one valid value) and, where a wall-clock lag or a timeframe sets it, as a duration.
 *
 * @param columns        bar columns read, sorted
 * @param sources        event sources by {@link Sources#key}, each with the fields it reads, sorted
 * @param symbols        symbols besides the primary one, sorted
 * @param timeframes     timeframes the plan resamples to, sorted by text
 * @param historyBars    bars of history for the first valid value of every result
 * @param historyMillis  at least this much wall-clock history before the first of the {@code historyBars} (lags;
 *                       timeframes × their inner warm-up, months as 31 days; adding up along a chain), 0 when no node
 *                       reads by time
 */
public record Requirements(List<String> columns, Map<String, List<String>> sources, List<String> symbols,
        List<String> timeframes, long historyBars, long historyMillis) {

    /**
     * Copies the lists and the map, keeping their order ({@link #of} gives them sorted).
     *
     * @throws InvalidParameterException if a list, the map, or a name or list in them is null
     */
    public Requirements {
        columns = names("columns", columns);
        if (sources == null) {
            throw missing("sources");
        }
        // Not Map.copyOf: its iteration order changes from one JVM to the next, and the sources are documented sorted.
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : sources.entrySet()) {
            if (e.getKey() == null) {
                throw missing("a source's key");
            }
            fields.put(e.getKey(), names("the fields of " + e.getKey(), e.getValue()));
        }
        sources = Collections.unmodifiableMap(fields);
        symbols = names("symbols", symbols);
        timeframes = names("timeframes", timeframes);
    }

    private static List<String> names(String what, List<String> names) {
        if (names == null || names.stream().anyMatch(java.util.Objects::isNull)) {
            throw missing(what);
        }
        return List.copyOf(names);
    }

    private static InvalidParameterException missing(String what) {
        return new InvalidParameterException("requirements", List.of(), "non-null",
                "requirements: " + what + " must not be null (empty when there are none)");
    }

    private static final long DAY = 86_400_000L;

    /**
     * The requirements of {@code plan}.
     *
     * @throws InvalidParameterException if {@code plan} is null
     */
    public static Requirements of(PlanGraph plan) {
        if (plan == null) {
            throw new InvalidParameterException("requirements", List.of("plan"), "non-null",
                    "requirements: plan must not be null");
        }
        TreeSet<String> columns = new TreeSet<>();
        TreeMap<String, TreeSet<String>> sources = new TreeMap<>();
        TreeSet<String> symbols = new TreeSet<>();
        TreeSet<String> timeframes = new TreeSet<>();
        List<PlanGraph> todo = new ArrayList<>(List.of(plan));
        while (!todo.isEmpty()) {
            PlanGraph p = todo.removeLast();
            for (Node n : p.nodes()) {
                if (n instanceof Node.Column c) {
                    Aggregate a = Aggregate.parse(c.name());
                    if (a == null) {
                        if (!c.name().startsWith("$")) {
                            columns.add(c.name());
                        }
                        continue;
                    }
                    fieldsRead(a, sources.computeIfAbsent(Sources.key(a.symbol(), a.type()), k -> new TreeSet<>()));
                    if (a.symbol() != null) {
                        symbols.add(a.symbol());
                    }
                } else if (n instanceof Node.Timed t && t.spec() instanceof TimeSpec.Frame f) {
                    timeframes.add(f.timeframe().toString());
                    todo.add(f.inner());
                }
            }
        }
        Map<String, List<String>> src = new TreeMap<>();
        sources.forEach((k, v) -> src.put(k, List.copyOf(v)));
        return new Requirements(List.copyOf(columns), src, List.copyOf(symbols), List.copyOf(timeframes), plan.lookback() + 1L,
                duration(plan));
    }

    /**
     * The wall-clock history a value of {@code plan} reads, along its longest chain: durations on one chain add up, as
     * the value a lag reads a day back needed its own history then ({@code change(close@1d, '1d')}: a day's bars, then
     * a day more), where the largest single one read NaN there. Kernels' warm-ups are bars, counted apart.
     */
    private static long duration(PlanGraph plan) {
        long[] need = new long[plan.nodes().stream().mapToInt(Node::id).max().orElse(-1) + 1];
        long most = 0;
        for (Node n : plan.nodes()) {
            long before = 0;
            for (Ref in : n.inputs()) {
                before = Math.max(before, need[in.node().id()]);
            }
            long own = n instanceof Node.Timed t ? switch (t.spec()) {
                // Each closed period the inner plan warms up over, and a lag inside it lands up to a period before the
                // duration it asks: the coarse bar at or before it closed anywhere in the period before.
                case TimeSpec.Frame f -> {
                    long inner = duration(f.inner());
                    yield add(saturate(upperBound(f.timeframe()), f.inner().lookback() + 1L),
                            inner == 0 ? 0 : add(inner, upperBound(f.timeframe())));
                }
                case TimeSpec.Lag l -> l.millis();
                case TimeSpec.Session s -> upperBound(s.timeframe());
            } : 0;
            need[n.id()] = add(before, own);
            most = Math.max(most, need[n.id()]);
        }
        return most;
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /** Adds the fields of its source that {@code a} reads: the one it aggregates, a derived value's, its filter's. */
    static void fieldsRead(Aggregate a, Set<String> into) {
        if (a.field() >= 0) {
            into.add(a.type().fields().get(a.field()).name());
        }
        into.addAll(derivedFields(a));
        filterFields(a.type(), a.filter(), into);
    }

    /**
     * The fields a derived value reads: the field it is named after ({@code ETH.close} reads close), else every numeric
     * field of its source (other derived values are opaque functions).
     */
    private static List<String> derivedFields(Aggregate a) {
        if (a.field() >= 0 || a.function().equals("count")) {
            return List.of();
        }
        if (a.type().fieldIndex(a.function()) >= 0) {
            return List.of(a.function());
        }
        return a.type().fields().stream().filter(f -> !f.isText()).map(SourceField::name).toList();
    }

    /** The fields {@code f} reads; a work list, as a chain of conditions is as long as the expression. */
    private static void filterFields(SourceType type, Filter f, Set<String> into) {
        ArrayDeque<Filter> open = new ArrayDeque<>();
        if (f != null) {
            open.push(f);
        }
        while (!open.isEmpty()) {
            switch (open.pop()) {
                case Filter.Compare c -> into.add(type.fields().get(c.field()).name());
                case Filter.And a -> {
                    open.push(a.b());
                    open.push(a.a());
                }
                case Filter.Or o -> {
                    open.push(o.b());
                    open.push(o.a());
                }
                case Filter.Not n -> open.push(n.a());
                case Filter.Always a -> { }
            }
        }
    }

    private static long upperBound(Timeframe tf) {
        return switch (tf.kind()) {
            case BARS -> 0;
            case FIXED -> tf.size();
            case DAY -> tf.size() * (DAY + 3_600_000L); // a DST day can be 25 hours
            case WEEK -> tf.size() * 7 * DAY + 3_600_000L;
            case MONTH -> tf.size() * 31 * DAY + 3_600_000L;
        };
    }

    private static long saturate(long a, long b) {
        long r = a * b;
        return a != 0 && r / a != b ? Long.MAX_VALUE : r;
    }

    /** A few lines for people: what to fetch. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append("columns:    ").append(columns.isEmpty() ? "-" : String.join(", ", columns)).append('\n');
        s.append("sources:    ");
        if (sources.isEmpty()) {
            s.append('-');
        } else {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(sources).forEach((k, v) -> parts.add(k + (v.isEmpty() ? "" : " (" + String.join(", ", v) + ")")));
            s.append(String.join("; ", parts));
        }
        s.append('\n');
        s.append("symbols:    primary").append(symbols.isEmpty() ? "" : ", " + String.join(", ", symbols)).append('\n');
        s.append("timeframes: base").append(timeframes.isEmpty() ? "" : ", " + String.join(", ", timeframes)).append('\n');
        s.append("history:    ").append(historyBars).append(" bars");
        if (historyMillis > 0) {
            s.append(", at least ").append(duration(historyMillis));
        }
        return s.append('\n').toString();
    }

    /** {@code 105d15h}, {@code 24h}, {@code 90m}: days, hours, minutes, seconds, milliseconds that are not zero. */
    private static String duration(long ms) {
        if (ms == Long.MAX_VALUE) {
            return "forever";
        }
        long[] units = {DAY, 3_600_000L, 60_000L, 1000L, 1L};
        String[] names = {"d", "h", "m", "s", "ms"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < units.length; i++) {
            if (ms >= units[i]) {
                s.append(ms / units[i]).append(names[i]);
                ms %= units[i];
            }
        }
        return s.toString();
    }
}
