package io.ta.runtime;

import io.ta.error.ShapeMismatchException;
import io.ta.error.UnknownNameException;
import io.ta.spi.Names;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar history: optional timestamps ({@code long} epoch milliseconds, strictly ascending, each marking the moment
 * the bar closed) and named columns of equal length ({@code open high low close volume}, or any other name). A
 * close-only history is fine; kernels that need a missing column fail naming it.
 *
 * <p>A value, like {@link Series}: two histories are equal when their timestamps and their columns (names in order,
 * values by content) are, and {@code toString} prints each column's last values, not the arrays' identities.
 */
public final class Bars {
    /** The standard bar fields, in the order bar inputs are usually listed. */
    public static final List<String> FIELDS = io.ta.expr.LanguageNames.BAR_FIELDS;

    private final long[] time;
    private final Map<String, double[]> columns;
    private final int length;

    private Bars(long[] time, Map<String, double[]> columns, int length) {
        this.time = time;
        this.columns = columns;
        this.length = length;
    }

    /** Starts a history of {@code length} bars. */
    public static Builder builder() {
        return new Builder();
    }

    /** OHLCV bars with timestamps (any array may be {@code null} when the data lacks it). */
    public static Bars ohlcv(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume) {
        Builder b = builder().time(time);
        b.column("open", open).column("high", high).column("low", low).column("close", close).column("volume", volume);
        return b.build();
    }

    public int length() {
        return length;
    }

    /** Whether bars carry timestamps. */
    public boolean hasTime() {
        return time != null;
    }

    /**
     * Timestamp of bar {@code i} (epoch ms); the bar index when the history has no timestamps.
     *
     * @throws ShapeMismatchException if {@code i} is not a bar of this history
     */
    public long time(int i) {
        if (i < 0 || i >= length) {
            throw new ShapeMismatchException("bars", "bars: bar " + i + " is outside the history (length " + length + ")");
        }
        return time == null ? i : time[i];
    }

    /** A copy of the timestamps, or {@code null}. */
    public long[] times() {
        return time == null ? null : time.clone();
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** Column names, in insertion order. */
    public List<String> columns() {
        return List.copyOf(columns.keySet());
    }

    /**
     * The column called {@code name}, without copying (do not mutate it).
     *
     * @throws UnknownNameException naming the columns that exist
     */
    public double[] column(String name) {
        double[] c = columns.get(name);
        if (c == null) {
            String near = Names.closest(name, columns.keySet());
            throw new UnknownNameException("column", name, near, "bars have no column '" + name + "'" + Names.hint(near)
                    + "; columns: " + String.join(", ", columns.keySet()));
        }
        return c;
    }

    /** The column as a series. */
    public Series series(String name) {
        return Series.wrap(column(name), time);
    }

    /**
     * Equal to a history with the same timestamps (or none) and the same columns in the same order, each with the same
     * values; values compare as {@link Series} compares them ({@link Double#equals}: NaN equals NaN, 0.0 is not -0.0).
     */
    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        if (!(o instanceof Bars b) || b.length != length || b.columns.size() != columns.size()
                || !Arrays.equals(b.time, time)) {
            return false;
        }
        Iterator<Map.Entry<String, double[]>> other = b.columns.entrySet().iterator();
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            Map.Entry<String, double[]> x = other.next();
            if (!x.getKey().equals(e.getKey()) || !Arrays.equals(x.getValue(), e.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Arrays.hashCode(time);
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            h = (h * 31 + e.getKey().hashCode()) * 31 + Arrays.hashCode(e.getValue());
        }
        return h;
    }

    /** The length and each column as {@link Series#toString()} prints it: its last few values, whatever the length. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Bars[").append(length).append(" bars")
                .append(time == null ? "" : " with times").append(", {");
        for (Map.Entry<String, double[]> e : columns.entrySet()) {
            sb.append(sb.charAt(sb.length() - 1) == '{' ? "" : ", ").append(e.getKey()).append('=')
                    .append(Series.wrap(e.getValue()));
        }
        return sb.append("}]").toString();
    }

    /** Builds a {@link Bars}, checking lengths and timestamp order. */
    public static final class Builder {
        private long[] time;
        private final Map<String, double[]> columns = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Sets the timestamps (epoch ms, strictly ascending; null for none). {@link #build} copies them, so the
         * order it checks holds whatever the caller does with its array afterwards; the columns, which hold most of
         * a history's memory, are kept by reference (see {@link #column}).
         */
        public Builder time(long[] epochMillis) {
            this.time = epochMillis;
            return this;
        }

        /**
         * Adds a column (ignored if {@code values} is null). The bars keep this array, not a copy: do not change it
         * after {@link #build}, or the history changes with it.
         *
         * @throws ShapeMismatchException if {@code name} is null
         */
        public Builder column(String name, double[] values) {
            if (name == null) {
                throw new ShapeMismatchException("bars", "bars: a column has no name (null)");
            }
            if (values != null) {
                columns.put(name, values);
            }
            return this;
        }

        /**
         * @throws ShapeMismatchException if lengths differ or timestamps are not strictly ascending
         */
        public Bars build() {
            // Checked and kept as a copy: a caller reusing its array would otherwise unorder the timestamps unchecked.
            long[] time = this.time == null ? null : this.time.clone();
            int n = -1;
            StringBuilder lengths = new StringBuilder();
            boolean ragged = false;
            if (time != null) {
                n = time.length;
                lengths.append("time=").append(time.length);
            }
            for (Map.Entry<String, double[]> e : columns.entrySet()) {
                if (n >= 0 && e.getValue().length != n) {
                    ragged = true;
                }
                n = n < 0 ? e.getValue().length : n;
                lengths.append(lengths.isEmpty() ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().length);
            }
            if (ragged) {
                throw new ShapeMismatchException("bars", "bars: column lengths differ: " + lengths);
            }
            if (time != null) {
                for (int i = 1; i < time.length; i++) {
                    if (time[i] <= time[i - 1]) {
                        throw new ShapeMismatchException("bars",
                                "bars: timestamps must be strictly ascending, but bar " + i + " (" + time[i] + ") is not after bar "
                                        + (i - 1) + " (" + time[i - 1] + ")");
                    }
                }
            }
            return new Bars(time, new LinkedHashMap<>(columns), Math.max(n, 0));
        }
    }
}
