package io.ta.runtime.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Timeframe and duration spellings, and the period ends of every timed timeframe in every zone java.time knows, at
 * any instant: a spelling parses to a timeframe whose canonical text parses back to it, or is an
 * {@link InvalidParameterException}; {@link Timeframe#end} is at or after the bar, is its own period's end, never
 * goes back as the bar moves forward, and the next period ends after it — or the end lies outside the range of
 * timestamps, a {@link ShapeMismatchException}. Historic zones hold days that were skipped (Pacific/Apia, 2011),
 * midnights that fell into a gap or came twice, and offsets of minutes and seconds.
 *
 * <p>The normal test run replays the committed seeds in
 * {@code src/test/resources/io/ta/runtime/time/TimeframeFuzzTestInputs/periodEnds}.
 */
class TimeframeFuzzTest {
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    private static final String[] FORMS = {"5", "30s", "15m", "4h", "1d", "1w", "1M", "2M", "3M", "1Q", "4M", "6M", "12M", "1y",
        "999999999h", "999999999s", "0001d", "7", "2d", "1000000000s", "1 d", " 1w ", "1٤h", "1D", "1H", "5M", "4Q"};

    @FuzzTest(maxDuration = "60s")
    void periodEnds(FuzzedDataProvider data) {
        String text = data.consumeBoolean() ? data.pickValue(FORMS) : data.consumeString(14);
        try {
            long millis = Timeframe.duration(text);
            assertTrue(millis > 0, text);
        } catch (InvalidParameterException refused) {
            // not a duration
        }
        Timeframe tf;
        try {
            tf = Timeframe.parse(text);
        } catch (InvalidParameterException refused) {
            return;
        }
        assertEquals(tf, Timeframe.parse(tf.toString()), "the canonical text parses back: " + tf);
        if (!tf.needsTime()) {
            return;
        }
        ZoneId zone = data.consumeBoolean() ? ZoneId.of(data.pickValue(ZONES))
                : ZoneOffset.ofTotalSeconds(data.consumeInt(-18 * 3600, 18 * 3600));
        long t = switch (data.consumeInt(0, 2)) {
            case 0 -> data.consumeLong();
            case 1 -> data.consumeLong(-5_000_000_000_000L, 5_000_000_000_000L);
            default -> data.consumeBoolean() ? Long.MAX_VALUE - data.consumeLong(0, 1L << 40)
                    : Long.MIN_VALUE + data.consumeLong(0, 1L << 40);
        };
        long end;
        try {
            end = tf.end(t, zone);
        } catch (ShapeMismatchException outside) {
            return;
        }
        String where = tf + " in " + zone + " at " + t;
        assertTrue(end >= t, where + ": ends at " + end);
        assertEquals(end, tf.end(end, zone), where + ": " + end + " is not its own period's end");
        long later = t + data.consumeLong(0, end - t);
        assertEquals(end, tf.end(later, zone), where + ": " + later + " lies in the same period");
        if (end == Long.MAX_VALUE) {
            return;
        }
        try {
            long next = tf.end(end + 1, zone);
            assertTrue(next > end, where + ": the next period ends at " + next + ", not after " + end);
        } catch (ShapeMismatchException outside) {
            // the next period ends after the last timestamp
        }
    }
}
