package io.ta.runtime.source;

import java.util.List;

/**
 * One field of an event schema besides its time: a number, or a text from a fixed vocabulary (stored as its index in
 * {@code values}, so an event is a primitive row and a filter on it compares numbers).
 *
 * @param name   the field's name in expressions and CSV headers
 * @param values the allowed texts of a text field; empty for a number field
 */
public record SourceField(String name, List<String> values) {
    /** Copies the vocabulary. */
    public SourceField {
        values = List.copyOf(values);
    }

    /** A number field. */
    public static SourceField number(String name) {
        return new SourceField(name, List.of());
    }

    /** A text field taking one of {@code values}. */
    public static SourceField text(String name, String... values) {
        return new SourceField(name, List.of(values));
    }

    /** Whether this field holds text. */
    public boolean isText() {
        return !values.isEmpty();
    }

    /** The code of {@code text} in this field's vocabulary, or -1. */
    public int code(String text) {
        return values.indexOf(text);
    }
}
