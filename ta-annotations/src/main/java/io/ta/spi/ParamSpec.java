package io.ta.spi;

import io.ta.annotation.Scale;
import java.util.List;
import java.util.Locale;

/**
 * The declared schema of one kernel parameter.
 *
 * @param name catalog name, lower snake case
 * @param type value type
 * @param defaultValue default as DSL text, or {@code null} when the parameter is required
 * @param min lower bound of numeric parameters ({@code -Infinity} if none)
 * @param max upper bound of numeric parameters ({@code +Infinity} if none)
 * @param minExclusive whether {@code min} is excluded
 * @param maxExclusive whether {@code max} is excluded
 * @param choices allowed names for {@link ParamType#CHOICE}, empty otherwise
 * @param doc one line describing it
 * @param scale what a numeric value is quoted in: {@link Scale#UNITLESS} for most, {@link Scale#PRICE} or
 *     {@link Scale#VOLUME} for a parameter in the inputs' unit
 */
public record ParamSpec(
        String name,
        ParamType type,
        String defaultValue,
        double min,
        double max,
        boolean minExclusive,
        boolean maxExclusive,
        List<String> choices,
        String doc,
        Scale scale) {

    public ParamSpec {
        choices = List.copyOf(choices);
    }

    /** Whether a default exists. */
    public boolean hasDefault() {
        return defaultValue != null;
    }

    /** The default as a typed value ({@code Integer}, {@code Double}, {@code Boolean} or {@code String}). */
    public Object defaultObject() {
        if (defaultValue == null) {
            return null;
        }
        return switch (type) {
            case INT -> Integer.valueOf(defaultValue);
            case REAL -> Double.valueOf(defaultValue);
            case BOOL -> Boolean.valueOf(defaultValue);
            case CHOICE -> defaultValue;
        };
    }

    /** Whether a numeric value lies in the declared range. */
    public boolean inRange(double v) {
        if (Double.isNaN(v)) {
            return false;
        }
        boolean lowOk = minExclusive ? v > min : v >= min;
        boolean highOk = maxExclusive ? v < max : v <= max;
        return lowOk && highOk;
    }

    /**
     * The valid range as text: {@code [2, 100000]}, {@code (0, 1]}, {@code > 0}, {@code any finite value},
     * {@code one of sma, ema}, {@code true or false}.
     */
    public String rangeText() {
        return switch (type) {
            case BOOL -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case INT, REAL -> rangeText(min, max, minExclusive, maxExclusive, type == ParamType.REAL);
        };
    }

    /** Formats a numeric interval the way error messages and catalogs print it. */
    public static String rangeText(double min, double max, boolean minExclusive, boolean maxExclusive, boolean real) {
        boolean lowInf = min == Double.NEGATIVE_INFINITY;
        boolean highInf = max == Double.POSITIVE_INFINITY;
        if (lowInf && highInf) {
            return real ? "any finite value" : "any integer";
        }
        if (highInf) {
            return (minExclusive ? "> " : ">= ") + number(min);
        }
        if (lowInf) {
            return (maxExclusive ? "< " : "<= ") + number(max);
        }
        return (minExclusive ? "(" : "[") + number(min) + ", " + number(max) + (maxExclusive ? ")" : "]");
    }

    /** Prints integral values without a fraction ({@code 100000}, not {@code 100000.0}). */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** The Java-style method name of a catalog name: {@code fast_period → fastPeriod}. */
    public static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean up = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** The catalog name of a Java name: {@code fastPeriod → fast_period}, {@code period1 → period1}. */
    public static String snake(String camel) {
        StringBuilder sb = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    sb.append('_');
                }
                sb.append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
