package io.ta.ffi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ta.error.InvalidParameterException;
import io.ta.error.ShapeMismatchException;
import io.ta.error.SnapshotMismatchException;
import io.ta.error.StreamStateException;
import io.ta.error.UnknownNameException;
import io.ta.runtime.Bars;
import io.ta.runtime.PlanResult;
import io.ta.runtime.Registry;
import io.ta.runtime.RegistryConflictException;
import io.ta.runtime.dsl.ExpressionException;
import io.ta.runtime.Plan;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java half of libta in isolation: how failures map to {@code ta_status}, the checks the bridge adds before any
 * bar is read, and the manifest merge. End-to-end behaviour (through JNI, bit for bit against the Java API) is
 * tested from C, Python and Node by {@code native-tests.sh} and ta-node.
 */
class BridgeTest {

    private static Throwable thrown(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void everyTypedErrorHasItsStatus() {
        assertEquals(Bridge.INVALID_PARAMETER, Bridge.status(new InvalidParameterException("k", List.of("p"), "r", "m")));
        assertEquals(Bridge.SHAPE_MISMATCH, Bridge.status(new ShapeMismatchException("k", "m")));
        assertEquals(Bridge.UNKNOWN_NAME, Bridge.status(new UnknownNameException("kernel", "x", null, "m")));
        assertEquals(Bridge.SNAPSHOT_MISMATCH, Bridge.status(new SnapshotMismatchException("m")));
        assertEquals(Bridge.STREAM_STATE, Bridge.status(new StreamStateException("m")));
        assertEquals(Bridge.ENGINE, Bridge.status(new RegistryConflictException("m")));
        assertEquals(Bridge.INTERNAL, Bridge.status(new OutOfMemoryError("Java heap space")));
        assertEquals(Bridge.INTERNAL, Bridge.status(new NullPointerException()));
    }

    @Test
    void expressionErrorsAreParseErrorsWithTheirPosition() {
        Throwable syntax = thrown(() -> Plan.compile("rsi(close, 14"));
        assertEquals(Bridge.PARSE, Bridge.status(syntax));
        assertArrayEquals(new int[] {1, 14}, Bridge.position(syntax));
        Throwable binding = thrown(() -> Plan.compile("close > smaa(close, 3)"));
        assertTrue(binding instanceof ExpressionException);
        assertEquals(Bridge.PARSE, Bridge.status(binding));
        assertEquals(1, Bridge.position(binding)[0]);
        assertArrayEquals(new int[] {0, 0}, Bridge.position(new ShapeMismatchException("k", "m")));
    }

    @Test
    void messagesAreTheExceptionsOwnAndUtf8() {
        Throwable t = thrown(() -> Plan.compile("close > €"));
        assertEquals(t.getMessage(), new String(Bridge.message(t), StandardCharsets.UTF_8));
        assertEquals("java.lang.OutOfMemoryError: Java heap space",
                new String(Bridge.message(new OutOfMemoryError("Java heap space")), StandardCharsets.UTF_8));
        assertEquals("📈", Bridge.string("📈".getBytes(StandardCharsets.UTF_8)));
    }

    /** ta_plan_run's Java side: one value per bar for every root, a plan of constants included. */
    @Test
    void aPlanRunGivesEveryRootOneValuePerBar() {
        String[] names = {"close", "volume"};
        long[] lengths = {4, 4};
        Object sma = Bridge.planCompile(new String[] {"a", "b"}, new String[] {"sma(close, 2)", "1 + 2"});
        double[][] both = Bridge.planRun(sma, names, lengths, new double[][] {{1, 2, 3, 4}, null}, new long[] {4, 4});
        assertArrayEquals(new double[] {Double.NaN, 1.5, 2.5, 3.5}, both[0]);
        assertArrayEquals(new double[] {3, 3, 3, 3}, both[1]);
        Object constant = Bridge.planCompile(new String[] {"c"}, new String[] {"2 > 1"});
        double[][] one = Bridge.planRun(constant, names, lengths, new double[][] {null, null}, new long[] {4});
        assertArrayEquals(new double[] {1, 1, 1, 1}, one[0]);
    }

    @Test
    void versionIsTheBuildsAndTheAbiIsOne() {
        String v = new String(Bridge.version(), StandardCharsets.UTF_8);
        assertTrue(v.matches("\\d+\\.\\d+\\.\\d+.*"), v);
        assertEquals(1, Bridge.abi());
    }

    @Test
    void kernelNamesAreTheRegistrysInOrder() {
        byte[][] names = Bridge.kernelNames();
        List<String> registered = Registry.standard().kernels().stream().map(d -> d.name()).toList();
        assertEquals(registered.size(), names.length);
        for (int i = 0; i < names.length; i++) {
            assertEquals(registered.get(i), new String(names[i], StandardCharsets.UTF_8));
        }
        assertArrayEquals(new int[] {1, 3}, Bridge.kernelShape("bbands"));
        assertArrayEquals(new int[] {1, 1}, Bridge.kernelShape("bb_lower"));
    }

    @Test
    void manifestsOfSeveralJarsMergeIntoOneKernelsArray() {
        String a = "{\n  \"format\": 1,\n  \"kernels\": [\n    {\"name\": \"a\"},\n    {\"name\": \"b\"}\n  ]\n}\n";
        String b = "{\n  \"format\": 1,\n  \"kernels\": [\n    {\"name\": \"c\"}\n  ]\n}\n";
        String empty = "{\n  \"format\": 1,\n  \"kernels\": []\n}\n";
        assertEquals(a, Bridge.mergeManifests(jars(a)));
        String merged = Bridge.mergeManifests(jars(a, empty, b));
        assertEquals("{\n  \"format\": 1,\n  \"kernels\": [\n    {\"name\": \"a\"},\n    {\"name\": \"b\"},\n    {\"name\": \"c\"}\n  ]\n}\n",
                merged);
        assertTrue(Bridge.mergeManifests(jars()).contains("\"kernels\": []"));
    }

    /** A merged document claims one format for all, so a library of another format is refused, naming its jar. */
    @Test
    void aManifestOfAnotherFormatIsRefusedNotMerged() {
        String a = "{\n  \"format\": 1,\n  \"kernels\": [\n    {\"name\": \"a\"}\n  ]\n}\n";
        String future = "{\n  \"format\": 2,\n  \"kernels\": [\n    {\"name\": \"c\"}\n  ]\n}\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Bridge.mergeManifests(jars(a, future)));
        assertTrue(e.getMessage().startsWith("jar1.jar: ") && e.getMessage().contains("format 2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> Bridge.mergeManifests(jars(future)), "alone too");
        assertThrows(IllegalStateException.class, () -> Bridge.mergeManifests(jars("{\"kernels\": []}")), "no format");
    }

    private static Map<String, String> jars(String... docs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < docs.length; i++) {
            m.put("jar" + i + ".jar", docs[i]);
        }
        return m;
    }

    @Test
    void batchChecksEverythingBeforeAnyBar() {
        String[] none = {};
        Throwable ragged = thrown(() -> Bridge.batchOpen("atr", none, new double[0], none, new long[] {10, 9, 10}, new long[] {10}));
        assertEquals("atr: input lengths differ: high=10, low=9, close=10", ragged.getMessage());
        Throwable nul = thrown(() -> Bridge.batchOpen("sma", none, new double[0], none, new long[] {-1}, new long[] {10}));
        assertEquals("sma: input 'x' is null", nul.getMessage());
        Throwable out = thrown(() -> Bridge.batchOpen("sma", none, new double[0], none, new long[] {10}, new long[] {9}));
        assertEquals("sma: output 'value' has length 9, inputs have 10", out.getMessage());
        Throwable twice = thrown(() -> Bridge.batchOpen("rsi", new String[] {"period", "period"}, new double[] {3, 4},
                new String[2], new long[] {10}, new long[] {10}));
        assertEquals(Bridge.INVALID_PARAMETER, Bridge.status(twice));
        Throwable bool = thrown(() -> Bridge.batchOpen("swing_points", new String[] {"allow_equal_extremes"}, new double[] {2},
                new String[1], new long[] {10, 10}, new long[] {10, 10}));
        assertEquals(Bridge.INVALID_PARAMETER, Bridge.status(bool));
    }

    @Test
    void aBatchInBlocksEqualsTheJavaBatch() {
        int n = 3 * Bridge.BLOCK + 17;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 100 + Math.sin(i * 0.1) * 10 + (i % 7);
        }
        Object job = Bridge.batchOpen("macd", new String[0], new double[0], new String[0], new long[] {n}, new long[] {n, n, n});
        double[][] in = Bridge.batchInputs(job);
        double[][] out = Bridge.batchOutputs(job);
        double[][] got = new double[3][n];
        for (int from = 0; from < n; from += Bridge.BLOCK) {
            int len = Math.min(Bridge.BLOCK, n - from);
            System.arraycopy(x, from, in[0], 0, len);
            Bridge.batchRun(job, len);
            for (int j = 0; j < 3; j++) {
                System.arraycopy(out[j], 0, got[j], from, len);
            }
        }
        double[][] want = Registry.standard().kernel("macd").batch(io.ta.spi.ParamValues.defaults(Registry.standard().kernel("macd")), x);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(want[j], got[j]);
        }
        assertEquals(33, Bridge.batchLookback(job));
    }

