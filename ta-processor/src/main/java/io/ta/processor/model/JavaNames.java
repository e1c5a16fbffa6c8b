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

    /** {@code value → Value}. */
    public static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
