package io.ta.runtime.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Time cells: ISO dates and date-times checked against java.time, epoch units by magnitude or as given. */
class CsvTimesTest {
    static final int EXAMPLES = Integer.getInteger("ta.examples", 1000) * 20;

    static long parse(CsvTimes t, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return t.parse(b, 0, b.length, 7);
    }

    static long parse(String text) {
        return parse(new CsvTimes(null), text);
    }

    static String refused(CsvTimes t, String text) {
        return assertThrows(CellError.class, () -> parse(t, text), text).getMessage();
    }

    static String format(long ms, int style) {
        StringBuilder sb = new StringBuilder();
        CsvTimes.format(ms, style, sb);
        return sb.toString();
    }

    @Test
    void isoDatesAndDateTimesAgreeWithJavaTime() {
        SplittableRandom r = new SplittableRandom(5);
        long first = LocalDate.of(0, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        for (int i = 0; i < EXAMPLES; i++) {
            LocalDate d = LocalDate.ofEpochDay(r.nextLong(first, last + 1));
            String date = d.toString();
            assertEquals(d.toEpochDay() * 86_400_000L, parse(date), date);
            assertEquals(date, format(parse(date), CsvTimes.DATE));
            LocalDateTime dt = d.atTime(r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1_000_000_000));
            // Whole minutes mostly; whole seconds too, which java.time writes as ±HH:MM:SS (local mean times).
            int seconds = r.nextInt(-18 * 3600, 18 * 3600 + 1);
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(r.nextBoolean() ? seconds / 60 * 60 : seconds);
            String text = OffsetDateTime.of(dt, offset).toString();
            long expected = OffsetDateTime.of(dt, offset).toInstant().toEpochMilli();
            assertEquals(expected, parse(text), text);
            String local = String.format("%sT%02d:%02d:%02d.%03d", date, dt.getHour(), dt.getMinute(), dt.getSecond(), dt.getNano() / 1_000_000);
            assertEquals(local, format(parse(local), CsvTimes.DATE_TIME | CsvTimes.MILLIS), local);
        }
    }

