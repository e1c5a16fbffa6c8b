package io.ta.runtime.dsl;

import io.ta.expr.LanguageNames;
import io.ta.runtime.source.SourceType;
import java.util.List;
import java.util.Map;

/**
 * The names the language gives a meaning of its own: the planner reads its built-in forms from here and
 * {@link io.ta.runtime.Registry} refuses a kernel or alias named like one, which the language would never call. The
 * lists are {@link LanguageNames}', which the annotation processor reads too, so that such a kernel does not compile.
 */
public final class ReservedNames {
    private ReservedNames() {}

    /** Words the lexer reads as operators and constants, never as names. */
    public static final List<String> KEYWORDS = LanguageNames.KEYWORDS;

    /** Calls the planner computes itself: the timeframe forms. */
    public static final List<String> FRAMES = LanguageNames.FRAMES;

    /** Calls the planner computes itself: the session values. */
    public static final List<String> SESSIONS = LanguageNames.SESSIONS;

    /** Derived bar prices the language accepts as bare names, and the kernel each one is. */
    public static final Map<String, String> DERIVED = LanguageNames.DERIVED;

    /**
     * Whether {@code name} is a name in the language: a letter of any script or {@code _}, then letters, ASCII
     * digits and {@code _} (and not a keyword).
     */
    public static boolean isName(String name) {
        if (name == null || name.isEmpty() || KEYWORDS.contains(name)) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!Character.isLetter(first) && first != '_') {
            return false;
        }
        for (int i = Character.charCount(first); i < name.length(); i += Character.charCount(name.codePointAt(i))) {
            int c = name.codePointAt(i);
            if (!Character.isLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /**
     * Why the kernel {@code kernel} may not be called {@code name} (as its name, an alias or a selector alias), or
     * null if it may. A kernel's name must be a name the language can call, and not one the language reads otherwise:
     * a keyword, a timeframe or session form, a derived price (except by the kernel it is: {@code ohlc4} may be an
     * alias of {@code avgprice}), a bar field ({@code close} would stop meaning the column) or an event source
     * ({@code trades}).
     */
    public static String whyNotAKernelName(String kernel, String name) {
        if (name == null) {
            return "it is null";
        }
        if (KEYWORDS.contains(name)) {
            return "'" + name + "' is a keyword of the language";
        }
        if (!isName(name)) {
            return "'" + name + "' is not a name the language can call (a letter or _, then letters, digits and _)";
        }
        String reserved = LanguageNames.whyReserved(kernel, name);
        if (reserved != null) {
            return reserved;
        }
        if (SourceType.find(name) != null) {
            return "'" + name + "' is the event source " + name;
        }
        return null;
    }
}
