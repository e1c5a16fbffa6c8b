package io.ta.runtime.source;

import io.ta.error.UnknownNameException;
import io.ta.spi.Means;
import io.ta.spi.Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.ToDoubleFunction;

/**
 * A kind of event source and its schema, declared once: the fields every event carries (besides its time) and the
 * derived per-bar values the source offers beyond the generic aggregates. New source types are found through the
 * {@link Provider} service, as kernel libraries are.
 *
 * @param name    the name expressions use ({@code trades})
 * @param fields  the event fields, in CSV and row order
 * @param derived the named per-bar values ({@code vwap}, {@code spread}), by name
 */
public record SourceType(String name, List<SourceField> fields, Map<String, Derived> derived) {

    /** Copies the schema. */
    public SourceType {
        fields = List.copyOf(fields);
        derived = Map.copyOf(derived);
    }

    /**
     * A derived per-bar value, computed from each event row.
     *
     * @param mode  how the per-event values become one value per bar
     * @param value the per-event value (a row holds the fields in declared order)
     * @param weight the per-event weight of a {@link Mode#WEIGHTED_MEAN}; null otherwise
     */
    public record Derived(Mode mode, ToDoubleFunction<double[]> value, ToDoubleFunction<double[]> weight) {}

    /** How a derived value reduces a bar's events. */
    public enum Mode {
        /** Σ(value·weight) / Σweight over the bar's events; NaN for a bar without events (or zero total weight). */
        WEIGHTED_MEAN,
        /**
         * The value of the latest event up to the bar's close (latest by time; a tie goes to the later arrival), carried
         * into bars without events: a snapshot describes a state that holds until the next one.
         */
        STATE
    }

    /** Supplies source types beyond the built-in ones (a {@link ServiceLoader} service). */
    public interface Provider {
        /** The source types this provider declares. */
        List<SourceType> sourceTypes();
    }

    /** Trades: price, amount (base units) and aggressor side. */
    public static final SourceType TRADES = new SourceType("trades",
            List.of(SourceField.number("price"), SourceField.number("amount"), SourceField.text("side", "buy", "sell")),
            Map.of("vwap", new Derived(Mode.WEIGHTED_MEAN, r -> r[0], r -> r[1])));

    /** Order-book snapshots: best bid and ask and their sizes. */
    public static final SourceType ORDERBOOK = new SourceType("orderbook",
            List.of(SourceField.number("bid"), SourceField.number("ask"), SourceField.number("bid_size"),
                    SourceField.number("ask_size")),
            Map.of("mid", new Derived(Mode.STATE, r -> mid(r[0], r[1]), null),
                    "spread", new Derived(Mode.STATE, r -> r[1] - r[0], null),
                    "spread_bps", new Derived(Mode.STATE, r -> spreadBps(r[0], r[1]), null),
                    "imbalance", new Derived(Mode.STATE, r -> share(r[2], r[3]), null)));

    /** Forced liquidations: side of the liquidated position, price, amount. */
    public static final SourceType LIQUIDATIONS = new SourceType("liquidations",
            List.of(SourceField.text("side", "buy", "sell"), SourceField.number("price"), SourceField.number("amount")),
            Map.of());

    /**
     * Another symbol's bars, each an event stamped with its close: {@code ETH.close} is the close of ETH's latest bar
     * closing at or before the primary bar's close, carried over primary bars in which ETH has no bar (a bar, like a
     * snapshot, describes a state that holds until the next one). Only another symbol's bars are a source: the primary
     * symbol's bars are the plan's columns.
     */
    public static final SourceType BARS = new SourceType("bars",
            List.of(SourceField.number("open"), SourceField.number("high"), SourceField.number("low"),
                    SourceField.number("close"), SourceField.number("volume")),
            Map.of("open", new Derived(Mode.STATE, r -> r[0], null),
                    "high", new Derived(Mode.STATE, r -> r[1], null),
                    "low", new Derived(Mode.STATE, r -> r[2], null),
                    "close", new Derived(Mode.STATE, r -> r[3], null),
                    "volume", new Derived(Mode.STATE, r -> r[4], null)));

    private static final class Known {
        static final Map<String, SourceType> ALL = load();

        private static Map<String, SourceType> load() {
            Map<String, SourceType> all = new LinkedHashMap<>();
            for (SourceType t : List.of(TRADES, ORDERBOOK, LIQUIDATIONS, BARS)) {
                all.put(t.name(), t);
            }
            for (Provider p : ServiceLoader.load(Provider.class)) {
                for (SourceType t : p.sourceTypes()) {
                    all.putIfAbsent(t.name(), t);
                }
            }
            return Map.copyOf(all);
        }
    }

    /** The source type named {@code name}, or null. */
    public static SourceType find(String name) {
        return Known.ALL.get(name);
    }

    /**
     * The source type named {@code name}.
     *
     * @throws UnknownNameException naming the closest known source
     */
    public static SourceType of(String name) {
        SourceType t = find(name);
        if (t == null) {
            String near = Names.closest(name, new ArrayList<>(Known.ALL.keySet()));
            throw new UnknownNameException("source", name, near, "unknown source '" + name + "'" + Names.hint(near)
                    + "; sources: " + String.join(", ", Known.ALL.keySet()));
        }
        return t;
    }

    /** The index of field {@code name} in an event row, or -1. */
    public int fieldIndex(String name) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The field names, in row order. */
    public List<String> fieldNames() {
        return fields.stream().map(SourceField::name).toList();
    }

    // Each of the three below is the bits a wider exponent gives, also where a sum or difference of two finite
    // values passes the largest double (a bad tick near it): then it is taken on halves, which is exact, where
    // (a + b) / 2 read infinite and a ratio to it 0.

    /** (bid + ask) / 2: the kernels' median price, {@link Means#mean(double, double)}. */
    private static double mid(double bid, double ask) {
        return Means.mean(bid, ask);
    }

    /** (ask − bid) / mid · 10 000. */
    private static double spreadBps(double bid, double ask) {
        double spread = ask - bid;
        if (Double.isInfinite(spread) && Double.isFinite(bid) && Double.isFinite(ask)) {
            return (ask * 0.5 - bid * 0.5) / mid(bid, ask) * 20_000;
        }
        return spread / mid(bid, ask) * 10_000;
    }

    /** a / (a + b). */
    private static double share(double a, double b) {
        double s = a + b;
        return Double.isInfinite(s) && Double.isFinite(a) && Double.isFinite(b) ? a * 0.5 / (a * 0.5 + b * 0.5) : a / s;
    }
}
