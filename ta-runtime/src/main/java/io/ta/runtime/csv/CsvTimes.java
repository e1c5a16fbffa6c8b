package io.ta.runtime.csv;

/**
 * The time syntax of a CSV cell, and the writing back of a time in the style it was read in.
 *
 * <p>A time cell is an ISO date ({@code 2024-01-31}, midnight UTC), an ISO date-time ({@code 2024-01-31T15:30},
 * {@code 2024-01-31 15:30:00}, {@code 2024-01-31T15:30:00.250Z}, {@code 2024-01-31T15:30:00+01:00}; seconds and a
 * fraction of up to nine digits are optional, a fraction finer than a millisecond is floored (rounded up with
 * {@link CsvOptions#withTimesRoundedUp}), an offset is {@code Z},
 * {@code ±HH:MM}, {@code ±HHMM} or {@code ±HH:MM:SS}, no offset means UTC; a
 * year may also be a sign and 4 to 9 digits, ISO 8601's expanded form, as in {@code +10000-01-01T00:00:00Z}) or
 * an epoch number (optional {@code -}, ASCII digits). The unit of an epoch number is given or inferred from its
 * magnitude: {@code [1e8, 1e10)} seconds (1973–2286), {@code [1e11, 1e13)} milliseconds, {@code [1e14, 1e16)}
 * microseconds, {@code [1e17, 2^63)} nanoseconds; any other magnitude, or a row whose magnitude names another unit than
 * the first epoch row's, is refused as ambiguous.
 *
 * <p>The <em>style</em> of a parsed cell says whether the text is exactly what {@link #format} writes for its time, so
 * a loaded table can drop the text and write it back from the timestamp.
 */
final class CsvTimes {
    /** The text cannot be rebuilt from the timestamp. */
    static final int NO_STYLE = -1;
    static final int EPOCH_SECONDS = 1;
    static final int EPOCH_MILLIS = 2;
    static final int DATE = 3;
    /** Date-time styles: {@code DATE_TIME | SPACE | MILLIS | ZULU}. */
    static final int DATE_TIME = 16;
    static final int SPACE = 1;
    static final int MILLIS = 2;
    static final int ZULU = 4;

    private static final long DAY_MS = 86_400_000L;
    private static final String UNIT_HINT = "set the epoch unit: --time-unit s|ms|us|ns";

    private final EpochUnit given;
    /** Whether a time finer than a millisecond is rounded up ({@link CsvOptions#withTimesRoundedUp}), not floored. */
    private final boolean up;
    private EpochUnit detected;
    private long detectedRow;
    private int style;

    /** @param unit the epoch unit, or {@code null} to infer it from the magnitude; finer times floored */
    CsvTimes(EpochUnit unit) {
        this(unit, false);
    }

    /**
     * @param unit the epoch unit, or {@code null} to infer it from the magnitude
     * @param up whether to round a time finer than a millisecond up rather than down
     */
    CsvTimes(EpochUnit unit, boolean up) {
        this.given = unit;
        this.up = up;
    }

    /** The style of the cell most recently parsed. */
    int style() {
        return style;
    }

    /** The epoch unit in use: given, inferred so far, or {@code null}. */
    EpochUnit unit() {
        return given != null ? given : detected;
    }

    /**
     * The time of {@code b[s..e)} (trimmed) in epoch milliseconds.
     *
     * @param row the line number, remembered for messages about the inferred unit
     * @throws CellError if the text is not a time, names an impossible date, or has an ambiguous unit
     */
    long parse(byte[] b, int s, int e, long row) {
        if (s == e) {
            throw new CellError("the time is empty");
        }
        int i = b[s] == '-' ? s + 1 : s;
        boolean allDigits = i < e;
        for (int k = i; k < e && allDigits; k++) {
            allDigits = b[k] >= '0' && b[k] <= '9';
        }
        return allDigits ? epoch(b, s, e, row) : iso(b, s, e);
    }

