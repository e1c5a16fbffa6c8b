package io.ta.runtime.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ta.error.TaException;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whatever the bytes, the CSV reader gives a correct parse or one of our typed errors — never a JDK exception, an
 * infinity or a disagreement between the row reader and the columnar loader; and numbers written by
 * {@link Double#toString} (and times in every supported shape) read back exactly. The first byte picks the property
 * and the options; {@code mvn verify} fuzzes this for a minute (execution {@code fuzz-csv}) after running the seeds
 * under {@code CsvReaderFuzzTestInputs} as a regression test.
 */
class CsvReaderFuzzTest {
    private static final char[] DELIMITERS = {0, ',', ';', '\t', '|'};

    @FuzzTest(maxDuration = "60s")
    void readsBarsOrFailsTyped(byte[] data) {
        if (data.length == 0) {
            return;
        }
        int mode = data[0] & 0xff;
        byte[] rest = Arrays.copyOfRange(data, 1, data.length);
        if ((mode & 1) == 0) {
            anyBytes(rest, mode >>> 1);
        } else {
            roundTrip(rest, mode >>> 1);
        }
    }

    /** Arbitrary text: both faces agree row by row, or fail with the same typed error. */
    static void anyBytes(byte[] text, int bits) {
        CsvOptions options = CsvOptions.defaults();
        char d = DELIMITERS[bits % DELIMITERS.length];
        if (d != 0) {
            options = options.withDelimiter(d);
        }
        bits /= DELIMITERS.length;
        options = options.withEpochUnit(bits % 5 == 0 ? null : EpochUnit.values()[bits % 5 - 1]);
        bits /= 5;
        options = options.withSymbolColumn(bits % 2 == 0 ? null : "sym").withColumns(bits / 2 % 2 == 0 ? null : List.of("close"));
        List<String> rows = new ArrayList<>();
        String rowError = null;
        try (CsvReader r = CsvReader.open(new ByteArrayInputStream(text), "fuzz", options)) {
            Map<Integer, Long> last = new HashMap<>();
            while (r.next()) {
                StringBuilder sb = new StringBuilder(r.label());
                if (r.hasTime()) {
                    Long before = last.put(r.symbolId(), r.time());
                    assertTrue(before == null || before < r.time(), "times ascend per symbol");
                    sb.append('|').append(r.time());
                }
                sb.append('|').append(r.symbol());
                for (int k = 0; k < r.selected().size(); k++) {
                    double v = r.value(k);
                    assertTrue(!Double.isInfinite(v), "never an infinity");
                    sb.append('|').append(Double.doubleToRawLongBits(v));
                }
                rows.add(sb.toString());
            }
        } catch (TaException e) {
            rowError = e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            fail("escaped as " + e, e);
        }
        String loadError = null;
        CsvBars t = null;
        try {
            t = CsvBars.read(new ByteArrayInputStream(text), "fuzz", options);
        } catch (TaException e) {
            loadError = e.getMessage();
        } catch (RuntimeException | StackOverflowError e) {
            fail("escaped as " + e, e);
        }
        assertEquals(rowError, loadError, "the row reader and the loader fail alike");
        if (t == null) {
            return;
        }
        assertEquals(rows.size(), t.rows());
        for (int i = 0; i < t.rows(); i++) {
            StringBuilder sb = new StringBuilder(t.label(i));
            if (t.hasTime()) {
                sb.append('|').append(t.time(i));
            }
            sb.append('|').append(t.symbols() == null ? null : t.symbols().get(t.symbolId(i)));
            for (int k = 0; k < t.columns().size(); k++) {
                sb.append('|').append(Double.doubleToRawLongBits(t.value(k, i)));
            }
            assertEquals(rows.get(i), sb.toString(), "row " + i);
        }
    }

    /** Rows written from random doubles and times read back exactly (non-finite values as missing). */
    static void roundTrip(byte[] seed, int bits) {
        ByteBuffer b = ByteBuffer.wrap(seed);
        int shape = bits % 6;
        char d = DELIMITERS[1 + bits / 6 % 4];
        boolean symbols = bits / 24 % 2 == 1;
        StringBuilder csv = new StringBuilder("time" + d + (symbols ? "sym" + d : "") + "close" + d + "note\n");
        List<Double> values = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        long t = shape == 2 ? 1_000_000_000L : shape == 3 ? 200_000_000_000_000L : 1_000_000_000_000L;
        while (b.remaining() >= 10) {
            double v = Double.longBitsToDouble(b.getLong());
            t += 1 + (b.getShort() & 0x7fff) * (shape == 2 ? 1L : 1000L);
            String label = switch (shape) {
                case 0 -> Long.toString(t);
                case 1 -> Instant.ofEpochMilli(t).toString();
                case 2 -> Long.toString(t);
                case 3 -> Long.toString(t);
                case 4 -> Instant.ofEpochMilli(t - t % 1000).toString().replace('T', ' ').replace("Z", "");
                default -> Instant.ofEpochMilli(t).atOffset(java.time.ZoneOffset.ofHours(5)).toString();
            };
            long ms = switch (shape) {
                case 2 -> t * 1000;
                case 3 -> Math.floorDiv(t, 1000);
                case 4 -> t - t % 1000;
                default -> t;
            };
            if (!times.isEmpty() && ms <= times.getLast()) {
                continue;
            }
            csv.append(label).append(d).append(symbols ? "X" + d : "").append(v).append(d).append("n/a\n");
            values.add(v);
            times.add(ms);
            labels.add(label);
        }
        CsvOptions options = CsvOptions.defaults().withColumns(List.of("close")).withSymbolColumn(symbols ? "sym" : null);
        CsvBars table = CsvBars.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "fuzz", options);
        assertEquals(values.size(), table.rows());
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            double expected = Double.isFinite(v) ? v : Double.NaN;
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(table.value(0, i)), Double.toString(v));
            assertEquals(times.get(i), table.time(i), labels.get(i));
            assertEquals(labels.get(i), table.label(i));
        }
    }
}
