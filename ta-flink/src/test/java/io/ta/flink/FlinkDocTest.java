package io.ta.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The state sizes docs/flink.md gives per key (what a user sizes a job's state by) are what the serializer writes:
 * they follow every change of a kernel's state layout, which ThroughputBench, where they were measured, does not run
 * in the build to notice.
 */
class FlinkDocTest {

    @Test
    void statedStateSizesAreTheSerializersOwn() throws IOException {
        String doc = doc();

        Matcher plan = find(doc, "\\*\\*([\\d,]+) bytes\\*\\* of plan state \\(8 timestamp \\+ 4 length \\+ ([\\d,]+)"
                + " snapshot\\), plus, under\\s+`EVENT_TIME`, ([\\d,]+) bytes per bar waiting for the watermark"
                + " \\(8 key \\+ ([\\d,]+) bar\\)");
        TestMarket market = TestMarket.of(1, 500, 17);
        int state = stateBytes(FlinkClusterTest.SPEC, market, 500);
        assertEquals(state, number(plan, 1), "the ten-node plan's state per key");
        assertEquals(state - 12, number(plan, 2), "the ten-node plan's snapshot");
        DataOutputSerializer b = new DataOutputSerializer(64);
        TypeInformation.of(Bar.class).createSerializer(new SerializerConfigImpl()).serialize(market.bar(0, 0), b);
        assertEquals(8 + b.length(), number(plan, 3), "a waiting bar");
        assertEquals(b.length(), number(plan, 4), "a bar");

        Matcher time = find(doc, "snapshots to at most \\*\\*([\\d,]+) bytes\\*\\* per key on\\s+one-minute bars");
        int[] largest = largestSnapshots(TimeFlinkClusterTest.SPEC, TestMarket.sessions(1, 5_000, 43), 1_000, 5_000);
        assertEquals(largest[0], largest[1], "the time plan's snapshot is as large after 1,000 bars as after 5,000");
        assertEquals(largest[1], number(time, 1), "the time plan's largest snapshot per key");
    }

    /** The largest plan snapshot a key's state held over its first {@code bars[j]} bars, for each j. */
    private static int[] largestSnapshots(PlanSpec spec, TestMarket market, int... bars) {
        PlanState st = new PlanStateSerializer(spec).createInstance();
        double[] row = new double[st.plan().columnCount()];
        int[] largest = new int[bars.length];
        int most = 0;
        for (int i = 0, j = 0; j < bars.length; i++) {
            st.plan().columns(market.bar(0, i), row);
            st.update(market.bar(0, i).time(), row);
            most = Math.max(most, st.snapshotBytes().length);
            if (i + 1 == bars[j]) {
                largest[j++] = most;
            }
        }
        return largest;
    }

    /** The bytes {@link PlanStateSerializer} writes for a key after {@code bars} bars of symbol 0. */
    private static int stateBytes(PlanSpec spec, TestMarket market, int bars) throws IOException {
        PlanStateSerializer serializer = new PlanStateSerializer(spec);
        PlanState st = serializer.createInstance();
        double[] row = new double[st.plan().columnCount()];
        for (int i = 0; i < bars; i++) {
            st.plan().columns(market.bar(0, i), row);
            st.update(market.bar(0, i).time(), row);
        }
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(st, out);
        return out.length();
    }

    private static Matcher find(String doc, String regex) {
        Matcher m = Pattern.compile(regex).matcher(doc);
        assertTrue(m.find(), "docs/flink.md no longer says: " + regex);
        return m;
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group).replace(",", ""));
    }

    private static String doc() throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("docs/flink.md");
            if (Files.isRegularFile(f)) {
                return Files.readString(f);
            }
        }
        throw new IOException("docs/flink.md not found above " + Path.of("").toAbsolutePath());
    }
}