    @Test
    void expandedYearsReadBackAsJavaTimeAndTaWriteThem() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < EXAMPLES; i++) {
            long ms = r.nextBoolean() ? r.nextLong() : r.nextLong(-400_000_000_000_000L, 400_000_000_000_000L);
            String text = Instant.ofEpochMilli(ms).toString();
            CsvTimes t = new CsvTimes(null);
            assertEquals(ms, parse(t, text), text);
            if (text.startsWith("+") || text.startsWith("-")) {
                assertEquals(CsvTimes.NO_STYLE, t.style(), "format writes no expanded year: " + text);
            }
        }
        assertEquals(Instant.parse("+10000-01-01T00:00:00Z").toEpochMilli(), parse("+010000-01-01T00:00:00Z"));
        assertEquals(253_402_300_860_000L, parse("+010000-01-01T00:01:00Z"));
        assertEquals(LocalDate.of(-1, 12, 31).toEpochDay() * 86_400_000L, parse("-000001-12-31"));
        assertEquals(Long.MAX_VALUE, parse(Instant.ofEpochMilli(Long.MAX_VALUE).toString()));
        assertEquals(Long.MIN_VALUE, parse(Instant.ofEpochMilli(Long.MIN_VALUE).toString()));
        for (String far : new String[] {"+292278995-01-01", "-292278995-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z"}) {
            assertTrue(refused(new CsvTimes(null), far).contains("is out of range for a time in milliseconds"), far);
        }
        for (String bad : new String[] {"+123-01-01", "+1234567890-01-01", "10000-01-01", "+-2024-01-01", "++2024-01-01",
            "+2024-1-01", "-2024-01"}) {
            assertTrue(refused(new CsvTimes(null), bad).contains("is not an ISO date (2024-01-31), ISO date-time"), bad);
        }
        assertTrue(refused(new CsvTimes(null), "+10001-02-29").contains("is not a valid date"));
        assertEquals(LocalDate.of(10000, 2, 29).toEpochDay() * 86_400_000L, parse("+10000-02-29"));
    }

    @Test
    void theShapesOfDateTimeThatAreRead() {
        long t = Instant.parse("2023-11-14T22:13:20Z").toEpochMilli();
        assertEquals(t, parse("2023-11-14T22:13:20Z"));
        assertEquals(t, parse("2023-11-14 22:13:20"));
        assertEquals(t, parse("2023-11-14t22:13:20z"));
        assertEquals(t - 20_000, parse("2023-11-14T22:13"));
        assertEquals(t + 123, parse("2023-11-14T22:13:20.123456789"));
        assertEquals(t + 100, parse("2023-11-14T22:13:20.1"));
        assertEquals(t, parse("2023-11-14T23:13:20+01:00"));
        assertEquals(t, parse("2023-11-14T16:43:20-0530"));
        assertEquals(t, parse("2023-11-14T17:17:18-04:56:02"), "New York's local mean time, as java.time writes it");
        assertEquals(t + 1000, parse("2023-11-14T22:13:20-00:00:01"));
        assertTrue(refused(new CsvTimes(null), "2023-11-14T22:13+18:00:01").contains("offset beyond ±18:00"));
        assertTrue(refused(new CsvTimes(null), "2023-11-14T22:13+01:00:60").contains("offset beyond ±18:00"));
        for (String bad : new String[] {"2023-11-14T22:13:20+1", "2023-11-14T", "2023-11-14T22", "2023-11-14T22:1", "2023-11-14T22:13:2",
            "2023-11-14T22:13:20.", "2023-11-14T22:13:20.1234567890", "2023-11-14X22:13", "23-11-14", "2023/11/14", "14.11.2023",
            "2023-11-14T22:13:20 Z", "2023-11-14T22:13:20+01:00:0", "2023-11-14T22:13:20+010000", "yesterday", "1.7e9", "+1700000000", "٢٠٢٣-11-14"}) {
            assertTrue(refused(new CsvTimes(null), bad).contains("is not an ISO date (2024-01-31), ISO date-time"), bad);
        }
        for (String bad : new String[] {"2023-02-29", "2024-02-30", "2023-13-01", "2023-00-10", "2023-04-31", "2023-01-00"}) {
            assertTrue(refused(new CsvTimes(null), bad).contains("is not a valid date"), bad);
        }
        for (String bad : new String[] {"2023-11-14T24:00", "2023-11-14T23:60", "2023-11-14T23:59:60"}) {
            assertTrue(refused(new CsvTimes(null), bad).contains("is not a valid time of day"), bad);
        }
        assertTrue(refused(new CsvTimes(null), "2023-11-14T22:13+19:00").contains("offset beyond ±18:00"));
        assertTrue(refused(new CsvTimes(null), "").contains("the time is empty"));
    }

    @Test
    void epochUnitsAreInferredFromTheMagnitude() {
        long t = Instant.parse("2023-11-14T22:13:20Z").toEpochMilli();
        assertEquals(t, parse("1700000000"));
        assertEquals(t + 123, parse("1700000000123"));
        assertEquals(t + 123, parse("1700000000123456"));
        assertEquals(t + 123, parse("1700000000123456789"));
        assertEquals(-t, parse("-1700000000"), "before 1970 by the same magnitude rules");
        assertEquals(100_000_000_000L, parse("100000000"), "1e8 seconds: 1973-03-03");
        assertEquals(9_223_372_036_854L, parse("9223372036854775807"), "the largest long, in nanoseconds: 2262");
    }

    @Test
    void magnitudesBetweenTheUnitsAreRefusedNamingTheUnitOption() {
        String m = refused(new CsvTimes(null), "1700000");
        assertEquals("cannot tell the unit of the epoch time 1700000 (as seconds 1970-01-20T16:13:20Z, as milliseconds "
                + "1970-01-01T00:28:20Z); set the epoch unit: --time-unit s|ms|us|ns", m);
        for (String between : new String[] {"0", "12345678", "20000000000", "50000000000000", "50000000000000000"}) {
            assertTrue(refused(new CsvTimes(null), between).contains("cannot tell the unit"), between);
        }
        CsvTimes t = new CsvTimes(null);
        parse(t, "1700000000");
        assertEquals("the epoch time 1700000000000 looks like milliseconds but row 7's looked like seconds; set the epoch unit: "
                + "--time-unit s|ms|us|ns", refused(t, "1700000000000"));
    }

    /**
     * Every edge of the documented ranges, literally (docs/contracts.md, "CSV input"): [1e8, 1e10) seconds, [1e11, 1e13)
     * milliseconds, [1e14, 1e16) microseconds, from 1e17 nanoseconds; the first and last magnitude of each range read in
     * its unit, the magnitudes just outside are refused.
     */
    @Test
    void theUnitRangesEndExactlyWhereDocumented() {
        long[][] ranges = {{100_000_000L, 10_000_000_000L, 1000}, {100_000_000_000L, 10_000_000_000_000L, 1},
            {100_000_000_000_000L, 10_000_000_000_000_000L, -1000}, {100_000_000_000_000_000L, Long.MAX_VALUE, -1_000_000}};
        for (long[] r : ranges) {
            long lo = r[0];
            long last = r[1] == Long.MAX_VALUE ? Long.MAX_VALUE : r[1] - 1;
            for (long v : new long[] {lo, last, -lo, -last}) {
                long expected = r[2] > 0 ? v * r[2] : Math.floorDiv(v, -r[2]);
                assertEquals(expected, parse(Long.toString(v)), v + " in the range from " + lo);
            }
            for (long v : new long[] {lo - 1, r[1], -(lo - 1), -r[1]}) {
                if (v != Long.MAX_VALUE && v != -Long.MAX_VALUE) {
                    assertTrue(refused(new CsvTimes(null), Long.toString(v)).contains("cannot tell the unit"), v + "");
                }
            }
        }
    }

    @Test
    void aGivenUnitReadsAnyMagnitude() {
        CsvTimes ms = new CsvTimes(EpochUnit.MILLISECONDS);
        assertEquals(12_345_678L, parse(ms, "12345678"));
        assertEquals(0L, parse(ms, "0"));
        assertEquals(7L, parse(ms, "7"));
        assertEquals(1_700_000_000L, parse(ms, "1700000000"), "milliseconds, although the magnitude says seconds");
        assertEquals(7_000L, parse(new CsvTimes(EpochUnit.SECONDS), "7"));
        assertEquals(-1L, parse(new CsvTimes(EpochUnit.MICROSECONDS), "-1"), "floored, not truncated towards zero");
        assertEquals(1L, parse(new CsvTimes(EpochUnit.NANOSECONDS), "1999999"));
        // rounded up (events: never before their true time), exact times unchanged
        assertEquals(0L, parse(new CsvTimes(EpochUnit.MICROSECONDS, true), "-1"));
        assertEquals(2L, parse(new CsvTimes(EpochUnit.NANOSECONDS, true), "1000001"));
        assertEquals(1L, parse(new CsvTimes(EpochUnit.NANOSECONDS, true), "1000000"));
        assertEquals(1L, parse(new CsvTimes(null, true), "1970-01-01T00:00:00.0000001Z"));
        assertEquals(1L, parse(new CsvTimes(null, true), "1970-01-01T00:00:00.001Z"));
        assertEquals(0L, parse(new CsvTimes(null, true), "1969-12-31T23:59:59.9999Z"));
        assertEquals(-1499L, parse(new CsvTimes(null, true), "1969-12-31T23:59:58.5000001Z"));
        assertTrue(refused(new CsvTimes(EpochUnit.SECONDS), "9223372036854776").contains("out of range for an epoch time in seconds"));
        assertTrue(refused(new CsvTimes(null), "99999999999999999999").contains("out of range for an epoch time"));
    }

    @Test
    void stylesAreReportedOnlyForTextTheTimeWritesBack() {
        String[] exact = {"2023-11-14", "2023-11-14T22:13:20", "2023-11-14 22:13:20", "2023-11-14T22:13:20Z", "2023-11-14T22:13:20.120Z",
            "2023-11-14 22:13:20.007", "1700000000", "1700000000123", "-1700000000"};
        for (String text : exact) {
            CsvTimes t = new CsvTimes(null);
            long ms = parse(t, text);
            assertNotEquals(CsvTimes.NO_STYLE, t.style(), text);
            assertEquals(text, format(ms, t.style()), text);
        }
        String[] other = {"2023-11-14T22:13", "2023-11-14t22:13:20", "2023-11-14T22:13:20z", "2023-11-14T22:13:20.12Z",
            "2023-11-14T22:13:20+00:00", "2023-11-14T22:13:20.123456", "01700000000", "1700000000123456"};
        for (String text : other) {
            CsvTimes t = new CsvTimes(null);
            parse(t, text);
            assertEquals(CsvTimes.NO_STYLE, t.style(), text);
        }
    }

    @Test
    void unitSymbols() {
        assertEquals(EpochUnit.MICROSECONDS, EpochUnit.of("us"));
        assertEquals("unknown time unit 'mss' (did you mean ms?); units: s, ms, us, ns",
                assertThrows(io.ta.error.UnknownNameException.class, () -> EpochUnit.of("mss")).getMessage());
    }
}
