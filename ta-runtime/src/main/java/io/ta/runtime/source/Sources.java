package io.ta.runtime.source;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.Bars;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The batch side of sources: computes the aggregate columns a plan reads from events and adds them to the bars.
 *
 * <p>Bars are stamped with their close, so bar {@code i} holds the events with time in {@code (t[i-1], t[i]]}: an
 * event exactly on a boundary belongs to the bar that closes then. The first bar's open is unknown, so it holds every
 * event up to its close; events after the last bar's close belong to no bar yet and are ignored. Within a bar events
 * are taken in the given (arrival) order, whatever their times.
 */
public final class Sources {
    private Sources() {}

    /**
     * The key of a source in the map of events: {@code trades}, or {@code BTC.trades} for another symbol.
     *
     * @throws InvalidParameterException if {@code type} is null
     */
    public static String key(String symbol, SourceType type) {
        if (type == null) {
            throw new InvalidParameterException("sources", List.of("type"), "a source type",
                    "sources: the source type must not be null (SourceType.TRADES, SourceType.ORDERBOOK, ...)");
        }
        return symbol == null ? type.name() : symbol + "." + type.name();
    }

    /**
     * The aggregates among {@code columns} (a plan's columns), in order.
     *
     * @throws ShapeMismatchException if {@code columns} is null
     */
    public static List<Aggregate> aggregates(List<String> columns) {
        if (columns == null) {
            throw new ShapeMismatchException("sources", "sources: the columns must not be null");
        }
        List<Aggregate> out = new ArrayList<>();
        for (String c : columns) {
            Aggregate a = Aggregate.parse(c);
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * {@code bars} with one more column per aggregate in {@code columns}, computed from {@code events} (by
     * {@link #key}).
     *
     * @throws ShapeMismatchException if the bars have no timestamps, or a source's events are null
     * @throws UnknownNameException   if a column reads a source no events were given for
     */
    public static Bars attach(Bars bars, Map<String, Events> events, List<String> columns) {
        if (bars == null || events == null || columns == null) {
            throw new ShapeMismatchException("sources", "sources: the " + (bars == null ? "bars" : events == null
                    ? "events" : "columns") + " must not be null (no events: an empty map)");
        }
        List<Aggregate> aggregates = aggregates(columns);
        if (aggregates.isEmpty()) {
            return bars;
        }
        if (!bars.hasTime()) {
            throw new ShapeMismatchException("sources", "sources: aggregating events onto bars needs bar timestamps");
        }
        long[] t = bars.times();
        Bars.Builder b = Bars.builder().time(t);
        for (String c : bars.columns()) {
            b.column(c, bars.column(c));
        }
        // One pass over each source's events computes all its aggregates: reading an event is most of the cost.
        Map<Events, List<Aggregate>> bySource = new java.util.IdentityHashMap<>();
        for (Aggregate a : aggregates) {
            bySource.computeIfAbsent(events(events, a), x -> new ArrayList<>()).add(a);
        }
        Map<Aggregate, double[]> computed = new java.util.IdentityHashMap<>();
        for (Map.Entry<Events, List<Aggregate>> s : bySource.entrySet()) {
            List<Aggregate> as = s.getValue();
            double[][] vs = values(as, s.getKey(), Grid.of(s.getKey(), t));
            for (int i = 0; i < vs.length; i++) {
                computed.put(as.get(i), vs[i]);
            }
        }
        for (Aggregate a : aggregates) {
            b.column(a.column(), computed.get(a));
        }
        return b.build();
    }

    static Events events(Map<String, Events> events, Aggregate a) {
        String key = key(a.symbol(), a.type());
        Events e = events.get(key);
        if (e == null && events.containsKey(key)) {
            throw new ShapeMismatchException("sources", "sources: the " + key + " events are null (no events: an empty "
                    + "list, Events.builder(type).build())");
        }
        if (e == null) {
            throw new UnknownNameException("source", key, null, "the plan reads " + a.column() + " but no " + key
                    + " events were given; given: " + (events.isEmpty() ? "none" : String.join(", ", events.keySet())));
        }
        if (e.type() != a.type()) {
            throw new ShapeMismatchException("sources", "events given as " + key + " are " + e.type().name());
        }
        return e;
    }

    /**
     * The events of each bar, in arrival order: bar {@code i} holds events {@code order[start[i]..start[i+1])}, or
     * events {@code start[i]..start[i+1]} themselves when {@code order} is null. Computed once per source and shared by
     * its aggregates. Events that arrive in bar order (the usual feed) need no permutation: that case allocates one
     * array of the bars' length, where the stable counting sort by bar for the others allocates two of the events'.
     */
    private record Grid(int[] order, int[] start) {
        static Grid of(Events e, long[] t) {
            int n = t.length;
            int m = e.size();
            int[] start = new int[n + 2];
            int guess = 0;
            int previous = 0;
            boolean inOrder = true;
            for (int i = 0; i < m; i++) {
                guess = bar(t, e.time(i), guess);
                start[guess + 1]++;
                inOrder &= guess >= previous;
                previous = guess;
            }
            for (int i = 1; i < start.length; i++) {
                start[i] += start[i - 1];
            }
            if (inOrder) {
                return new Grid(null, start);
            }
            int[] order = new int[m];
            int[] next = start.clone();
            guess = 0;
            for (int i = 0; i < m; i++) {
                guess = bar(t, e.time(i), guess);
                order[next[guess]++] = i;
            }
            return new Grid(order, start);
        }

        /** The bar of an event at {@code time}, given the previous event's: events mostly arrive in bar order. */
        private static int bar(long[] t, long time, int guess) {
            int n = t.length;
            if (guess < n && time <= t[guess] && (guess == 0 || time > t[guess - 1])) {
                return guess;
            }
            if (guess + 1 < n && time > t[guess] && time <= t[guess + 1]) {
                return guess + 1;
            }
            return barOf(t, time);
        }
    }

    /** The per-bar values of each of {@code as} (aggregates of the events {@code e}) over the bars of {@code g}. */
    static double[][] values(List<Aggregate> as, Events e, Grid g) {
        int n = g.start().length - 2;
        int[] order = g.order();
        int[] start = g.start();
        int m = as.size();
        Accumulator[] acc = new Accumulator[m];
        double[][] out = new double[m][n];
        for (int j = 0; j < m; j++) {
            acc[j] = as.get(j).accumulator();
        }
        double[] row = new double[e.type().fields().size()];
        for (int i = 0; i < n; i++) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                int event = order == null ? k : order[k];
                e.row(event, row);
                long time = e.time(event);
                for (Accumulator a : acc) {
                    a.add(time, row);
                }
            }
            for (int j = 0; j < m; j++) {
                out[j][i] = acc[j].close();
            }
        }
        return out;
    }

    /** The bar holding an event at {@code time}: the first bar closing at or after it; {@code t.length} if none. */
    private static int barOf(long[] t, long time) {
        int lo = 0;
        int hi = t.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