    private long epoch(byte[] b, int s, int e, long row) {
        boolean negative = b[s] == '-';
        int i = negative ? s + 1 : s;
        long v = 0;
        for (int k = i; k < e; k++) {
            int d = b[k] - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw new CellError("'" + CsvReader.excerpt(b, s, e) + "' is out of range for an epoch time");
            }
            v = v * 10 + d;
        }
        if (negative) {
            v = -v;
        }
        EpochUnit unit = given;
        if (unit == null) {
            EpochUnit guess = guess(v);
            if (guess == null) {
                EpochUnit[] near = neighbours(v);
                throw new CellError("cannot tell the unit of the epoch time " + v + " (as " + name(near[0]) + " "
                        + instant(near[0].toMillis(v)) + ", as " + name(near[1]) + " " + instant(near[1].toMillis(v)) + "); "
                        + UNIT_HINT);
            }
            if (detected == null) {
                detected = guess;
                detectedRow = row;
            } else if (guess != detected) {
                throw new CellError("the epoch time " + v + " looks like " + name(guess) + " but row " + detectedRow + "'s looked like "
                        + name(detected) + "; " + UNIT_HINT);
            }
            unit = guess;
        }
        long ms = unit.toMillis(v, up);
        if (ms == Long.MIN_VALUE) {
            throw new CellError("'" + CsvReader.excerpt(b, s, e) + "' is out of range for an epoch time in " + name(unit));
        }
        boolean canonical = (b[i] != '0' || e - i == 1) && !(negative && v == 0);
        style = !canonical ? NO_STYLE : unit == EpochUnit.SECONDS ? EPOCH_SECONDS : unit == EpochUnit.MILLISECONDS ? EPOCH_MILLIS : NO_STYLE;
        return ms;
    }

    /** The unit a magnitude suggests, or {@code null} when it falls between the ranges. */
    static EpochUnit guess(long v) {
        long a = v == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(v);
        if (a >= 100_000_000L && a < 10_000_000_000L) {
            return EpochUnit.SECONDS;
        }
        if (a >= 100_000_000_000L && a < 10_000_000_000_000L) {
            return EpochUnit.MILLISECONDS;
        }
        if (a >= 100_000_000_000_000L && a < 10_000_000_000_000_000L) {
            return EpochUnit.MICROSECONDS;
        }
        return a >= 100_000_000_000_000_000L ? EpochUnit.NANOSECONDS : null;
    }

    /** The two units whose ranges surround a magnitude that {@link #guess} cannot place. */
    private static EpochUnit[] neighbours(long v) {
        long a = Math.abs(v);
        if (a < 100_000_000_000L) {
            return new EpochUnit[] {EpochUnit.SECONDS, EpochUnit.MILLISECONDS};
        }
        return a < 100_000_000_000_000L ? new EpochUnit[] {EpochUnit.MILLISECONDS, EpochUnit.MICROSECONDS}
                : new EpochUnit[] {EpochUnit.MICROSECONDS, EpochUnit.NANOSECONDS};
    }

    /** An epoch-millisecond time as an ISO instant, for messages. */
    static String instant(long millis) {
        return java.time.Instant.ofEpochMilli(millis).toString();
    }

    /** The unit's name in words, for messages. */
    static String name(EpochUnit u) {
        return switch (u) {
            case SECONDS -> "seconds";
            case MILLISECONDS -> "milliseconds";
            case MICROSECONDS -> "microseconds";
            case NANOSECONDS -> "nanoseconds";
        };
    }

    private long iso(byte[] b, int s, int e) {
        // A year past 9999 or before 0000 takes ISO 8601's expanded form, a sign and more digits (+10000-01-01,
        // -000001-12-31): java.time and `ta --time-format iso` write it, so it reads back as the same instant.
        boolean expanded = b[s] == '+' || b[s] == '-';
        int y = expanded ? s + 1 : s;
        int d = y;
        while (d < e && d - y < 10 && b[d] >= '0' && b[d] <= '9') {
            d++;
        }
        int yearDigits = d - y;
        if ((expanded ? yearDigits < 4 || yearDigits > 9 : yearDigits != 4) || e - d < 6 || b[d] != '-'
                || !digits(b, d + 1, 2) || b[d + 3] != '-' || !digits(b, d + 4, 2)) {
            throw notATime(b, s, e);
        }
        int year = b[s] == '-' ? -num(b, y, yearDigits) : num(b, y, yearDigits);
        int month = num(b, d + 1, 2);
        int day = num(b, d + 4, 2);
        if (month < 1 || month > 12 || day < 1 || day > monthLength(year, month)) {
            throw new CellError("'" + CsvReader.excerpt(b, s, e) + "' is not a valid date");
        }
        long days = daysFromCivil(year, month, day);
        if (d + 6 == e) {
            style = expanded ? NO_STYLE : DATE;
            return millis(days * 86_400, 0, b, s, e);
        }
        int i = d + 6;
        byte sep = b[i];
        if ((sep != 'T' && sep != 't' && sep != ' ') || e - i < 6 || !digits(b, i + 1, 2) || b[i + 3] != ':' || !digits(b, i + 4, 2)) {
            throw notATime(b, s, e);
        }
        int hour = num(b, i + 1, 2);
        int minute = num(b, i + 4, 2);
        i += 6;
        int second = 0;
        boolean hasSeconds = false;
        long nanos = 0;
        int fraction = 0;
        if (i < e && b[i] == ':') {
            if (e - i < 3 || !digits(b, i + 1, 2)) {
                throw notATime(b, s, e);
            }
            second = num(b, i + 1, 2);
            hasSeconds = true;
            i += 3;
            if (i < e && b[i] == '.') {
                int f = i + 1;
                while (f < e && b[f] >= '0' && b[f] <= '9') {
                    f++;
                }
                fraction = f - i - 1;
                if (fraction < 1 || fraction > 9) {
                    throw notATime(b, s, e);
                }
                nanos = num(b, i + 1, fraction);
                for (int k = fraction; k < 9; k++) {
                    nanos *= 10;
                }
                i = f;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new CellError("'" + CsvReader.excerpt(b, s, e) + "' is not a valid time of day");
        }
        int offsetSeconds = 0;
        boolean zulu = false;
        boolean offset = false;
        if (i < e) {
            if ((b[i] == 'Z' || b[i] == 'z') && i + 1 == e) {
                zulu = b[i] == 'Z';
                offset = !zulu;
            } else if ((b[i] == '+' || b[i] == '-') && (e - i == 6 && b[i + 3] == ':' && digits(b, i + 1, 2) && digits(b, i + 4, 2)
                    || e - i == 5 && digits(b, i + 1, 4)
                    || e - i == 9 && b[i + 3] == ':' && b[i + 6] == ':' && digits(b, i + 1, 2) && digits(b, i + 4, 2)
                    && digits(b, i + 7, 2))) {
                // ±HH:MM:SS is how java.time (and `ta --tz`) writes an offset of whole seconds, such as the local mean
                // time of a zone before it took a standard offset (New York's -04:56:02 until 1883).
                int oh = num(b, i + 1, 2);
                int om = num(b, e - i == 5 ? i + 3 : i + 4, 2);
                int os = e - i == 9 ? num(b, i + 7, 2) : 0;
                if (om > 59 || os > 59 || oh * 3600 + om * 60 + os > 18 * 3600) {
                    throw new CellError("'" + CsvReader.excerpt(b, s, e) + "' has an offset beyond ±18:00");
                }
                offsetSeconds = (b[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60 + os);
                offset = true;
            } else {
                throw notATime(b, s, e);
            }
        }
        boolean canonical = !expanded && sep != 't' && hasSeconds && (fraction == 0 || fraction == 3) && !offset;
        style = canonical ? DATE_TIME | (sep == ' ' ? SPACE : 0) | (fraction == 3 ? MILLIS : 0) | (zulu ? ZULU : 0) : NO_STYLE;
        long seconds = days * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return millis(seconds, up ? Math.ceilDiv(nanos, 1_000_000) : nanos / 1_000_000, b, s, e);
    }

    /** {@code seconds} and {@code millis} since the epoch in milliseconds, refused where a long does not hold them. */
    private static long millis(long seconds, long millis, byte[] b, int s, int e) {
        try {
            // Before the epoch a second is counted from its end, so that Long.MIN_VALUE's own second fits.
            return seconds < 0 && millis > 0 ? Math.addExact(Math.multiplyExact(seconds + 1, 1000L), millis - 1000)
                    : Math.addExact(Math.multiplyExact(seconds, 1000L), millis);
        } catch (ArithmeticException overflow) {
            // only an expanded year reaches this far (about 292 million years from 1970)
            throw new CellError("'" + CsvReader.excerpt(b, s, e) + "' is out of range for a time in milliseconds");
        }
    }

    private static CellError notATime(byte[] b, int s, int e) {
        return new CellError("'" + CsvReader.excerpt(b, s, e)
                + "' is not an ISO date (2024-01-31), ISO date-time (2024-01-31T15:30:00Z) or epoch time");
    }

    private static boolean digits(byte[] b, int at, int n) {
        for (int k = at; k < at + n; k++) {
            if (b[k] < '0' || b[k] > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(byte[] b, int at, int n) {
        int v = 0;
        for (int k = at; k < at + n; k++) {
            v = v * 10 + (b[k] - '0');
        }
        return v;
    }

    static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yoe = y - era * 400;
        int doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097L + doe - 719_468;
    }

    /** Appends {@code millis} in {@code style} (one of the styles {@link #parse} reports, not {@link #NO_STYLE}). */
    static void format(long millis, int style, StringBuilder sb) {
        switch (style) {
            case EPOCH_SECONDS -> sb.append(millis / 1000);
            case EPOCH_MILLIS -> sb.append(millis);
            default -> {
                long days = Math.floorDiv(millis, DAY_MS);
                long z = days + 719_468;
                long era = Math.floorDiv(z, 146_097);
                long doe = z - era * 146_097;
                long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
                long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
                long mp = (5 * doy + 2) / 153;
                long day = doy - (153 * mp + 2) / 5 + 1;
                long month = mp < 10 ? mp + 3 : mp - 9;
                long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
                pad(sb, year, 4).append('-');
                pad(sb, month, 2).append('-');
                pad(sb, day, 2);
                if (style != DATE) {
                    long ms = Math.floorMod(millis, DAY_MS);
                    sb.append((style & SPACE) != 0 ? ' ' : 'T');
                    pad(sb, ms / 3_600_000, 2).append(':');
                    pad(sb, ms / 60_000 % 60, 2).append(':');
                    pad(sb, ms / 1000 % 60, 2);
                    if ((style & MILLIS) != 0) {
                        pad(sb.append('.'), ms % 1000, 3);
                    }
                    if ((style & ZULU) != 0) {
                        sb.append('Z');
                    }
                }
            }
        }
    }

    private static StringBuilder pad(StringBuilder sb, long v, int width) {
        for (long p = width == 4 ? 1000 : width == 3 ? 100 : 10; p > 1 && v < p; p /= 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