    @Test
    void streamsExchangeBarsThroughTheBuffer() {
        Object plan = Bridge.planCompile(new String[] {"s", "d"}, new String[] {"sma(close, 2)", "high - low"});
        List<String> columns = java.util.Arrays.stream(Bridge.planColumns(plan)).map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("close", "high", "low"), columns);
        ByteBuffer io = ByteBuffer.allocateDirect(3 * Double.BYTES).order(ByteOrder.nativeOrder());
        Object s = Bridge.streamOpen(plan, io);
        io.asDoubleBuffer().put(new double[] {11, 12, 10});
        Bridge.streamUpdate(s);
        io.asDoubleBuffer().put(new double[] {13, 14, 11});
        Bridge.streamUpdate(s);
        assertEquals(12.0, io.asDoubleBuffer().get(0));
        assertEquals(3.0, io.asDoubleBuffer().get(1));
        assertEquals(2, Bridge.streamCount(s));
        Throwable width = thrown(() -> Bridge.streamBarWidth(s, 2));
        assertEquals("plan: a bar needs 3 values (close, high, low), got 2", width.getMessage());
        Throwable small = thrown(() -> Bridge.streamOpen(plan, ByteBuffer.allocateDirect(8)));
        assertEquals(Bridge.SHAPE_MISMATCH, Bridge.status(small));
        byte[] snap = Bridge.streamSnapshot(s);
        snap[0] ^= 1;
        assertThrows(SnapshotMismatchException.class, () -> Bridge.streamRestore(s, snap));
    }

    private static final long DAY = 86_400_000L;

    /** ta_plan_run_timed's Java side: the Java plan run over Bars with the times, in the plan's zone. */
    @Test
    void aTimedRunEqualsTheJavaRunOverBarsWithTimes() {
        int n = 60;
        long[] times = new long[n];
        double[] close = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = 1_700_000_000_000L + i * DAY;
            close[i] = 100 + Math.sin(i * 0.3) * 5;
        }
        String[] exprs = {"sma(close, 3)@1w", "session_high(close, '1w')"};
        Object plan = Bridge.planCompileZoned(new String[] {"w", "s"}, exprs, "America/New_York");
        assertEquals(1, Bridge.planReadsTime(plan));
        double[][] got = Bridge.planRunTimed(plan, new String[] {"close"}, new long[] {n}, new double[][] {close},
                new long[] {n, n}, times);
        Map<String, String> named = new LinkedHashMap<>();
        named.put("w", exprs[0]);
        named.put("s", exprs[1]);
        Plan inJava = Plan.compile(named, Registry.standard(), ZoneId.of("America/New_York"));
        PlanResult want = inJava.run(Bars.builder().time(times).column("close", close).build());
        assertArrayEquals(want.get("w").toArray(), got[0]);
        assertArrayEquals(want.get("s").toArray(), got[1]);
        // A plan that reads no column takes its length from the times.
        Object starts = Bridge.planCompile(new String[] {"v"}, new String[] {"session_start('1w')"});
        double[][] one = Bridge.planRunTimed(starts, new String[0], new long[0], new double[0][], new long[] {n}, times);
        assertEquals(n, one[0].length);
    }

    /** The TA_1 calls refuse a plan that reads time as the runtime does, but name the C function to call instead. */
    @Test
    void untimedCallsOnATimedPlanNameTheCFunctionToUse() {
        Object plan = Bridge.planCompile(new String[] {"v"}, new String[] {"close@1w"});
        Throwable run = thrown(() -> Bridge.planRun(plan, new String[] {"close"}, new long[] {3},
                new double[][] {{1, 2, 3}}, new long[] {3}));
        assertEquals(Bridge.SHAPE_MISMATCH, Bridge.status(run));
        assertTrue(run.getMessage().contains("call ta_plan_run_timed with each bar's close time"), run.getMessage());
        Object s = Bridge.streamOpen(plan, ByteBuffer.allocateDirect(Double.BYTES).order(ByteOrder.nativeOrder()));
        Throwable update = thrown(() -> Bridge.streamUpdate(s));
        Throwable preview = thrown(() -> Bridge.streamPreview(s));
        assertEquals(Bridge.STREAM_STATE, Bridge.status(update));
        assertEquals(Bridge.STREAM_STATE, Bridge.status(preview));
        String m = update.getMessage();
        assertTrue(m.contains("call ta_stream_update_at") && !m.contains("(time, bar)"), m);
        assertTrue(preview.getMessage().contains("call ta_stream_preview_at"), preview.getMessage());
        Throwable none = thrown(() -> Bridge.streamTime(s));
        assertEquals(Bridge.STREAM_STATE, Bridge.status(none));
        assertEquals("plan: no bar yet; call ta_stream_update_at first", none.getMessage());
        Bridge.streamUpdateAt(s, 5 * DAY);
        assertEquals(5 * DAY, Bridge.streamTime(s));
        Bridge.streamPreviewAt(s, 6 * DAY);
        assertEquals(6 * DAY, Bridge.streamTime(s));
        Throwable late = thrown(() -> Bridge.streamUpdateAt(s, 5 * DAY));
        assertEquals(Bridge.SHAPE_MISMATCH, Bridge.status(late));
        assertEquals(1, Bridge.streamCount(s));
        Object untimed = Bridge.planCompile(new String[] {"v"}, new String[] {"close + 1"});
        assertEquals(0, Bridge.planReadsTime(untimed));
        Object u = Bridge.streamOpen(untimed, ByteBuffer.allocateDirect(Double.BYTES).order(ByteOrder.nativeOrder()));
        Bridge.streamUpdate(u);
        assertEquals("plan: the current values carry no time; give each bar's close time with ta_stream_update_at",
                thrown(() -> Bridge.streamTime(u)).getMessage());
    }

    @Test
    void timesThatDoNotFitAreRefusedNamingTheBar() {
        Object plan = Bridge.planCompile(new String[] {"v"}, new String[] {"close@1w"});
        String[] names = {"close"};
        double[][] data = {{1, 2, 3}};
        long[] three = {3};
        Throwable few = thrown(() -> Bridge.planRunTimed(plan, names, three, data, three, new long[] {1, 2}));
        assertEquals(Bridge.SHAPE_MISMATCH, Bridge.status(few));
        assertEquals("bars: 2 times for 3 bars; give one close time per bar", few.getMessage());
        Throwable order = thrown(() -> Bridge.planRunTimed(plan, names, new long[] {3}, data, new long[] {3},
                new long[] {DAY, 3 * DAY, 2 * DAY}));
        assertEquals(Bridge.SHAPE_MISMATCH, Bridge.status(order));
        assertTrue(order.getMessage().contains("bar 2 (" + 2 * DAY + ") is not after bar 1"), order.getMessage());
    }

    @Test
    void anUnknownOrMalformedZoneIsAnUnknownNameWithASuggestion() {
        String[] names = {"v"};
        String[] exprs = {"close@1w"};
        Throwable typo = thrown(() -> Bridge.planCompileZoned(names, exprs, "Europe/Berln"));
        assertEquals(Bridge.UNKNOWN_NAME, Bridge.status(typo));
        assertTrue(typo.getMessage().startsWith("unknown time zone 'Europe/Berln' (did you mean Europe/Berlin?)"),
                typo.getMessage());
        for (String bad : new String[] {"", "+25:00", "Mars/Olympus", "UTC+x"}) {
            Throwable t = thrown(() -> Bridge.planCompileZoned(names, exprs, bad));
            assertEquals(Bridge.UNKNOWN_NAME, Bridge.status(t), bad);
        }
        Plan utc = (Plan) Bridge.planCompileZoned(names, exprs, null);
        assertEquals(ZoneOffset.UTC, utc.zone());
        assertEquals(((Plan) Bridge.planCompile(names, exprs)).fingerprint(), utc.fingerprint());
    }
}
