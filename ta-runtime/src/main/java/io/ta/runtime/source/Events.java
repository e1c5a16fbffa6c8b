package io.ta.runtime.source;

import io.ta.error.ShapeMismatchException;
import java.util.Arrays;

/**
 * The events of one source for one symbol, in arrival order: a time (epoch ms) and one {@code double} per schema
 * field (a text field holds its code in the field's vocabulary, NaN when missing).
 */
public final class Events {
    private final SourceType type;
    private final long[] time;
    private final double[] rows;
    private final int size;

    private Events(SourceType type, long[] time, double[] rows, int size) {
        this.type = type;
        this.time = time;
        this.rows = rows;
        this.size = size;
    }

    /** Starts a list of events of {@code type}. */
    public static Builder builder(SourceType type) {
        return new Builder(type);
    }

    /** The source type. */
    public SourceType type() {
        return type;
    }

    /** The number of events. */
    public int size() {
        return size;
    }

    /** The time of event {@code i}. */
    public long time(int i) {
        return time[i];
    }

    /** Copies the fields of event {@code i} into {@code row} (length: the schema's field count). */
    public void row(int i, double[] row) {
        System.arraycopy(rows, i * row.length, row, 0, row.length);
    }

    /** Collects events; arrays grow by doubling, so adding is amortized O(1). */
    public static final class Builder {
        private final SourceType type;
        private final int width;
        private long[] time = new long[64];
        private double[] rows;
        private int size;

        private Builder(SourceType type) {
            this.type = type;
            this.width = type.fields().size();
            this.rows = new double[64 * width];
        }

        /**
         * Adds an event.
         *
         * @throws ShapeMismatchException unless {@code fields} has one value per schema field
         */
        public Builder add(long epochMillis, double... fields) {
            if (fields.length != width) {
                throw new ShapeMismatchException(type.name(), type.name() + ": an event has " + width + " fields ("
                        + String.join(", ", type.fieldNames()) + "), got " + fields.length);
            }
            if (size == time.length) {
                time = Arrays.copyOf(time, size * 2);
                rows = Arrays.copyOf(rows, size * 2 * width);
            }
            time[size] = epochMillis;
            System.arraycopy(fields, 0, rows, size * width, width);
            size++;
            return this;
        }

        /** The events added so far. */
        public Events build() {
            return new Events(type, Arrays.copyOf(time, size), Arrays.copyOf(rows, size * width), size);
        }
    }
}
