package io.ta.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The time options {@code eval} and {@code stream} share: the zone of calendar periods and sessions ({@code --tz}),
 * and how the first output column writes each row's time ({@code --time-format}).
 */
final class TimeOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--tz", paramLabel = "ZONE",
            description = "Time zone of calendar periods and sessions (close@1w, session_start('1d')), e.g. America/New_York "
                    + "(default UTC); with it the date column is written in this zone (see --time-format).")
    String tz;

    @Option(names = "--time-format", paramLabel = "FORMAT",
            description = "How the date column writes each row's time: input (as written in the input; the default without --tz), "
                    + "iso (ISO-8601 with the zone's offset, e.g. 2024-03-11T09:30:00-04:00; the default with --tz) or epoch-ms.")
    String format;

    /** The zone, UTC unless {@code --tz} names one. */
    ZoneId zone() {
        if (tz == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tz: '" + tz
                    + "' is not a time zone; use a region such as Europe/Berlin or America/New_York, an offset such as +02:00, or UTC");
        }
    }

    /** What the date column holds: 0 the input's text, 1 ISO-8601 in the zone, 2 epoch milliseconds. */
    int style(boolean hasTime) {
        String f = format == null ? (tz == null ? "input" : "iso") : format;
        int style = switch (f) {
            case "input" -> 0;
            case "iso" -> 1;
            case "epoch-ms" -> 2;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--time-format takes input, iso or epoch-ms, got '" + f + "'");
        };
        if (style != 0 && !hasTime) {
            if (format == null) {
                return 0;
            }
            throw new CommandLine.ParameterException(spec.commandLine(), "--time-format " + f
                    + " needs a time column (date, time, timestamp or datetime) in the input");
        }
        return style;
    }

    /** Appends a time in {@code style} 1 or 2. */
    static void append(StringBuilder sb, long epochMillis, int style, ZoneId zone) {
        if (style == 2) {
            sb.append(epochMillis);
            return;
        }
        ZonedDateTime t = Instant.ofEpochMilli(epochMillis).atZone(zone);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            sb.append(year > 9999 ? "+" : "-").append(String.format("%06d", Math.abs(year)));
        } else {
            pad(sb, year, 4);
        }
        sb.append('-');
        pad(sb, t.getMonthValue(), 2);
        sb.append('-');
        pad(sb, t.getDayOfMonth(), 2);
        sb.append('T');
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        sb.append(':');
        pad(sb, t.getSecond(), 2);
        int ms = t.getNano() / 1_000_000;
        if (ms != 0) {
            sb.append('.');
            pad(sb, ms, 3);
        }
        sb.append(t.getOffset().getId());
    }

    private static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
