package io.ta.processor.model;

import javax.lang.model.SourceVersion;

/** Java identifiers for catalog names. */
public final class JavaNames {
    private JavaNames() {}

    /** {@code rolling_sum → rollingSum}; keywords get a trailing underscore. */
    public static String method(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean up = false;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                up = sb.length() > 0;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        String s = sb.toString();
        return SourceVersion.isKeyword(s) ? s + "_" : s;
    }

    /** {@code fastPeriod → fast_period}. */
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
        return sb.toString();
    }

    /** {@code value → Value}. */
    public static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
