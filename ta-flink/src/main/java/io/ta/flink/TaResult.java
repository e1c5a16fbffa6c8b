package io.ta.flink;

import io.ta.error.InvalidParameterException;
import java.util.Arrays;
import java.util.List;

/**
 * The plan's outputs for one bar of one instrument.
 *
 * <p>{@code values} holds one value per plan root, in the order of {@link PlanSpec#names()} (the order the expressions
 * were given in); NaN during warm-up or where an input was missing, conditions as 1.0/0.0. {@code time} is the time of
 * the bar the values describe — authoritative even where Flink's record timestamp differs (a preview released by a
 * timer carries the timer's timestamp).
 *
 * @param symbol the bar's symbol
 * @param time   the bar's timestamp (epoch milliseconds)
 * @param kind   whether this is a committed bar, a revision of the last one, or a preview of a forming bar
 * @param values one value per root, in {@link PlanSpec#names()} order
 */
public record TaResult(String symbol, long time, Kind kind, double[] values) {
    /** What produced a result. */
    public enum Kind {
        /** A closed bar, committed to the plan's state. */
        BAR,
        /**
         * A closed bar with the timestamp of the last committed one, applied with {@code replaceLast}: it supersedes the
         * earlier result for the same {@code time}.
         */
        REVISION,
        /** A forming bar evaluated with {@code preview}; nothing was committed. */
        PREVIEW
    }

    /**
     * Copies {@code values}, so a result is a value.
     *
     * @throws InvalidParameterException if {@code values} or {@code kind} is null
     */
    public TaResult {
        if (values == null || kind == null) {
            String what = values == null ? "values" : "kind";
            throw new InvalidParameterException("ta_result", List.of(what), "non-null", "ta_result: " + what + " must not be null");
        }
        values = values.clone();
    }

    /** A copy of the values, one per root. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /**
     * The value of root {@code i} (in {@link PlanSpec#names()} order), without copying.
     *
     * @throws IndexOutOfBoundsException if the plan has no root {@code i}
     */
    public double value(int i) {
        return values[i];
    }

    /** The number of values (the plan's roots). */
    public int size() {
        return values.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaResult r && time == r.time && kind == r.kind && java.util.Objects.equals(symbol, r.symbol)
                && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return (java.util.Objects.hash(symbol, time, kind) * 31) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "TaResult[" + symbol + ", " + time + ", " + kind + ", " + Arrays.toString(values) + "]";
    }
}
