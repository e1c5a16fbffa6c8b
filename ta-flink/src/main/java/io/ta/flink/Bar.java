package io.ta.flink;

import io.ta.error.InvalidParameterException;
import java.util.List;

/**
 * One bar of one instrument, as it flows through a Flink job: the symbol, the moment its values became final (epoch
 * milliseconds, the bar's close — the same convention as {@code io.ta.runtime.Bars}), OHLCV, and whether it is still
 * forming.
 *
 * <p>A <em>closed</em> bar ({@code forming == false}) is committed to the plan; a second closed bar with the same
 * timestamp revises it. A <em>forming</em> bar is the current state of a bar that has not closed yet (a tick of the
 * live period); it is evaluated with {@code preview} and never committed. A missing value is NaN (or ±Infinity), which
 * the kernels treat as missing (docs/spec.md §5.2). See {@code docs/flink.md} for the event-time policy.
 *
 * <p>A Java record, so Flink serializes it with its POJO serializer (no Kryo).
 *
 * @param symbol  the instrument; the default key of {@link TaFlink#evaluate}
 * @param time    epoch milliseconds at which the bar closes
 * @param open    opening price
 * @param high    highest price
 * @param low     lowest price
 * @param close   closing (or, while forming, latest) price
 * @param volume  traded volume
 * @param forming true for a tick of a bar that has not closed yet
 */
public record Bar(String symbol, long time, double open, double high, double low, double close, double volume, boolean forming) {
    /** The columns a bar carries, in the order of {@link #column(int)}: what a plan run on bars may read. */
    public static final List<String> COLUMNS = List.of("open", "high", "low", "close", "volume");

    /**
     * Checks the symbol: it names the bar's results and is the default key, which Flink cannot hash when null.
     *
     * @throws InvalidParameterException if {@code symbol} is null
     */
    public Bar {
        if (symbol == null) {
            throw new InvalidParameterException("bar", List.of("symbol"), "non-null", "bar: symbol must not be null");
        }
    }

    /** A closed OHLCV bar. */
    public static Bar of(String symbol, long time, double open, double high, double low, double close, double volume) {
        return new Bar(symbol, time, open, high, low, close, volume, false);
    }

    /** A closed bar known only by its close: open, high, low and volume are missing (NaN). */
    public static Bar ofClose(String symbol, long time, double close) {
        return new Bar(symbol, time, Double.NaN, Double.NaN, Double.NaN, close, Double.NaN, false);
    }

    /** This bar as a tick of a period that has not closed yet. */
    public Bar asForming() {
        return new Bar(symbol, time, open, high, low, close, volume, true);
    }

    /** This bar as closed. */
    public Bar asClosed() {
        return new Bar(symbol, time, open, high, low, close, volume, false);
    }

    /**
     * The value of column {@code i} of {@link #COLUMNS}.
     *
     * @throws IndexOutOfBoundsException outside 0..4; callers map plan columns once, when the plan is compiled
     */
    public double column(int i) {
        return switch (i) {
            case 0 -> open;
            case 1 -> high;
            case 2 -> low;
            case 3 -> close;
            case 4 -> volume;
            default -> throw new IndexOutOfBoundsException("a bar has 5 columns, no column " + i);
        };
    }
}
