package io.ta.runtime.source;

import io.ta.expr.Expr;
import io.ta.expr.Printer;
import io.ta.runtime.dsl.Parser;
import io.ta.runtime.resample.Resample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One per-bar aggregate of an event source, as an expression names it: {@code trades.count},
 * {@code trades.filter(side == 'buy').sum(amount)}, {@code orderbook.spread}, {@code ETH.trades.vwap}, and another
 * symbol's bar field {@code ETH.close} (the {@link SourceType#BARS} value {@code close} of symbol ETH). Its
 * {@link #column()} is the canonical text, the name under which a plan reads it as a column, so the same aggregate
 * written twice is one column.
 *
 * @param symbol   the instrument, or null for the primary one
 * @param type     the source
 * @param filter   the event filter, or null for every event
 * @param function {@code count}, {@code sum}, {@code avg}, {@code max}, {@code min}, {@code first}, {@code last}, or a
 *                 derived value of the source ({@code vwap}, {@code spread}, …)
 * @param field    the aggregated field's index in the event row, or -1 for {@code count} and derived values
 * @param column   the canonical text
 */
public record Aggregate(String symbol, SourceType type, Filter filter, String function, int field, String column) {

    /** The aggregates over one field, and the spelling {@code mean} for {@code avg}. */
    static final List<String> FUNCTIONS = List.of("sum", "avg", "mean", "max", "min", "first", "last", "count");

    /** Whether {@code e} names an event source or an aggregate of one (so the planner hands it here whole). */
    public static boolean isSource(Expr e) {
        return switch (e) {
            case null -> false;
            case Expr.Output o -> stream(o) || stream(o.of()) || barField(o);
            case Expr.Call c -> c.kernel() != null && (FUNCTIONS.contains(c.kernel()) || c.kernel().equals("filter"))
                    && stream(receiver(c));
            default -> stream(e);
        };
    }

    /**
     * Whether {@code o} is a field of another symbol's bars, {@code ETH.close}: a name (not a source's) qualified by a
     * field of {@link SourceType#BARS}. No other reading of {@code name.close} exists (only a kernel call has outputs).
     */
    private static boolean barField(Expr.Output o) {
        return o.of() instanceof Expr.Name n && n.name() != null && o.name() != null
                && SourceType.BARS.fieldIndex(o.name()) >= 0 && SourceType.find(n.name()) == null;
    }

    /**
     * Whether {@code e} is a stream of events: a source, a symbol's source, or a filtered one. A loop, not a
     * recursion, down a chain of filters: thousands of {@code .filter(…)} calls are as long as the text allows.
     */
    private static boolean stream(Expr e) {
        while (e instanceof Expr.Call c && "filter".equals(c.kernel())) {
            e = receiver(c);
        }
        return switch (e) {
            case null -> false;
            case Expr.Name n -> n.name() != null && SourceType.find(n.name()) != null;
            case Expr.Output o -> o.of() instanceof Expr.Name n && n.name() != null && o.name() != null
                    && SourceType.find(o.name()) != null;
            default -> false;
        };
    }

    private static Expr receiver(Expr.Call c) {
        if (c.args() == null || c.args().isEmpty() || c.args().get(0) == null || c.args().get(0).isKeyword()) {
            return null;
        }
        return c.args().get(0).value();
    }

    /** The events an expression reads before aggregation: symbol, source and filter. */
    private record Stream(String symbol, SourceType type, Filter filter, String text) {}

    /**
     * The aggregate {@code e} names; {@code error} makes the exception for the part at fault.
     */
    public static Aggregate from(Expr e, BiFunction<Expr, String, RuntimeException> error) {
        switch (e) {
            case Expr.Output o when barField(o) -> {
                String symbol = ((Expr.Name) o.of()).name();
                return new Aggregate(symbol, SourceType.BARS, null, o.name(), -1, symbol + "." + o.name());
            }
            case Expr.Output o when stream(o.of()) -> {
                Stream s = stream(o.of(), error);
                if (o.name().equals("count")) {
                    return new Aggregate(s.symbol(), s.type(), s.filter(), "count", -1, s.text() + ".count");
                }
                if (s.type().derived().containsKey(o.name())) {
                    // ETH.bars.close is ETH.close: one spelling, one column
                    String text = s.type() == SourceType.BARS && s.filter() == null ? s.symbol() : s.text();
                    return new Aggregate(s.symbol(), s.type(), s.filter(), o.name(), -1, text + "." + o.name());
                }
                throw error.apply(o, s.type().name() + " has no per-bar value '" + o.name() + "'; write " + s.type().name()
                        + ".count, " + s.type().name() + ".sum(field) (also avg, max, min, first, last)"
                        + (s.type().derived().isEmpty() ? "" : ", or one of " + String.join(", ", s.type().derived().keySet().stream().sorted().toList())));
            }
            case Expr.Call c when FUNCTIONS.contains(c.kernel()) -> {
                Stream s = stream(receiver(c), error);
                String fn = c.kernel().equals("mean") ? "avg" : c.kernel();
                if (fn.equals("count")) {
                    if (c.args().size() != 1) {
                        throw error.apply(c, "count takes no argument: " + s.text() + ".count");
                    }
                    return new Aggregate(s.symbol(), s.type(), s.filter(), "count", -1, s.text() + ".count");
                }
                if (c.args().size() != 2 || c.args().get(1).isKeyword() || !(c.args().get(1).value() instanceof Expr.Name n)) {
                    throw error.apply(c, fn + " of " + s.type().name() + " takes one field: " + s.text() + "." + fn + "("
                            + s.type().fields().get(s.type().fields().size() > 1 ? 1 : 0).name() + ")");
                }
                int i = s.type().fieldIndex(n.name());
                if (i < 0 || s.type().fields().get(i).isText()) {
                    List<String> numbers = s.type().fields().stream().filter(f -> !f.isText()).map(SourceField::name).toList();
                    throw error.apply(n, s.type().name() + (i < 0 ? " has no field '" + n.name() + "'" : "'s field '" + n.name()
                            + "' is text") + "; number fields: " + String.join(", ", numbers));
                }
                return new Aggregate(s.symbol(), s.type(), s.filter(), fn, i, s.text() + "." + fn + "(" + n.name() + ")");
            }
            default -> {
                String name = e instanceof Expr.Name n ? n.name() : Printer.print(e, 60);
                throw error.apply(e, name + " is a source of events, not a series; aggregate it per bar, e.g. " + name + ".count");
            }
        }
    }

    private static Stream stream(Expr e, BiFunction<Expr, String, RuntimeException> error) {
        // The filters of a chain, outermost first; the chain is walked in a loop, as it may be thousands of calls long.
        List<Expr.Call> filters = new ArrayList<>();
        while (e instanceof Expr.Call c && "filter".equals(c.kernel())) {
            filters.add(c);
            e = receiver(c);
        }
        Stream s = switch (e) {
            case Expr.Name n -> {
                SourceType type = SourceType.of(n.name());
                if (type == SourceType.BARS) {
                    throw error.apply(n, "bars are another symbol's: write ETH.bars.count or ETH.close; the primary"
                            + " symbol's bars are the plain columns (close, volume, ...)");
                }
                yield new Stream(null, type, null, n.name());
            }
            case Expr.Output o -> {
                String symbol = ((Expr.Name) o.of()).name();
                yield new Stream(symbol, SourceType.of(o.name()), null, symbol + "." + o.name());
            }
            default -> throw error.apply(e, "expected a source of events (trades, orderbook, liquidations,"
                    + " or a symbol's bars), found " + Printer.print(e, 60));
        };
        if (filters.isEmpty()) {
            return s;
        }
        // All conditions compile as one and-chain, so the filter tests them in a loop, not one call inside another.
        StringBuilder text = new StringBuilder(s.text());
        Expr all = null;
        for (int i = filters.size() - 1; i >= 0; i--) {
            Expr.Call c = filters.get(i);
            if (c.args().size() != 2 || c.args().get(1).isKeyword()) {
                throw error.apply(c, "filter takes one condition: " + text + ".filter("
                        + s.type().fields().get(0).name() + " > 0)");
            }
            Expr cond = c.args().get(1).value();
            text.append(".filter(").append(Printer.print(cond)).append(')');
            all = all == null ? cond : new Expr.Binary(Expr.Op.AND, all, cond);
        }
        return new Stream(s.symbol(), s.type(), Filter.compile(s.type(), all, error), text.toString());
    }

    /**
     * The aggregate a plan column names, or null when the column is not one (an ordinary bar column).
     *
     * @throws io.ta.runtime.dsl.ExpressionException if the column looks like an aggregate but is not a valid one
     */
    public static Aggregate parse(String column) {
        if (column.indexOf('.') < 0) {
            return null;
        }
        Expr e;
        try {
            e = Parser.parse(column);
        } catch (RuntimeException notAnExpression) {
            return null;
        }
        if (!isSource(e) || e instanceof Expr.Name) {
            return null;
        }
        return from(e, (at, why) -> new io.ta.runtime.dsl.BindingException(why, column,
                at.span() == null ? -1 : at.span().start()));
    }

    /**
     * How this aggregate's per-bar values combine into one value of a coarser period ({@code ETH.close@1h},
     * {@code trades.count@1h}), or null when they do not combine into the period's own value: counts and sums add up;
     * a state value (order book, {@code ETH.close}) is its latest. Means do not average into the period's mean, an
     * extreme or first/last of an empty bar is NaN, and another symbol's open/high/low/volume would mix in values
     * carried over its missing bars, so those are refused rather than misread.
     */
    public Resample.Agg onTimeframe() {
        if (function.equals("count") || function.equals("sum")) {
            return Resample.Agg.SUM;
        }
        SourceType.Derived d = field < 0 ? type.derived().get(function) : null;
        if (d == null || d.mode() != SourceType.Mode.STATE) {
            return null;
        }
        return type != SourceType.BARS || function.equals("close") ? Resample.Agg.LAST : null;
    }

    /** A fresh accumulator computing this aggregate bar after bar. */
    public Accumulator accumulator() {
        return new Accumulator(this);
    }
}
