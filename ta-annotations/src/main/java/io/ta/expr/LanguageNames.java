package io.ta.expr;

import java.util.List;
import java.util.Map;

/**
 * The names the expression language reads itself, in one place for the two sides that refuse them as kernel names:
 * the annotation processor at compile time ({@code [TaNameReserved]}) and the runtime's registry when it loads a
 * library ({@code io.ta.runtime.dsl.ReservedNames}, which the planner reads its built-in forms from).
 */
public final class LanguageNames {
    private LanguageNames() {}

    /** Words the lexer reads as operators and constants, never as names. */
    public static final List<String> KEYWORDS = List.of("and", "or", "not", "true", "false");

    /** Calls the planner computes itself: the timeframe forms. */
    public static final List<String> FRAMES = List.of("timeframe", "downsample", "upsample", "sync_timeframe");

    /** Calls the planner computes itself: the session values. */
    public static final List<String> SESSIONS = List.of("session_start", "session_open", "session_high",
            "session_low");

    /** Derived bar prices the language accepts as bare names, and the kernel each one is. */
    public static final Map<String, String> DERIVED = Map.of("hl2", "medprice", "hlc3", "typical_price", "typical",
            "typical_price", "ohlc4", "avgprice");

    /** The bar fields, which a bare name reads as columns. */
    public static final List<String> BAR_FIELDS = List.of("open", "high", "low", "close", "volume");

    /** The event sources every runtime knows (a source provider may add more). */
    public static final List<String> SOURCES = List.of("trades", "orderbook", "liquidations", "bars");

    /**
     * Why the kernel {@code kernel} may not be called {@code name} (its name, an alias or a selector alias) because the
     * language reads that name itself, or null if it does not: a keyword, a timeframe or session form, a derived price
     * (except by the kernel it is: {@code ohlc4} may be an alias of {@code avgprice}), a bar field ({@code close} would
     * stop meaning the column) or a built-in event source ({@code trades}).
     *
     * @param kernel the kernel's canonical name
     * @param name the name it would be registered under, not null
     * @return the reason, or null
     */
    public static String whyReserved(String kernel, String name) {
        if (KEYWORDS.contains(name)) {
            return "'" + name + "' is a keyword of the language";
        }
        if (FRAMES.contains(name)) {
            return "'" + name + "' is the language's timeframe form " + name + "(…)";
        }
        if (SESSIONS.contains(name)) {
            return "'" + name + "' is the language's session value " + name + "(…)";
        }
        if (DERIVED.containsKey(name) && !DERIVED.get(name).equals(kernel)) {
            return "'" + name + "' is the language's derived price " + name + " (the kernel " + DERIVED.get(name) + ")";
        }
        if (BAR_FIELDS.contains(name)) {
            return "'" + name + "' is the bar field " + name + ", which a bare name must keep reading";
        }
        if (SOURCES.contains(name)) {
            return "'" + name + "' is the event source " + name;
        }
        return null;
    }
}
