package io.ta.runtime.time;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ta.error.InvalidParameterException;
import io.ta.runtime.Bars;
import io.ta.runtime.resample.Resample;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * Calendar periods, checked by hand: which bars a period holds and when it ends, across DST changes, month, quarter and
 * year ends. Bars are stamped at their close, so a period is {@code (start, end]}.
 */
class TimeframeTest {
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static long at(String isoWithOffset) {
        return ZonedDateTime.parse(isoWithOffset).toInstant().toEpochMilli();
    }

    static long utc(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void textForms() {
        assertEquals("1Q", Timeframe.parse("3M").toString());
        assertEquals("1y", Timeframe.parse("12M").toString());
        assertEquals(Timeframe.parse("1Q"), Timeframe.parse("3M"));
        // One fixed period, one text: 60m and 1h were two timeframes (and two plans) of one period.
        assertEquals("1h", Timeframe.parse("60m").toString());
        assertEquals(Timeframe.parse("1h"), Timeframe.parse("3600s"));
        assertEquals(Timeframe.parse("1h").hashCode(), Timeframe.parse("60m").hashCode());
        assertEquals("2m", Timeframe.parse("120s").toString());
        assertEquals("90m", Timeframe.parse("5400s").toString());
        assertEquals("90s", Timeframe.parse("90s").toString());
        assertEquals("24h", Timeframe.parse("1440m").toString());
        assertEquals("16666666m", Timeframe.parse("999999960s").toString());
        assertEquals(15 * 60_000L, Timeframe.parse("15m").size());
        assertEquals(Timeframe.Kind.MONTH, Timeframe.parse("1M").kind());
        assertEquals(Timeframe.Kind.BARS, Timeframe.parse("5").kind());
        for (String bad : new String[] {"", "w", "0h", "1x", "2w", "5M", "1 w", "-1h", "1000000000h"}) {
            assertThrows(InvalidParameterException.class, () -> Timeframe.parse(bad), bad);
        }
    }

    @Test
    void theSuggestedFixedLengthIsATimeframeOrTheLimitIsSaid() {
        for (String days : new String[] {"2d", "3w", "41666666d", "5952380w"}) {
            String message = assertThrows(InvalidParameterException.class, () -> Timeframe.parse(days)).getMessage();
            long n = Long.parseLong(days.substring(0, days.length() - 1));
            long hours = n * (days.endsWith("d") ? 24 : 168);
            assertEquals(hours * 3_600_000L, Timeframe.parse(message.substring(message.lastIndexOf("e.g. ") + 5)).size(),
                    message);
        }
        for (String days : new String[] {"41666667d", "99999999d", "5952381w"}) {
            assertEquals("timeframe: '" + days + "' is not a timeframe; calendar days and weeks come one at a time (1d, 1w); "
                    + "a fixed length is at most 999999999h (about 114,000 years)",
                    assertThrows(InvalidParameterException.class, () -> Timeframe.parse(days)).getMessage());
        }
        assertEquals("timeframe: '2399999976h' is not a timeframe; the count of a timeframe is at most 999999999",
                assertThrows(InvalidParameterException.class, () -> Timeframe.parse("2399999976h")).getMessage());
    }

    @Test
    void weeksStartMondayNotEpochThursday() {
        // Daily bars closing 16:00 UTC, Wednesday 2024-01-03 to Tuesday 2024-01-16.
        long[] t = new long[14];
        double[] close = new double[14];
        for (int i = 0; i < 14; i++) {
            t[i] = utc("2024-01-03T16:00:00Z") + i * 86_400_000L;
            close[i] = i + 1;
        }
        Bars bars = Bars.builder().time(t).column("close", close).build();
        Bars weeks = Resample.resample(bars, Timeframe.parse("1w"), ZoneOffset.UTC);
        // Wed 3 .. Sun 7 close in the week ending Monday 8 00:00; Mon 8 .. Sun 14 in the next; Mon 15, Tue 16 are forming.
        assertArrayEquals(new long[] {utc("2024-01-08T00:00:00Z"), utc("2024-01-15T00:00:00Z"), utc("2024-01-22T00:00:00Z")},
                weeks.times());
        assertArrayEquals(new double[] {5, 12, 14}, weeks.column("close"));
        // The epoch-aligned 7-day period of Resample.resample(bars, ms) ends on Thursdays, which is what the issue fixed.
        assertEquals(java.time.DayOfWeek.THURSDAY,
                Instant.ofEpochMilli(Resample.resample(bars, 7 * 86_400_000L).times()[0]).atZone(ZoneOffset.UTC).getDayOfWeek());
    }

    @Test
    void barStampedAtTheBoundaryClosesThePeriodEndingThere() {
        Timeframe w = Timeframe.parse("1w");
        assertEquals(utc("2024-01-08T00:00:00Z"), w.end(utc("2024-01-08T00:00:00Z"), ZoneOffset.UTC));
        assertEquals(utc("2024-01-15T00:00:00Z"), w.end(utc("2024-01-08T00:00:00.001Z"), ZoneOffset.UTC));
        Timeframe h4 = Timeframe.parse("4h");
        assertEquals(utc("2024-01-08T04:00:00Z"), h4.end(utc("2024-01-08T04:00:00Z"), ZoneOffset.UTC));
        assertEquals(utc("2024-01-08T08:00:00Z"), h4.end(utc("2024-01-08T04:00:01Z"), ZoneOffset.UTC));
    }

    @Test
    void daysAcrossDstInNewYork() {
        Timeframe d = Timeframe.parse("1d");
        // Spring forward: 2024-03-10 has 23 hours (00:00 EST = 05:00Z to 00:00 EDT = 04:00Z next day).
        assertEquals(at("2024-03-11T00:00-04:00"), d.end(at("2024-03-10T12:00-04:00"), NY));
        assertEquals(at("2024-03-10T00:00-05:00"), d.end(at("2024-03-09T23:59-05:00"), NY));
        // Fall back: 2024-11-03 has 25 hours.
        assertEquals(at("2024-11-04T00:00-05:00"), d.end(at("2024-11-03T01:30-04:00"), NY));
        assertEquals(at("2024-11-04T00:00-05:00"), d.end(at("2024-11-03T01:30-05:00"), NY));
        // Hourly bars through both days: 23 and 25 per day.
        assertEquals(23, barsPerPeriod(at("2024-03-09T01:00-05:00"), 72, d, NY)[1]);
        assertEquals(25, barsPerPeriod(at("2024-11-02T01:00-04:00"), 72, d, NY)[1]);
    }

    /** Hourly bars from {@code first}; how many fall in each period. */
    static int[] barsPerPeriod(long first, int n, Timeframe tf, ZoneId zone) {
        long[] t = new long[n];
        double[] one = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = first + i * 3_600_000L;
            one[i] = 1;
        }
        Bars b = Bars.builder().time(t).column("volume", one).build();
        double[] v = Resample.resample(b, tf, zone).column("volume");
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    @Test
    void weekAcrossDstHas167Hours() {
        Timeframe w = Timeframe.parse("1w");
        long end = w.end(at("2024-03-06T12:00-05:00"), NY);
        assertEquals(at("2024-03-11T00:00-04:00"), end);
        assertEquals(at("2024-03-04T00:00-05:00"), w.end(at("2024-03-03T12:00-05:00"), NY));
        assertEquals(167, barsPerPeriod(at("2024-03-04T01:00-05:00"), 200, w, NY)[0]);
    }

    @Test
    void monthsQuartersAndYearsAcrossYearEndInBerlin() {
        // Daily bars closing 17:30 Berlin time, 2023-12-28 to 2024-01-03.
        long[] t = new long[7];
        double[] close = new double[7];
        for (int i = 0; i < 7; i++) {
            t[i] = at("2023-12-28T17:30+01:00") + i * 86_400_000L;
            close[i] = 10 + i;
        }
        Bars bars = Bars.builder().time(t).column("close", close).build();
        Bars months = Resample.resample(bars, Timeframe.parse("1M"), BERLIN);
        assertArrayEquals(new long[] {utc("2023-12-31T23:00:00Z"), utc("2024-01-31T23:00:00Z")}, months.times());
        assertArrayEquals(new double[] {13, 16}, months.column("close"));
        Bars years = Resample.resample(bars, Timeframe.parse("1y"), BERLIN);
        assertArrayEquals(new long[] {utc("2023-12-31T23:00:00Z"), utc("2024-12-31T23:00:00Z")}, years.times());
        // Q1 2024 ends at April 1 00:00 CEST (+02:00): DST began on March 31.
        Bars quarters = Resample.resample(bars, Timeframe.parse("1Q"), BERLIN);
        assertArrayEquals(new long[] {utc("2023-12-31T23:00:00Z"), utc("2024-03-31T22:00:00Z")}, quarters.times());
        // Half years and two-month groups align to January.
        assertEquals(utc("2024-06-30T22:00:00Z"), Timeframe.parse("6M").end(at("2024-02-10T12:00+01:00"), BERLIN));
        assertEquals(utc("2024-02-29T23:00:00Z"), Timeframe.parse("2M").end(at("2024-02-10T12:00+01:00"), BERLIN));
    }

    @Test
    void calendarPeriodsEndWithinTheLongRangeFromItsFirstMillisecond() {
        // Long.MIN_VALUE is 16:47:04.192 UTC on Sunday 16 May of the year -292,275,055: its day, week, month and
        // year began before the first millisecond, which refused the bar as if its period ended outside the range.
        long min = Long.MIN_VALUE;
        long day = 86_400_000L;
        long midnight = min - Math.floorMod(min, day) + day;
        assertEquals(midnight, Timeframe.parse("1d").end(min, ZoneOffset.UTC));
        assertEquals(midnight, Timeframe.parse("1d").end(min + 1, ZoneOffset.UTC));
        assertEquals(midnight, Timeframe.parse("1w").end(min, ZoneOffset.UTC)); // Monday 17 May
        assertEquals(midnight + 15 * day, Timeframe.parse("1M").end(min, ZoneOffset.UTC)); // 1 June
        long nextDayInNewYork = Instant.ofEpochMilli(min).atZone(NY).toLocalDate().plusDays(1).atStartOfDay(NY)
                .toInstant().toEpochMilli();
        assertEquals(nextDayInNewYork, Timeframe.parse("1d").end(min, NY));
        Bars b = Bars.builder().time(new long[] {min, min + 1, midnight, midnight + 1})
                .column("close", new double[] {1, 2, 3, 4}).build();
        assertArrayEquals(new double[] {3, 4},
                Resample.resample(b, Timeframe.parse("1d"), ZoneOffset.UTC).column("close"));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 3, 3},
                io.ta.runtime.Plan.compile("close@1d").run(b).value().toArray());
        assertArrayEquals(new double[] {1, 0, 0, 1},
                io.ta.runtime.Plan.compile("session_start('1d')").run(b).value().toArray());
    }

    @Test
    void theSameInstantFallsInDifferentDaysByZone() {
        long t = utc("2024-01-08T03:00:00Z"); // Monday 03:00 UTC, Sunday 22:00 in New York
        assertEquals(utc("2024-01-09T00:00:00Z"), Timeframe.parse("1d").end(t, ZoneOffset.UTC));
        assertEquals(at("2024-01-08T00:00-05:00"), Timeframe.parse("1d").end(t, NY));
        assertEquals(at("2024-01-08T00:00-05:00"), Timeframe.parse("1w").end(t, NY)); // still last week in New York
    }
}
