package io.ta.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tz} and {@code --time-format}: calendar periods in the zone, timestamps written in it, eval ≡ stream. */
class CliTimeTest {
    @TempDir
    Path dir;

    /** Hourly bars closing 2024-03-09T20:00Z .. 2024-03-11T12:00Z (over New York's spring-forward night). */
    Path hourly() throws Exception {
        StringBuilder sb = new StringBuilder("timestamp,close\n");
        long t0 = Instant.parse("2024-03-09T20:00:00Z").toEpochMilli();
        for (int i = 0; i < 41; i++) {
            sb.append(Instant.ofEpochMilli(t0 + i * 3_600_000L)).append(',').append(100 + i).append('\n');
        }
        Path f = dir.resolve("hourly.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void calendarDaysInTheZoneWithIsoTimestamps() throws Exception {
        String csv = hourly().toString();
        String[] a = {"--csv", csv, "--tz", "America/New_York", "--expr", "day=close@1d", "--expr", "ago=close.24h_ago"};
        CliTest.Run eval = CliTest.run(concat("eval", a));
        CliTest.Run stream = CliTest.run(concat("stream", a));
        assertEquals(0, eval.code(), eval.err());
        assertEquals(eval.out(), stream.out());
        List<String> lines = eval.out().lines().toList();
        assertEquals("timestamp,day,ago", lines.get(0), "the time column keeps its name");
        // 20:00Z is 15:00 EST; New York's Saturday ends at 05:00Z, the bar stamped then closes it (close 109).
        assertEquals("2024-03-09T15:00:00-05:00,,", lines.get(1));
        assertEquals("2024-03-10T00:00:00-05:00,109.0,", lines.get(10));
        // Sunday has 23 hours: it ends at 04:00Z on Monday (00:00 EDT), which is bar 32 (close 132).
        assertEquals("2024-03-10T23:00:00-04:00,109.0,107.0", lines.get(32)); // 24 h before bar 31 is bar 7
        assertEquals("2024-03-11T00:00:00-04:00,132.0,108.0", lines.get(33));
        // In UTC the days end at 00:00Z instead, and the input's text is kept.
        CliTest.Run utc = CliTest.run("eval", "--csv", csv, "--expr", "day=close@1d");
        assertEquals("2024-03-10T00:00:00Z,104.0", utc.out().lines().toList().get(5));
        CliTest.Run ms = CliTest.run("stream", "--csv", csv, "--time-format", "epoch-ms", "--expr", "c=close");
        assertEquals(Instant.parse("2024-03-09T20:00:00Z").toEpochMilli() + ",100.0", ms.out().lines().toList().get(1));
    }

    @Test
    void isoTimesOfEveryYearReadBack() throws Exception {
        Path f = dir.resolve("years.csv");
        long[] times = {-62_167_219_200_001L, 253_402_300_799_999L, 253_402_300_800_000L, 253_402_300_860_000L};
        StringBuilder sb = new StringBuilder("date,close\n");
        for (long t : times) {
            sb.append(t).append(",1\n");
        }
        Files.writeString(f, sb.toString());
        CliTest.Run iso = CliTest.run("eval", "--csv", f.toString(), "--time-unit", "ms", "--time-format", "iso",
                "--expr", "close=close");
        assertEquals(0, iso.code(), iso.err());
        assertTrue(iso.out().contains("\n+010000-01-01T00:00:00Z,"), "an expanded year: " + iso.out());
        Path back = dir.resolve("back.csv");
        Files.writeString(back, iso.out());
        CliTest.Run ms = CliTest.run("eval", "--csv", back.toString(), "--time-format", "epoch-ms", "--expr", "c=close");
        assertEquals(0, ms.code(), ms.err());
        assertEquals(sb.toString().replace("date,close", "date,c").replace(",1\n", ",1.0\n"), ms.out());
    }

    @Test
    void isoTimesInAZoneOfLocalMeanTimeReadBack() throws Exception {
        // Before 1883 New York kept its local mean time, 4:56:02 behind UTC: java.time writes that offset with seconds.
        Path f = dir.resolve("1850.csv");
        Files.writeString(f, "date,close\n1850-01-01,1\n1850-01-02,2\n");
        for (String command : new String[] {"eval", "stream"}) {
            CliTest.Run iso = CliTest.run(command, "--csv", f.toString(), "--tz", "America/New_York", "--expr", "c=close");
            assertEquals(0, iso.code(), iso.err());
            assertEquals(List.of("date,c", "1849-12-31T19:03:58-04:56:02,1.0", "1850-01-01T19:03:58-04:56:02,2.0"),
                    iso.out().lines().toList());
            Path back = dir.resolve("back-" + command + ".csv");
            Files.writeString(back, iso.out());
            CliTest.Run ms = CliTest.run(command, "--csv", back.toString(), "--time-format", "epoch-ms", "--expr", "c=c");
            assertEquals(0, ms.code(), ms.err());
            long day = Instant.parse("1850-01-01T00:00:00Z").toEpochMilli();
            assertEquals(List.of("date,c", day + ",1.0", (day + 86_400_000L) + ",2.0"), ms.out().lines().toList(),
                    "the same instants");
        }
    }

    @Test
    void badZonesAndMissingTimesAreUsageAndDataErrors() throws Exception {
        CliTest.Run bad = CliTest.run("eval", "--csv", hourly().toString(), "--tz", "Mars/Olympus", "--expr", "c=close");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--tz"), bad.err());
        Path noTime = dir.resolve("plain.csv");
        Files.writeString(noTime, "close\n1\n2\n3\n");
        for (String command : new String[] {"eval", "stream"}) {
            CliTest.Run r = CliTest.run(command, "--csv", noTime.toString(), "--expr", "w=close@1w");
            assertEquals(3, r.code(), r.err());
            assertTrue(r.err().contains("no time column"), r.err());
            CliTest.Run bars = CliTest.run(command, "--csv", noTime.toString(), "--expr", "two=close@2");
            assertEquals(0, bars.code(), bars.err());
            assertEquals(List.of("bar,two", "0,", "1,2.0", "2,2.0"), bars.out().lines().toList(), "bar numbers, not prices under 'date'");
        }
    }

    static String[] concat(String first, String[] rest) {
        String[] out = new String[rest.length + 1];
        out[0] = first;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }
}
