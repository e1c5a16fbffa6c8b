package io.ta.runtime.time;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period that bars are grouped into: a number of bars, a fixed duration, or a calendar period in a time zone.
 *
 * <p>Text forms: {@code 5} (five bars, counted from the first bar), {@code 30s}, {@code 15m}, {@code 4h} (fixed
 * durations, aligned to the epoch: {@code 4h} periods end at 00:00, 04:00, … UTC), {@code 1d} (a calendar day in the
 * zone: 23 or 25 hours across a DST change), {@code 1w} (a calendar week starting Monday 00:00 in the zone),
 * {@code 1M}, {@code 2M}, {@code 3M}, {@code 4M}, {@code 6M} (months, groups aligned to January), {@code 1Q}
 * (= {@code 3M}) and {@code 1y} (= {@code 12M}). Units are case-sensitive where it matters: {@code m} is minutes,
 * {@code M} months.
 *
 * <p>Timestamps mark the moment a bar closed, so a period is the half-open interval {@code (start, end]}: a bar
 * stamped exactly at a boundary is the last bar of the period ending there. {@link #end} gives that end.
 */
public final class Timeframe {
    private static final Pattern TEXT = Pattern.compile("([0-9]{1,9})([smhdwMQy]?)");
    private static final Pattern LONG_COUNT = Pattern.compile("[0-9]{10,}[smhdwMQy]?");
    /** The largest count {@link #TEXT} takes. */
    private static final long MAX_COUNT = 999_999_999L;
    private static final long SECOND = 1000L;

    /** The kinds of period. */
    public enum Kind {
        /** A number of consecutive bars, counted from the first bar. */
        BARS,
        /** A fixed number of milliseconds, aligned to the epoch. */
        FIXED,
        /** A calendar day in the zone. */
        DAY,
        /** A calendar week starting Monday in the zone. */
        WEEK,
        /** A number of calendar months in the zone, aligned to January. */
        MONTH
    }

    private final Kind kind;
    private final long size;
    private final String text;

    private Timeframe(Kind kind, long size, String text) {
        this.kind = kind;
        this.size = size;
        this.text = text;
    }

    /**
     * Parses a timeframe.
     *
     * @throws InvalidParameterException naming the accepted forms, for anything else
     */
    public static Timeframe parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            if (text != null && LONG_COUNT.matcher(text.strip()).matches()) {
                throw bad(text, "the count of a timeframe is at most " + MAX_COUNT);
            }
            throw bad(text, "a timeframe is a count and a unit: 5 (bars), 30s, 15m, 4h, 1d, 1w, 1M, 3M, 1Q, 1y");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (n <= 0) {
            throw bad(text, "the count of a timeframe must be at least 1");
        }
        String canonical = n + unit;
        return switch (unit) {
            case "" -> new Timeframe(Kind.BARS, n, canonical);
            case "s" -> fixed(n * SECOND);
            case "m" -> fixed(n * 60 * SECOND);
            case "h" -> fixed(n * 3600 * SECOND);
            case "d" -> calendar(text, n, Kind.DAY, "1d");
            case "w" -> calendar(text, n, Kind.WEEK, "1w");
            case "Q" -> months(text, n * 3);
            case "y" -> months(text, n * 12);
            default -> months(text, n);
        };
    }

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smhdw])");

    /**
     * Parses a duration for wall-clock shifts: a count and one of {@code s m h d w}, exact milliseconds ({@code 1d}
     * is 24 hours and {@code 1w} 168 hours whatever the zone, so a shift across a DST change stays a real duration).
     *
     * @throws InvalidParameterException for anything else (months and counts of bars are not durations)
     */
    public static long duration(String text) {
        Matcher m = text == null ? null : DURATION.matcher(text.strip());
        if (m == null || !m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new InvalidParameterException("duration", List.of("duration"), "30s, 15m, 4h, 1d or 1w",
                    "duration: '" + text + "' is not a duration; write a positive count and one of s, m, h, d, w, e.g. '24h'");
        }
        long unit = switch (m.group(2)) {
            case "s" -> SECOND;
            case "m" -> 60 * SECOND;
            case "h" -> 3600 * SECOND;
            case "d" -> 86_400 * SECOND;
            default -> 7 * 86_400 * SECOND;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    private static Timeframe calendar(String text, long n, Kind kind, String canonical) {
        if (n != 1) {
            long hours = (kind == Kind.DAY ? 24 : 168) * n;
            // Only a suggestion parse() takes: a count of hours past MAX_COUNT would be refused in turn.
            throw bad(text, "calendar days and weeks come one at a time (1d, 1w); " + (hours <= MAX_COUNT
                    ? "for a fixed length write hours, e.g. " + hours + "h"
                    : "a fixed length is at most " + MAX_COUNT + "h (about 114,000 years)"));
        }
        return new Timeframe(kind, 1, canonical);
    }

    /**
     * A fixed period, named in the largest unit that counts it exactly ({@code 60m} and {@code 3600s} are {@code 1h}):
     * one period has one text, so plans that spell it differently are one plan, and a kernel whose arguments are on
     * {@code 60m} and {@code 1h} runs on the hourly bars, as it does when both say {@code 1h}.
     */
    private static Timeframe fixed(long millis) {
        String text = millis % (3600 * SECOND) == 0 ? millis / (3600 * SECOND) + "h"
                : millis % (60 * SECOND) == 0 ? millis / (60 * SECOND) + "m" : millis / SECOND + "s";
        return new Timeframe(Kind.FIXED, millis, text);
    }

    private static Timeframe months(String text, long n) {
        if (n != 1 && n != 2 && n != 3 && n != 4 && n != 6 && n != 12) {
            throw bad(text, "a period of months must divide the year: 1M, 2M, 3M (1Q), 4M, 6M or 12M (1y)");
        }
        return new Timeframe(Kind.MONTH, n, n == 12 ? "1y" : n == 3 ? "1Q" : n + "M");
    }

    private static InvalidParameterException bad(String text, String why) {
        return new InvalidParameterException("timeframe", List.of("timeframe"), "5, 30s, 15m, 4h, 1d, 1w, 1M, 1Q or 1y",
                "timeframe: '" + text + "' is not a timeframe; " + why);
    }

    /** A timeframe of {@code n} bars. */
    public static Timeframe bars(int n) {
        return parse(Integer.toString(n));
    }

    public Kind kind() {
        return kind;
    }

    /** Bars per period ({@link Kind#BARS}), milliseconds ({@link Kind#FIXED}), or months ({@link Kind#MONTH}). */
    public long size() {
        return size;
    }

    /** Whether periods depend on timestamps (everything but {@link Kind#BARS}). */
    public boolean needsTime() {
        return kind != Kind.BARS;
    }

    /** Whether periods depend on the time zone. */
    public boolean needsZone() {
        return kind == Kind.DAY || kind == Kind.WEEK || kind == Kind.MONTH;
    }

    /**
     * The end of the period holding a bar that closed at {@code t}: the first boundary at or after {@code t}. Not
     * for {@link Kind#BARS}, whose periods are counted, not timed.
     *
     * @throws ShapeMismatchException if that boundary lies after {@code Long.MAX_VALUE} or outside the calendar
     * @throws InvalidParameterException if {@code zone} is null, or this timeframe is a count of bars
     */
    public long end(long t, ZoneId zone) {
        if (zone == null) {
            throw new InvalidParameterException("timeframe", List.of("zone"), "non-null", "timeframe: zone must not be null");
        }
        switch (kind) {
            case FIXED -> {
                long k = Math.ceilDiv(t, size);
                if (k > Long.MAX_VALUE / size) {
                    throw tooLate(t);
                }
                return k * size;
            }
            case BARS -> throw new InvalidParameterException("timeframe", List.of("timeframe"), "a timed timeframe",
                    "timeframe: " + this + " is a count of bars, which has no time boundaries; end() takes a timed"
                            + " timeframe such as 5m or 1d");
            default -> {
                try {
                    Instant at = Instant.ofEpochMilli(t);
                    LocalDate start = start(LocalDate.ofInstant(at, zone));
                    // Compared as instants: the start of the first periods lies before the first millisecond.
                    return start.atStartOfDay(zone).toInstant().equals(at) ? t
                            : next(start).atStartOfDay(zone).toInstant().toEpochMilli();
                } catch (java.time.DateTimeException | ArithmeticException e) {
                    throw tooLate(t);
                }
            }
        }
    }

    private ShapeMismatchException tooLate(long t) {
        return new ShapeMismatchException("timeframe", "timeframe: the " + text + " period of the bar at " + t
                + " ms ends outside the range of timestamps");
    }

    /** The first day of the calendar period holding {@code day}. */
    private LocalDate start(LocalDate day) {
        return switch (kind) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> LocalDate.of(day.getYear(), (int) ((day.getMonthValue() - 1) / size * size + 1), 1);
            default -> day;
        };
    }

    /** The first day of the calendar period after the one starting on {@code start}. */
    private LocalDate next(LocalDate start) {
        return switch (kind) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(size);
            default -> start.plusDays(1);
        };
    }

    /** The canonical text ({@code 1h} for {@code 60m}, {@code 1Q} for {@code 3M}, {@code 1y} for {@code 12M}). */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Timeframe t && t.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** A lower-case description for messages. */
    String describe() {
        return (kind == Kind.BARS ? size + " bars" : text).toLowerCase(Locale.ROOT);
    }
}
