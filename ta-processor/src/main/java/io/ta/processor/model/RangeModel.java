package io.ta.processor.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declared range of a mutable state field ({@code @Range}): each bound as a Java {@code double} expression over
 * the kernel instance {@code k} (or the kernel class, for a constant), or null when unbounded.
 *
 * @param min lower bound expression, or null
 * @param max upper bound expression, or null
 * @param nan whether NaN is a legal value
 */
public record RangeModel(String min, String max, boolean nan) {
    private static final Pattern BOUND = Pattern.compile(
            "\\s*(?:(-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?)|([A-Za-z_$][\\w$]*)(?:\\s*([+-])\\s*(\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?))?)\\s*");

    /**
     * A bound as written: a number, or a field name with an optional {@code + c} / {@code - c}.
     *
     * @param literal the number, when the bound is one
     * @param field the field name, when the bound names one
     * @param offset the signed offset added to the field ("" when none)
     */
    public record Bound(String literal, String field, String offset) {
        /** The bound as a Java double expression; {@code owner} is how the field is reached ({@code k.} or {@code K.}). */
        public String java(String owner) {
            if (literal != null) {
                return real(literal);
            }
            // A real offset keeps the arithmetic in double: no cast, no int overflow.
            return owner + field + (offset.isEmpty() ? "" : " " + offset.charAt(0) + " " + real(offset.substring(1)));
        }

        /** Whether the number in the bound is a finite double (1e400 is not). */
        public boolean isFinite() {
            return Double.isFinite(Double.parseDouble(literal != null ? literal : offset.isEmpty() ? "0" : offset));
        }

        /** The number as javac reads it: 1e-400, a literal javac refuses as too small, is the 0.0 it parses to. */
        private static String real(String number) {
            return Double.toString(Double.parseDouble(number));
        }
    }

    /** Parses a bound, or returns null if it is neither a number nor {@code name [± number]}. */
    public static Bound parse(String text) {
        Matcher m = BOUND.matcher(text);
        if (!m.matches()) {
            return null;
        }
        if (m.group(1) != null) {
            return new Bound(m.group(1), null, "");
        }
        return new Bound(null, m.group(2), m.group(3) == null ? "" : m.group(3) + m.group(4));
    }
}
