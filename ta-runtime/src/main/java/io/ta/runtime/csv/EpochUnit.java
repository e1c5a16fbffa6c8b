package io.ta.runtime.csv;

import io.ta.error.UnknownNameException;
import io.ta.spi.Names;
import java.util.Arrays;
import java.util.List;

/**
 * The unit of an epoch-number time cell. Without one, {@link CsvReader} infers it from the magnitude (see
 * {@link CsvOptions#epochUnit}).
 */
public enum EpochUnit {
    /** Seconds since 1970-01-01T00:00:00Z. */
    SECONDS("s", 1000, 1),
    /** Milliseconds, the unit of {@link io.ta.runtime.Bars} timestamps. */
    MILLISECONDS("ms", 1, 1),
    /** Microseconds; floored to milliseconds. */
    MICROSECONDS("us", 1, 1000),
    /** Nanoseconds; floored to milliseconds. */
    NANOSECONDS("ns", 1, 1_000_000);

    private final String symbol;
    private final long multiply;
    private final long divide;

    EpochUnit(String symbol, long multiply, long divide) {
        this.symbol = symbol;
        this.multiply = multiply;
        this.divide = divide;
    }

    /** The short name: {@code s}, {@code ms}, {@code us} or {@code ns}. */
    public String symbol() {
        return symbol;
    }

    /**
     * The unit called {@code s}, {@code ms}, {@code us} or {@code ns}.
     *
     * @throws UnknownNameException for any other text
     */
    public static EpochUnit of(String symbol) {
        for (EpochUnit u : values()) {
            if (u.symbol.equals(symbol)) {
                return u;
            }
        }
        List<String> known = Arrays.stream(values()).map(EpochUnit::symbol).toList();
        String near = symbol == null ? null : Names.closest(symbol, known);
        throw new UnknownNameException("time unit", String.valueOf(symbol), near,
                "unknown time unit '" + symbol + "'" + Names.hint(near) + "; units: " + String.join(", ", known));
    }

    /** {@code value} in this unit as epoch milliseconds (floored), or {@link Long#MIN_VALUE} when it overflows. */
    long toMillis(long value) {
        return toMillis(value, false);
    }

    /**
     * {@code value} in this unit as epoch milliseconds, floored or rounded {@code up}, or {@link Long#MIN_VALUE} when
     * it overflows.
     */
    long toMillis(long value, boolean up) {
        if (multiply != 1) {
            long hi = Math.multiplyHigh(value, multiply);
            long lo = value * multiply;
            return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? lo : Long.MIN_VALUE;
        }
        return up ? Math.ceilDiv(value, divide) : Math.floorDiv(value, divide);
    }

    /** Whether the unit is finer than a millisecond, so converting floors (and may make two times equal). */
    boolean finerThanMillis() {
        return divide > 1;
    }
}
