package io.ta.runtime.source;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The events of one source for one symbol, in arrival order: a time (epoch ms) and one {@code double} per schema
 * field (a text field holds its code in the field's vocabulary, NaN when missing; any other number is refused).
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

    /**
     * The most events of {@code width} fields one list holds: their fields share one array, whose length a Java
     * array caps a little below 2³¹.
     */
    static int max(int width) {
        return (Integer.MAX_VALUE - 16) / Math.max(1, width);
    }

    /** Starts a list of events of {@code type}. */
    public static Builder builder(SourceType type) {
        if (type == null) {
            throw new InvalidParameterException("events", List.of("type"), "a source type",
                    "events: the source type must not be null (SourceType.TRADES, SourceType.ORDERBOOK, ...)");
        }
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

    /**
     * The time of event {@code i}.
     *
     * @throws ShapeMismatchException if there is no event {@code i}
     */
    public long time(int i) {
        event(i);
        return time[i];
    }

    /**
     * Copies the fields of event {@code i} into {@code row} (length: the schema's field count).
     *
     * @throws ShapeMismatchException if there is no event {@code i}, or {@code row} is null or of another length
     */
    public void row(int i, double[] row) {
        event(i);
        int width = type.fields().size();
        if (row == null || row.length != width) {
            // A shorter row was filled from the wrong offset: another event's fields, silently.
            throw new ShapeMismatchException(type.name(), type.name() + ": a row has " + width + " fields ("
                    + String.join(", ", type.fieldNames()) + "), got " + (row == null ? "null" : row.length));
        }
        System.arraycopy(rows, i * width, row, 0, width);
    }

    private void event(int i) {
        if (i < 0 || i >= size) {
            throw new ShapeMismatchException(type.name(), type.name() + ": event " + i
                    + " is outside the list (events 0 to " + (size - 1) + ", size " + size + ")");
        }
    }

    /**
     * Refuses a text field of {@code fields} that is neither missing (NaN) nor a code of its vocabulary: a filter
     * compares codes, so {@code side != 'buy'} would count a side of 0.5 or 7, which is no side at all.
     */
    static void checkText(SourceType type, String source, double[] fields, int[] codes) {
        for (int k = 0; k < codes.length; k += 2) {
            double v = fields[codes[k]];
            if (v == v && !(v >= 0 && v < codes[k + 1] && v == Math.rint(v))) {
                throw notACode(type, source, codes[k], v);
            }
        }
    }

    /**
     * The text fields of {@code type} among {@code read} (null: all), each as its index and the size of its
     * vocabulary: worked out once per list or stream, so that an event's check reads those fields and nothing else.
     * A stream checks only the text fields its plan reads: a code no aggregate reads changes no number.
     */
    static int[] codes(SourceType type, Set<String> read) {
        int[] codes = new int[0];
        for (int i = 0; i < type.fields().size(); i++) {
            SourceField f = type.fields().get(i);
            if (f.isText() && (read == null || read.contains(f.name()))) {
                codes = Arrays.copyOf(codes, codes.length + 2);
                codes[codes.length - 2] = i;
                codes[codes.length - 1] = f.values().size();
            }
        }
        return codes;
    }

    private static ShapeMismatchException notACode(SourceType type, String source, int i, double v) {
        SourceField f = type.fields().get(i);
        StringBuilder codes = new StringBuilder();
        for (int c = 0; c < f.values().size(); c++) {
            codes.append(c == 0 ? "" : ", ").append(c).append(" for '").append(f.values().get(c)).append('\'');
        }
        return new ShapeMismatchException(source, source + ": field '" + f.name() + "' is text, so its value is "
                + codes + ", or NaN when missing; got " + v);
    }

    /** Collects events; arrays grow by doubling, so adding is amortized O(1). */
    public static final class Builder {
        private final SourceType type;
        private final int width;
        private final int[] codes;
        private long[] time = new long[64];
        private double[] rows;
        private int size;

        private Builder(SourceType type) {
            this.type = type;
            this.width = type.fields().size();
            this.rows = new double[64 * width];
            this.codes = codes(type, null);
        }

        /**
         * Adds an event.
         *
         * @throws ShapeMismatchException unless {@code fields} has one value per schema field, when a text field
         *     holds neither NaN nor the code of one of its texts, or when the list already holds the most events one
         *     array of their fields can (about 429 million trades)
         */
        public Builder add(long epochMillis, double... fields) {
            if (fields == null || fields.length != width) {
                throw new ShapeMismatchException(type.name(), type.name() + ": an event has " + width + " fields ("
                        + String.join(", ", type.fieldNames()) + "), got " + (fields == null ? "null" : fields.length));
            }
            checkText(type, type.name(), fields, codes);
            if (size == time.length) {
                grow();
            }
            time[size] = epochMillis;
            System.arraycopy(fields, 0, rows, size * width, width);
            size++;
            return this;
        }

        /** Doubles the room, up to the most events one array of their fields can hold. */
        private void grow() {
            int most = max(width);
            if (size >= most) {
                throw new ShapeMismatchException(type.name(), type.name() + ": at most " + most + " events of "
                        + width + " fields fit in one list; split the events by time (a list per day or per symbol)");
            }
            int room = (int) Math.min(most, 2L * size);
            time = Arrays.copyOf(time, room);
            rows = Arrays.copyOf(rows, room * width);
        }

        /** The events added so far. */
        public Events build() {
            return new Events(type, Arrays.copyOf(time, size), Arrays.copyOf(rows, size * width), size);
        }
    }
}
